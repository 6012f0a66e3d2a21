"""Corpus: three loops one after another: title screen, game, game-over screen.

Title: until space or 120 frames. Game: until space or 300 frames. Game over: 60 frames
(space ends it early). Prints `phase <name>` when each loop starts.
"""

import pygame

pygame.init()
screen = pygame.display.set_mode((640, 480))
pygame.display.set_caption("sequential_loops")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 48)
frame = 0  # counts frames over all three loops


def handle_events() -> bool:
    """Print the input markers; True when space was pressed (or the window closed)."""
    skip = False
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            skip = True
        elif event.type == pygame.KEYDOWN:
            print(f"key {pygame.key.name(event.key)}", flush=True)
            skip = skip or event.key == pygame.K_SPACE
        elif event.type == pygame.MOUSEBUTTONDOWN:
            print(f"click {event.pos[0]} {event.pos[1]}", flush=True)
    return skip


def show(text: str, color: tuple[int, int, int]) -> None:
    global frame
    screen.fill(color)
    pygame.draw.circle(screen, "white", (frame * 6 % 640, 400), 20)
    screen.blit(font.render(text, True, "white"), (40, 200))
    pygame.display.flip()
    frame += 1
    if frame == 1:
        print("started", flush=True)
    if frame % 60 == 0:
        print(f"frame {frame}", flush=True)
    clock.tick(60)


print("phase title", flush=True)
n = 0
while n < 120 and not handle_events():
    show(f"TITLE - press space ({n})", (30, 30, 90))
    n += 1

print("phase play", flush=True)
n = 0
while n < 300 and not handle_events():
    show(f"PLAYING {n}", (20, 90, 40))
    n += 1

print("phase end", flush=True)
n = 0
while n < 60 and not handle_events():
    show(f"GAME OVER {n}", (110, 20, 20))
    n += 1

print("game over", flush=True)
pygame.quit()
