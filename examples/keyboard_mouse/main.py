"""Keyboard and mouse: a desktop-style blocking game loop, no asyncio needed.

Arrow keys or WASD move the square while held; a click sets a target it walks to; the mouse
draws a crosshair. Escape ends the game.
"""

import math

import pygame

WIDTH, HEIGHT = 640, 480
SIZE, SPEED = 40, 4

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Keyboard and mouse")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 28)

pos = pygame.Vector2(WIDTH / 2, HEIGHT / 2)
target: pygame.Vector2 | None = None
frame = 0
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.KEYDOWN:
            print(f"key {pygame.key.name(event.key)}", flush=True)
            if event.key == pygame.K_ESCAPE:
                running = False
        elif event.type == pygame.MOUSEBUTTONDOWN:
            print(f"click {event.pos[0]} {event.pos[1]}", flush=True)
            target = pygame.Vector2(event.pos)

    # Held keys: read the whole keyboard state once per frame.
    keys = pygame.key.get_pressed()
    move = pygame.Vector2(
        (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a]),
        (keys[pygame.K_DOWN] or keys[pygame.K_s]) - (keys[pygame.K_UP] or keys[pygame.K_w]),
    )
    if move:
        target = None  # the keyboard takes over from the mouse
        pos += move.normalize() * SPEED
    elif target is not None:
        pos.move_towards_ip(target, SPEED)
        if pos == target:
            target = None
    pos.x = pygame.math.clamp(pos.x, SIZE / 2, WIDTH - SIZE / 2)
    pos.y = pygame.math.clamp(pos.y, SIZE / 2, HEIGHT - SIZE / 2)

    screen.fill((25, 30, 45))
    for x in range(0, WIDTH, 40):
        pygame.draw.line(screen, (40, 48, 70), (x, 0), (x, HEIGHT))
    for y in range(0, HEIGHT, 40):
        pygame.draw.line(screen, (40, 48, 70), (0, y), (WIDTH, y))
    if target is not None:
        pygame.draw.circle(screen, (90, 200, 120), target, 8, 2)
        pygame.draw.line(screen, (90, 200, 120), pos, target)
    player = pygame.Rect(0, 0, SIZE, SIZE)
    player.center = round(pos.x), round(pos.y)
    pygame.draw.rect(screen, (80, 160, 255), player, border_radius=6)
    # A dot circling the player, so the picture changes every frame even when idle.
    angle = frame * 0.1
    orbit = pos + pygame.Vector2(math.cos(angle), math.sin(angle)) * 34
    pygame.draw.circle(screen, (255, 210, 90), orbit, 5)

    mx, my = pygame.mouse.get_pos()
    pygame.draw.line(screen, (255, 90, 90), (mx - 12, my), (mx + 12, my), 2)
    pygame.draw.line(screen, (255, 90, 90), (mx, my - 12), (mx, my + 12), 2)
    pygame.draw.circle(screen, (255, 90, 90), (mx, my), 8, 1)

    lines = [
        "arrows / WASD: move   click: walk there   esc: quit",
        f"player {player.centerx},{player.centery}   mouse {mx},{my}",
    ]
    for i, text in enumerate(lines):
        screen.blit(font.render(text, True, (220, 220, 235)), (10, 10 + 24 * i))
    pygame.display.flip()

    frame += 1
    if frame == 1:
        print("started", flush=True)
    if frame % 60 == 0:
        print(f"frame {frame}", flush=True)
    clock.tick(60)

print("game over", flush=True)
pygame.quit()
