"""The game loop of the imported_loop corpus game, imported by main.py."""

import pygame


def play(screen: pygame.Surface) -> int:
    """Run the loop until space or 300 frames; return the number of frames drawn."""
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

        screen.fill((50, 35, 20))
        for k in range(5):
            x = (frame * (k + 2) + k * 120) % 640
            pygame.draw.circle(screen, (200, 120 + k * 25, 60), (x, 100 + k * 70), 18)
        screen.blit(font.render(f"imported_loop {frame}", True, "white"), (10, 10))
        pygame.display.flip()

        frame += 1
        if frame == 1:
            print("started", flush=True)
        if frame % 60 == 0:
            print(f"frame {frame}", flush=True)
        if frame >= 300:
            running = False
        clock.tick(60)
    return frame
