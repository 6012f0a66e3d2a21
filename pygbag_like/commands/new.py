"""`pack new NAME`: a starter game folder that packs and plays at once."""

import argparse
from pathlib import Path

from pygbag_like.errors import UsageError

MAIN = '''"""{title}: a starting point. Arrows move the square; Escape ends the game.

Runs on the desktop (python main.py) and in the browser (pack . --serve) as it is.
"""

import asyncio

import pygame

WIDTH, HEIGHT = 640, 480


async def main() -> None:
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("{title}")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 36)
    player = pygame.Rect(WIDTH // 2 - 20, HEIGHT // 2 - 20, 40, 40)
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                running = False
        keys = pygame.key.get_pressed()
        player.x += 5 * (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT])
        player.y += 5 * (keys[pygame.K_DOWN] - keys[pygame.K_UP])
        player.clamp_ip(screen.get_rect())

        screen.fill((30, 30, 50))
        pygame.draw.rect(screen, (240, 200, 80), player)
        screen.blit(font.render("{title}", True, "white"), (20, 20))
        pygame.display.flip()
        clock.tick(60)
        await asyncio.sleep(0)  # gives the frame back to the browser
    pygame.quit()


asyncio.run(main())
'''
PACK_TOML = '''# Settings for `pack` (see the README of pygbag_like).
title = "{title}"
width = {width}
height = {height}
'''
PACKIGNORE = '''# Files `pack` leaves out (gitignore syntax), besides the usual caches and secrets.
*.xcf
*.psd
notes/
'''


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = commands.add_parser("new", prog="pack new",
                                 help="create a starter game folder that packs and plays",
                                 description="Create a game folder: main.py (an asyncio game "
                                             "loop), assets/, pack.toml and .packignore.")
    parser.add_argument("folder", help="the new folder (it must not exist yet)")
    return parser


def run(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if folder.exists():
        raise UsageError(f"{folder} already exists: give the name of a new folder")
    title = folder.resolve().name.replace("_", " ").replace("-", " ").title()
    folder.mkdir(parents=True)
    (folder / "assets").mkdir()
    (folder / "main.py").write_text(MAIN.format(title=title), encoding="utf-8")
    (folder / "pack.toml").write_text(PACK_TOML.format(title=title, width=640, height=480),
                                      encoding="utf-8")
    (folder / ".packignore").write_text(PACKIGNORE, encoding="utf-8")
    print(f"created {folder}: try `pack {folder} --serve`")
    return 0
