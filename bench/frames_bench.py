"""Blocking loop vs asyncio loop in the browser (issue: desktop games unmodified).

The same sprite scene is written twice, packed (the blocking one gets the asyncify runtime, the
asyncio one the plain runtime), served, and run in headless Chromium. Each scene reports the
milliseconds per frame spent in game code (update + draw) and the frames per second it got.
Also prints the runtime download size of each variant and a pure-Python timing.
Prints numbers; asserts nothing.
"""

import gzip
import statistics
import tempfile
import textwrap
from pathlib import Path

from bench.common import serve
from pygbag_like.browser import launch_chromium
from pygbag_like.config import load_config
from pygbag_like.pack import pack_game

SCENE = """
import random, time{extra_import}
import pygame

FRAMES = 600
pygame.init()
screen = pygame.display.set_mode((640, 480))
clock = pygame.time.Clock()
image = pygame.Surface((16, 16))
image.fill((240, 200, 40))

class Ball(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.image = image
        self.rect = image.get_rect(center=(random.randrange(640), random.randrange(480)))
        self.v = pygame.Vector2(random.uniform(-3, 3), random.uniform(-3, 3))
    def update(self):
        self.rect.move_ip(self.v)
        if not screen.get_rect().contains(self.rect):
            self.v *= -1

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

t = time.perf_counter(); fib(22); print("fib22_ms %.1f" % ((time.perf_counter() - t) * 1000))
balls = pygame.sprite.Group(Ball() for _ in range(1000))
{loop}
"""

BLOCKING_LOOP = """
work, start = [], None
for frame in range(FRAMES):
    if frame == 60:
        start = time.perf_counter()
    t = time.perf_counter()
    pygame.event.pump()
    balls.update()
    screen.fill((0, 0, 40))
    balls.draw(screen)
    work.append(time.perf_counter() - t)
    pygame.display.flip()
    clock.tick(60)
print("work_ms %.2f fps %.1f" % (sum(work[60:]) / len(work[60:]) * 1000,
                                 (FRAMES - 60) / (time.perf_counter() - start)))
print("bench done")
"""

ASYNC_LOOP = """
async def main():
    work, start = [], None
    for frame in range(FRAMES):
        if frame == 60:
            start = time.perf_counter()
        t = time.perf_counter()
        pygame.event.pump()
        balls.update()
        screen.fill((0, 0, 40))
        balls.draw(screen)
        work.append(time.perf_counter() - t)
        pygame.display.flip()
        await asyncio.sleep(0)
    print("work_ms %.2f fps %.1f" % (sum(work[60:]) / len(work[60:]) * 1000,
                                     (FRAMES - 60) / (time.perf_counter() - start)))
    print("bench done")

asyncio.run(main())
"""


def make_game(folder: Path, loop: str, extra_import: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "main.py").write_text(textwrap.dedent(SCENE).format(
        loop=textwrap.dedent(loop), extra_import=extra_import))
    return folder


def run(browser, url: str) -> dict[str, float]:
    page = browser.new_page()
    lines: list[str] = []
    page.on("console", lambda m: lines.append(m.text))
    page.goto(url)
    page.wait_for_function("document.body.dataset.state === 'ready'", timeout=60000)
    page.locator("#pl-start").click()
    page.wait_for_function("document.body.dataset.state === 'ended' || "
                           "document.body.dataset.state === 'failed'", timeout=120000)
    page.close()
    values = {}
    for line in lines:
        parts = line.split()
        for key, value in zip(parts[::2], parts[1::2], strict=False):
            if key in ("work_ms", "fps", "fib22_ms"):
                values[key] = float(value)
    return values


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, launch_chromium() as browser:
        root = Path(tmp)
        games = {"blocking loop": make_game(root / "blocking", BLOCKING_LOOP, ""),
                 "asyncio loop": make_game(root / "async", ASYNC_LOOP, ", asyncio")}
        www = root / "www"
        www.mkdir()
        for label, game in games.items():
            result = pack_game(game, load_config(game), www / game.name)
            # the packed name carries a content hash: python.<hash>.wasm
            wasm = next((result.out_dir / "runtime").glob(f"{result.variant.name}.*.wasm"))
            data = wasm.read_bytes()
            print(f"{label}: runtime {result.variant.name}, wasm {len(data):,} B raw, "
                  f"{len(gzip.compress(data, 9)):,} B gzip")
        server, base = serve(www)
        try:
            for label, game in games.items():
                runs = [run(browser, f"{base}{game.name}/index.html") for _ in range(3)]
                work = statistics.median(r["work_ms"] for r in runs)
                fps = statistics.median(r["fps"] for r in runs)
                fib = statistics.median(r["fib22_ms"] for r in runs)
                print(f"{label}: game code {work:.2f} ms/frame, {fps:.1f} FPS, "
                      f"fib(22) {fib:.1f} ms (median of 3 runs, 1000 sprites)")
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
