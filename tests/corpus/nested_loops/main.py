"""Corpus: an outer `while True` over levels with an inner per-level loop (3 levels x 60 frames).

Space skips to the next level. Prints `level <n>` when a level starts.
"""

import pygame

pygame.init()
screen = pygame.display.set_mode((640, 480))
pygame.display.set_caption("nested_loops")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 48)
COLORS = [(120, 40, 40), (40, 120, 40), (40, 40, 120)]

frame = 0
level = 0
while True:
    level += 1
    if level > 3:
        break
    print(f"level {level}", flush=True)
    level_frame = 0
    while level_frame < 60:
        skip = False
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                level, skip = 3, True  # ends the game after this level
            elif event.type == pygame.KEYDOWN:
                print(f"key {pygame.key.name(event.key)}", flush=True)
                skip = skip or event.key == pygame.K_SPACE
            elif event.type == pygame.MOUSEBUTTONDOWN:
                print(f"click {event.pos[0]} {event.pos[1]}", flush=True)
        if skip:
            break

        screen.fill(COLORS[level - 1])
        pygame.draw.rect(screen, "white", (level_frame * 10, 300, 40, 40))
        screen.blit(font.render(f"LEVEL {level}  {level_frame}", True, "white"), (40, 100))
        pygame.display.flip()
        level_frame += 1
        frame += 1
        if frame == 1:
            print("started", flush=True)
        if frame % 60 == 0:
            print(f"frame {frame}", flush=True)
        clock.tick(60)

print("game over", flush=True)
pygame.quit()
