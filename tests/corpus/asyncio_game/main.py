"""Corpus: a game already written for the browser: async def main() + await asyncio.sleep(0).

Ends after 300 frames or on space.
"""

import asyncio

import pygame


async def main() -> None:
    pygame.init()
    screen = pygame.display.set_mode((640, 480))
    pygame.display.set_caption("asyncio_game")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 36)

    frame = 0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN:
                print(f"key {pygame.key.name(event.key)}", flush=True)
                if event.key == pygame.K_SPACE:
                    running = False
            elif event.type == pygame.MOUSEBUTTONDOWN:
                print(f"click {event.pos[0]} {event.pos[1]}", flush=True)

        screen.fill((30, 10, 60))
        size = 20 + frame % 80
        pygame.draw.rect(screen, (255, 150, 50), (320 - size, 240 - size, 2 * size, 2 * size), 6)
        screen.blit(font.render(f"asyncio_game {frame}", True, "white"), (10, 10))
        pygame.display.flip()

        frame += 1
        if frame == 1:
            print("started", flush=True)
        if frame % 60 == 0:
            print(f"frame {frame}", flush=True)
        if frame >= 300:
            running = False
        clock.tick(60)
        await asyncio.sleep(0)

    print("game over", flush=True)
    pygame.quit()


asyncio.run(main())
