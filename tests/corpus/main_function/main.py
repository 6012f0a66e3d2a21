"""Corpus: the loop inside def main(), called under the __main__ guard; ends with sys.exit().

Ends after 300 frames or on space.
"""

import sys

import pygame


def main() -> None:
    pygame.init()
    screen = pygame.display.set_mode((640, 480))
    pygame.display.set_caption("main_function")
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

        screen.fill((40, 20, 40))
        box = pygame.Rect(0, 0, 60, 60)
        box.center = (320, 240 + (frame * 5 % 200) - 100)
        pygame.draw.rect(screen, (90, 220, 160), box)
        screen.blit(font.render(f"main_function {frame}", True, "white"), (10, 10))
        pygame.display.flip()

        frame += 1
        if frame == 1:
            print("started", flush=True)
        if frame % 60 == 0:
            print(f"frame {frame}", flush=True)
        if frame >= 300:
            running = False
        clock.tick(60)

    print("game over", flush=True)
    pygame.quit()
    sys.exit()


if __name__ == "__main__":
    main()
