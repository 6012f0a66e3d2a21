"""Corpus: paced with time.sleep(1 / 60) instead of a pygame Clock.

Ends after 300 frames or on space.
"""

import time

import pygame

pygame.init()
screen = pygame.display.set_mode((640, 480))
pygame.display.set_caption("time_sleep_loop")
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

    shade = frame * 5 % 256
    screen.fill((shade, 40, 255 - shade))
    pygame.draw.circle(screen, "white", (320, 240), 40 + frame % 60)
    screen.blit(font.render(f"time_sleep_loop {frame}", True, "black"), (10, 10))
    pygame.display.update()

    frame += 1
    if frame == 1:
        print("started", flush=True)
    if frame % 60 == 0:
        print(f"frame {frame}", flush=True)
    if frame >= 300:
        running = False
    time.sleep(1 / 60)

print("game over", flush=True)
pygame.quit()
