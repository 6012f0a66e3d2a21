"""Blits and surface operations, browser vs native, in one run.

The same script runs natively (the host's pygame-ce, SDL's dummy video driver) and in the
browser (`pack exec --asyncify`, headless Chromium); each operation is timed over ROUNDS
rounds and the medians are printed side by side with their ratio. Prints numbers; asserts
nothing.
"""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROUNDS = 7
SCRIPT = f"""
import statistics, time
import pygame

pygame.init()
screen = pygame.display.set_mode((1920, 960))
sprite = pygame.Surface((1920, 960), pygame.SRCALPHA)
sprite.fill((200, 100, 50, 128))
sprite = sprite.convert_alpha()
tile = pygame.Surface((32, 32), pygame.SRCALPHA)
tile.fill((10, 200, 30, 200))
tile = tile.convert_alpha()
opaque = pygame.Surface((1920, 960)).convert()
image = pygame.Surface((1024, 512), pygame.SRCALPHA)
OPERATIONS = {{
    "alpha blit 1920x960": lambda: screen.blit(sprite, (0, 0)),
    "2000 alpha tiles 32x32": lambda: [screen.blit(tile, (i % 60 * 32, i // 60 * 32))
                                       for i in range(2000)],
    "opaque blit 1920x960": lambda: screen.blit(opaque, (0, 0)),
    "BLEND_ADD blit 1920x960": lambda: screen.blit(sprite, (0, 0),
                                                   special_flags=pygame.BLEND_ADD),
    "scale 1024x512 to 1920x960": lambda: pygame.transform.scale(image, (1920, 960)),
    "convert_alpha 1920x960": lambda: sprite.convert_alpha(),
    "fill 1920x960": lambda: screen.fill((1, 2, 3)),
}}
for name, operation in OPERATIONS.items():
    times = []
    for _ in range({ROUNDS}):
        start = time.perf_counter()
        for _ in range(5):
            operation()
        times.append((time.perf_counter() - start) / 5 * 1000)
    print(f"OP {{name}}: {{statistics.median(times):.3f}}", flush=True)
"""
LINE = re.compile(r"^OP (?P<name>.+): (?P<ms>[\d.]+)$", re.MULTILINE)


def timings(output: str) -> dict[str, float]:
    return {match["name"]: float(match["ms"]) for match in LINE.finditer(output)}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "blits.py"
        script.write_text(SCRIPT, encoding="utf-8")
        native = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                                env={**os.environ, "SDL_VIDEODRIVER": "dummy",
                                     "SDL_AUDIODRIVER": "dummy"}, check=True)
        browser = subprocess.run([sys.executable, "-m", "pygbag_like", "exec", "--asyncify",
                                  str(script)], capture_output=True, text=True, check=True)
    here, there = timings(native.stdout), timings(browser.stdout)
    print(f"{'operation':30} {'native ms':>10} {'browser ms':>11} {'ratio':>6}  "
          f"(medians of {ROUNDS})")
    for name, ms in there.items():
        print(f"{name:30} {here[name]:10.3f} {ms:11.3f} {ms / here[name]:6.1f}")


if __name__ == "__main__":
    main()
