"""Corpus: sys.exit(0) called from inside the frame loop, right after printing `game over`.

Ends after 300 frames or on space.
"""

import sys

import pygame

pygame.init()
screen = pygame.display.set_mode((640, 480))
pygame.display.set_caption("sys_exit_in_loop")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

frame = 0
while True:
    for event in pygame.event.get():
        if event.type == pygame.KEYDOWN:
            print(f"key {pygame.key.name(event.key)}", flush=True)
            if event.key == pygame.K_SPACE:
                print("game over", flush=True)
                pygame.quit()
                sys.exit(0)
        elif event.type == pygame.MOUSEBUTTONDOWN:
            print(f"click {event.pos[0]} {event.pos[1]}", flush=True)
        elif event.type == pygame.QUIT:
            pygame.quit()
            sys.exit(0)

    screen.fill((10, 10, 10))
    pygame.draw.polygon(screen, (255, 100, 100), [(frame * 3 % 640, 200), (320, 420), (600, 300)])
    screen.blit(font.render(f"sys_exit_in_loop {frame}", True, "white"), (10, 10))
    pygame.display.flip()

    frame += 1
    if frame == 1:
        print("started", flush=True)
    if frame % 60 == 0:
        print(f"frame {frame}", flush=True)
    if frame >= 300:
        print("game over", flush=True)
        pygame.quit()
        sys.exit(0)
    clock.tick(60)
