"""Corpus: a `class Game` whose `run()` method holds the loop; started with Game().run().

Ends after 300 frames or on space.
"""

import pygame


class Game:
    def __init__(self) -> None:
        pygame.init()
        self.screen = pygame.display.set_mode((640, 480))
        pygame.display.set_caption("game_class")
        self.clock = pygame.time.Clock()
        self.font = pygame.font.Font(None, 36)
        self.frame = 0
        self.running = True
        self.angle = 0.0

    def handle_events(self) -> None:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                self.running = False
            elif event.type == pygame.KEYDOWN:
                print(f"key {pygame.key.name(event.key)}", flush=True)
                if event.key == pygame.K_SPACE:
                    self.running = False
            elif event.type == pygame.MOUSEBUTTONDOWN:
                print(f"click {event.pos[0]} {event.pos[1]}", flush=True)

    def draw(self) -> None:
        self.screen.fill((15, 45, 45))
        end = pygame.Vector2(320, 240) + pygame.Vector2(150, 0).rotate(self.angle)
        pygame.draw.line(self.screen, (240, 240, 120), (320, 240), end, 8)
        self.screen.blit(self.font.render(f"game_class {self.frame}", True, "white"), (10, 10))
        pygame.display.flip()

    def run(self) -> None:
        while self.running:
            self.handle_events()
            self.angle += 3
            self.draw()
            self.frame += 1
            if self.frame == 1:
                print("started", flush=True)
            if self.frame % 60 == 0:
                print(f"frame {self.frame}", flush=True)
            if self.frame >= 300:
                self.running = False
            self.clock.tick(60)
        print("game over", flush=True)
        pygame.quit()


Game().run()
