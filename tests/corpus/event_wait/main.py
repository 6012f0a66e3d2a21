"""Corpus: a turn-based loop that blocks in pygame.event.wait().

A 100 ms timer (pygame.USEREVENT) advances it: each timer event prints `timer <n>` and draws
a frame; every 10th prints `frame <n>`. Ends after 50 timer events (5 s) or on space.
"""

import pygame

pygame.init()
screen = pygame.display.set_mode((640, 480))
pygame.display.set_caption("event_wait")
font = pygame.font.Font(None, 36)
pygame.time.set_timer(pygame.USEREVENT, 100)


def draw(turn: int) -> None:
    screen.fill((20, 20, 20))
    for k in range(turn % 16 + 1):
        pygame.draw.rect(screen, (80, 200, 255), (20 + k * 38, 220, 30, 30))
    screen.blit(font.render(f"event_wait turn {turn}", True, "white"), (10, 10))
    pygame.display.flip()


turns = 0
draw(turns)
print("started", flush=True)
running = True
while running:
    event = pygame.event.wait()
    if event.type == pygame.QUIT:
        running = False
    elif event.type == pygame.KEYDOWN:
        print(f"key {pygame.key.name(event.key)}", flush=True)
        running = event.key != pygame.K_SPACE
    elif event.type == pygame.MOUSEBUTTONDOWN:
        print(f"click {event.pos[0]} {event.pos[1]}", flush=True)
    elif event.type == pygame.USEREVENT:
        turns += 1
        print(f"timer {turns}", flush=True)
        draw(turns)
        if turns % 10 == 0:
            print(f"frame {turns}", flush=True)
        running = turns < 50

pygame.time.set_timer(pygame.USEREVENT, 0)
print("game over", flush=True)
pygame.quit()
