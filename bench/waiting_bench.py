"""A "press a key" screen in the browser: how often the page paints, how long the audio waits
for the main thread, and how long a key takes to reach the game.

The game (WAITING below) plays a looping tone and waits for a key in a loop that draws
nothing, as the Invent-with-Python games do. Give one or more packed output folders of it
(`pack` it with each version to compare; write the game with `--write-game DIR`): each is
served and played ROUNDS times, the folders in turn, and the medians are printed.
Prints numbers; asserts nothing.
"""

import argparse
import itertools
import statistics
import time
from pathlib import Path

from bench.common import serve
from pygbag_like.browser import launch_chromium

WAITING = """
import array, math
import pygame

pygame.mixer.pre_init(22050, -16, 1)
pygame.init()
screen = pygame.display.set_mode((320, 240))
wave = array.array("h", (int(4000 * math.sin(2 * math.pi * 440 * i / 22050))
                         for i in range(22050)))
pygame.mixer.Sound(buffer=wave).play(loops=-1)
screen.fill((0, 80, 0))
pygame.display.flip()
print("waiting", flush=True)
waiting = True
while waiting:
    for event in pygame.event.get():
        if event.type == pygame.KEYDOWN:
            print("key", flush=True)
            waiting = False
"""

# Counts the page's paints and the audio's callbacks (SDL plays through a ScriptProcessor,
# whose callbacks run on the main thread, as the game does).
WATCH = """
window.paints = [];
(function paint() { window.paints.push(performance.now()); requestAnimationFrame(paint); })();
window.audioCalls = [];
const create = AudioContext.prototype.createScriptProcessor;
AudioContext.prototype.createScriptProcessor = function (...args) {
  const node = create.apply(this, args);
  node.addEventListener("audioprocess", () => window.audioCalls.push(performance.now()));
  return node;
};
"""
ROUNDS = 5
WATCH_MS = 3000


def one_round(browser, url: str) -> tuple[float, float, float]:
    """(paints per second, longest audio callback gap in ms, key to game in ms)."""
    page = browser.new_page()
    page.add_init_script(WATCH)
    lines: list[str] = []
    page.on("console", lambda message: lines.append(message.text))
    page.goto(url)
    page.click("#pl-start")
    deadline = time.monotonic() + 60
    while "waiting" not in lines and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    page.wait_for_timeout(500)
    page.evaluate("window.paints = []; window.audioCalls = []")
    page.wait_for_timeout(WATCH_MS)
    paints = page.evaluate("window.paints.length")
    calls = page.evaluate("window.audioCalls")
    pressed = time.monotonic()
    page.keyboard.press("KeyK")
    while not any(line.startswith("key") for line in lines) and time.monotonic() - pressed < 10:
        page.wait_for_timeout(2)
    key_ms = (time.monotonic() - pressed) * 1000
    page.close()
    gaps = [later - earlier for earlier, later in itertools.pairwise(calls)]
    return paints / (WATCH_MS / 1000), max(gaps, default=float("nan")), key_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outputs", nargs="*", type=Path, help="packed output folders")
    parser.add_argument("--write-game", type=Path, help="write the waiting game's main.py here")
    args = parser.parse_args()
    if args.write_game:
        args.write_game.mkdir(parents=True, exist_ok=True)
        (args.write_game / "main.py").write_text(WAITING, encoding="utf-8")
    servers = [serve(folder) for folder in args.outputs]
    results: dict[int, list[tuple[float, float, float]]] = {i: [] for i in range(len(servers))}
    with launch_chromium() as browser:
        for _ in range(ROUNDS):
            for index, (_, url) in enumerate(servers):
                results[index].append(one_round(browser, url + "index.html"))
    for index, folder in enumerate(args.outputs):
        paints, audio_gap, key_ms = (statistics.median(column) for column in zip(*results[index],
                                                                                 strict=True))
        print(f"{folder}: {paints:.0f} paints/s, longest audio gap {audio_gap:.0f} ms, "
              f"key to game {key_ms:.0f} ms (medians of {ROUNDS})")
    for server, _ in servers:
        server.shutdown()


if __name__ == "__main__":
    main()
