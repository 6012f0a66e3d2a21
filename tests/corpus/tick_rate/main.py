"""Corpus: measures its own frame rate with clock.tick(30) over 180 frames.

At the end prints `fps <frames per second>` (from pygame.time.get_ticks(), one decimal) and
`ticks <get_ticks()>`, then `game over`. Space ends it early (still printing both).
"""

import pygame

pygame.init()
screen = pygame.display.set_mode((640, 480))
pygame.display.set_caption("tick_rate")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

start = pygame.time.get_ticks()
frame = 0
running = True
while running and frame < 180:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.KEYDOWN:
            print(f"key {pygame.key.name(event.key)}", flush=True)
            if event.key == pygame.K_SPACE:
                running = False
        elif event.type == pygame.MOUSEBUTTONDOWN:
            print(f"click {event.pos[0]} {event.pos[1]}", flush=True)

    screen.fill((0, 40, 0))
    pygame.draw.rect(screen, (0, 220, 0), (0, 200, frame * 640 // 180, 80))
    screen.blit(
        font.render(f"tick_rate {frame}  {clock.get_fps():.1f} fps", True, "white"), (10, 10)
    )
    pygame.display.flip()

    frame += 1
    if frame == 1:
        print("started", flush=True)
    if frame % 60 == 0:
        print(f"frame {frame}", flush=True)
    clock.tick(30)

ticks = pygame.time.get_ticks()
elapsed = max(ticks - start, 1) / 1000
print(f"fps {frame / elapsed:.1f}", flush=True)
print(f"ticks {ticks}", flush=True)
print("game over", flush=True)
pygame.quit()
