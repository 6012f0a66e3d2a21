"""Corpus: main.py sets up the window; the loop lives in scenes.play(), imported from scenes.py.

Ends after 300 frames or on space.
"""

import pygame
import scenes

pygame.init()
screen = pygame.display.set_mode((640, 480))
pygame.display.set_caption("imported_loop")
frames = scenes.play(screen)
print(f"played {frames} frames", flush=True)
print("game over", flush=True)
pygame.quit()
