"""Corpus: the game loop at module level; ends with pygame.quit() and falls off the script.

Ends after 300 frames or on space.
"""

import pygame

pygame.init()
screen = pygame.display.set_mode((640, 480))
pygame.display.set_caption("module_loop")
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

    screen.fill((20, 30, 50))
    pygame.draw.circle(screen, (250, 200, 60), (frame * 4 % 640, 240), 30)
    screen.blit(font.render(f"module_loop {frame}", True, "white"), (10, 10))
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
