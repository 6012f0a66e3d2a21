"""Corpus: a game loop with NO yield point, for testing the packer's warning.

The main loop draws and reads the keyboard's state, and "waits" with a busy counting loop,
but never calls display.flip/update, Clock.tick, time.sleep, pygame.time.wait/delay or an
event poll (get/poll/peek/pump/wait): in the browser the page freezes until it ends. It
need not run well; it only has to be recognised. Ends after 300 frames (or when space is
held), then shows the last picture once.
"""

import pygame

pygame.init()
screen = pygame.display.set_mode((640, 480))
pygame.display.set_caption("unsupported_loop")
font = pygame.font.Font(None, 36)

frame = 0
running = True
while running:
    if pygame.key.get_pressed()[pygame.K_SPACE]:
        print("key space", flush=True)
        running = False

    screen.fill((60, 0, 0))
    pygame.draw.circle(screen, (255, 255, 0), (frame * 2 % 640, 240), 25)
    screen.blit(font.render(f"unsupported_loop {frame}", True, "white"), (10, 10))

    # A naive delay: count instead of sleeping. Nothing here gives the browser a turn.
    x = 0
    done = False
    while not done:
        x += 1
        if x > 20_000:
            done = True

    frame += 1
    if frame == 1:
        print("started", flush=True)
    if frame % 60 == 0:
        print(f"frame {frame}", flush=True)
    if frame >= 300:
        running = False

pygame.display.flip()  # after the loop: the only time anything reaches the screen
print("game over", flush=True)
pygame.quit()
