"""Async sprites: the pygbag-style asyncio game loop with sprites, sound, music and text.

Space makes the ball jump, a click drops a star where you clicked; catch stars to score.
Escape ends the game.
"""

import asyncio
import random
from pathlib import Path

import pygame

# Images are found next to this file, wherever the game is started from.
ASSETS = Path(__file__).parent / "assets"
WIDTH, HEIGHT = 640, 480
GROUND = 420


class Player(pygame.sprite.Sprite):
    def __init__(self) -> None:
        super().__init__()
        self.image = pygame.image.load(ASSETS / "player.png").convert_alpha()
        self.rect = self.image.get_rect(midbottom=(WIDTH // 2, GROUND))
        self.vx, self.vy = 3, 0.0

    def jump(self) -> None:
        if self.rect.bottom >= GROUND:
            self.vy = -13.0

    def update(self) -> None:
        self.vy += 0.6
        self.rect.move_ip(self.vx, round(self.vy))
        if self.rect.bottom >= GROUND:
            self.rect.bottom, self.vy = GROUND, 0.0
        if self.rect.left < 0 or self.rect.right > WIDTH:
            self.vx = -self.vx


class Star(pygame.sprite.Sprite):
    def __init__(self, image: pygame.Surface, pos: tuple[int, int]) -> None:
        super().__init__()
        self.original = image
        self.image = image
        self.rect = image.get_rect(center=pos)
        self.angle = 0

    def update(self) -> None:
        self.angle = (self.angle + 5) % 360
        center = (self.rect.centerx, self.rect.centery + 3)
        self.image = pygame.transform.rotate(self.original, self.angle)
        self.rect = self.image.get_rect(center=center)
        if self.rect.top > HEIGHT:
            self.kill()


def load_audio() -> pygame.mixer.Sound | None:
    """Start the music and return the blip sound, or None on a machine without audio."""
    try:
        pygame.mixer.init()
        # Relative to the working directory: run from this folder on the desktop; in the
        # browser the game starts in its own folder.
        blip = pygame.mixer.Sound("assets/blip.wav")
        pygame.mixer.music.load("assets/music.wav")
        pygame.mixer.music.set_volume(0.5)
        pygame.mixer.music.play(-1)
    except (pygame.error, FileNotFoundError):
        print("no audio", flush=True)
        return None
    return blip


async def main() -> None:
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Async sprites")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 36)
    blip = load_audio()
    star_image = pygame.image.load(ASSETS / "star.png").convert_alpha()

    player = Player()
    stars: pygame.sprite.Group = pygame.sprite.Group()
    score = frame = 0
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
                    player.jump()
                    if blip:
                        blip.play()
            elif event.type == pygame.MOUSEBUTTONDOWN:
                print(f"click {event.pos[0]} {event.pos[1]}", flush=True)
                stars.add(Star(star_image, event.pos))
                if blip:
                    blip.play()

        if frame % 45 == 0:
            stars.add(Star(star_image, (random.randint(20, WIDTH - 20), -20)))
        player.update()
        stars.update()
        score += len(pygame.sprite.spritecollide(player, stars, dokill=True))

        screen.fill((30, 40, 80))
        pygame.draw.rect(screen, (40, 120, 60), (0, GROUND, WIDTH, HEIGHT - GROUND))
        for x in range(-(frame * 2 % 40), WIDTH, 40):  # scrolling grass stripes
            pygame.draw.line(screen, (60, 160, 80), (x, GROUND + 8), (x + 20, GROUND + 8), 4)
        stars.draw(screen)
        screen.blit(player.image, player.rect)
        screen.blit(font.render(f"Score: {score}", True, "white"), (12, 12))
        hint = font.render("space: jump   click: drop a star   esc: quit", True, (200, 200, 230))
        screen.blit(hint, (12, HEIGHT - 40))
        pygame.display.flip()

        frame += 1
        if frame == 1:
            print("started", flush=True)
        if frame % 60 == 0:
            print(f"frame {frame}", flush=True)
        clock.tick(60)
        await asyncio.sleep(0)  # lets the browser draw the frame and deliver events

    print("game over", flush=True)
    pygame.quit()


asyncio.run(main())
