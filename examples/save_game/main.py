"""Save game: an asyncio clicker that keeps its count in save.json.

Click or press space to count up; every change is saved at once and loaded at the next start.
Escape ends the game.
"""

import asyncio
import json
import math
from pathlib import Path

import pygame

# In the current working directory: the game's folder in the browser.
SAVE = Path("save.json")
WIDTH, HEIGHT = 640, 480
CENTER = (WIDTH // 2, HEIGHT // 2)


def load_count() -> int:
    try:
        count = int(json.loads(SAVE.read_text())["count"])
    except (OSError, ValueError, KeyError, TypeError):  # missing or unreadable: start over
        print("new save", flush=True)
        return 0
    print(f"loaded {count}", flush=True)
    return count


def save_count(count: int) -> None:
    SAVE.write_text(json.dumps({"count": count}))
    print(f"saved {count}", flush=True)


async def main() -> None:
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Save game")
    clock = pygame.time.Clock()
    big = pygame.font.Font(None, 120)
    small = pygame.font.Font(None, 30)

    count = load_count()
    bump = 0.0  # grows on each click and shrinks back: the button "pops"
    frame = 0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN:
                print(f"key {pygame.key.name(event.key)}", flush=True)
                if event.key == pygame.K_ESCAPE:
                    running = False
                elif event.key == pygame.K_SPACE:
                    count += 1
                    bump = 1.0
                    save_count(count)
            elif event.type == pygame.MOUSEBUTTONDOWN:
                print(f"click {event.pos[0]} {event.pos[1]}", flush=True)
                count += 1
                bump = 1.0
                save_count(count)

        bump *= 0.85
        screen.fill((35, 25, 50))
        radius = 110 + 25 * bump
        pygame.draw.circle(screen, (120, 70, 200), CENTER, radius)
        pygame.draw.circle(screen, (200, 160, 255), CENTER, radius, 4)
        for k in range(12):  # a ring of dots turning around the button
            angle = frame * 0.03 + k * math.pi / 6
            dot = (CENTER[0] + 160 * math.cos(angle), CENTER[1] + 160 * math.sin(angle))
            pygame.draw.circle(screen, (255, 200, 80), dot, 6)
        text = big.render(str(count), True, "white")
        screen.blit(text, text.get_rect(center=CENTER))
        hint = small.render("click or space: +1 (saved to save.json)   esc: quit", True, "gray80")
        screen.blit(hint, hint.get_rect(midbottom=(WIDTH // 2, HEIGHT - 12)))
        pygame.display.flip()

        frame += 1
        if frame == 1:
            print("started", flush=True)
        if frame % 60 == 0:
            print(f"frame {frame}", flush=True)
        clock.tick(60)
        await asyncio.sleep(0)

    print("game over", flush=True)
    pygame.quit()


asyncio.run(main())
