"""What numpy costs a game that imports it, and what it costs one that does not. Prints numbers.

One small asyncio game (a colour gradient redrawn each frame) in three versions: drawn with
pygame alone; the same with a function it never calls that names `pygame.surfarray`, so that
pack gives it the numpy runtime although it never imports numpy (what every game would pay
if numpy were linked into the one runtime); and drawn with numpy + pygame.surfarray. Each
is packed, served by stock nginx and started in headless Chromium: the runtime variant
`pack` chose, the files the page fetched and their bytes (uncompressed, gzip -9, brotli
-q11), the modules of numpy shipped, and navigation -> first frame (median of --runs, a
fresh browser profile each). With --baseline-runtime DIR (a runtime folder built before
numpy was added), the pygame-only game is also packed against it: its numbers are what a
game paid before, so equal numbers mean numpy costs it nothing. Also the sizes of every
link variant of the runtime.

    python3 -m bench.numpy_bench [--runs N] [--baseline-runtime DIR]
"""

import argparse
import gzip
import json
import tempfile
from pathlib import Path

from bench.common import summary
from bench.startup_bench import fetched_sizes, first_frame_seconds
from pygbag_like.browser import launch_chromium
from pygbag_like.config import load_config
from pygbag_like.pack import pack_game
from pygbag_like.runtime.layout import VARIANTS, RuntimeFiles, find_runtime
from tests.e2e import Nginx

GAME = """
import asyncio
import pygame
{imports}

async def main():
    pygame.init()
    screen = pygame.display.set_mode((320, 240))
    frame = 0
    while frame < 100000:
        {draw}
        pygame.display.flip()
        frame += 1
        await asyncio.sleep(0)

asyncio.run(main())
"""
DRAW_PYGAME = """for x in range(320):
            screen.fill(((x + frame) % 256, x % 256, 128), (x, 0, 1, 240))"""
DRAW_NUMPY = """shade = (np.arange(320) + frame) % 256
        pixels = np.zeros((320, 240, 3), np.uint8)
        pixels[:, :, 0] = shade[:, None]
        pixels[:, :, 1] = (np.arange(320) % 256)[:, None]
        pixels[:, :, 2] = 128
        pygame.surfarray.blit_array(screen, pixels)"""
NEVER_CALLED = "def never_called(surface):\n    return pygame.surfarray.array3d(surface)"
GAMES = {"pygame only": ("", DRAW_PYGAME),
         "pygame only, numpy runtime": (NEVER_CALLED, DRAW_PYGAME),
         "numpy": ("import numpy as np\nimport pygame.surfarray", DRAW_NUMPY)}


def write_game(folder: Path, imports: str, draw: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "main.py").write_text(GAME.format(imports=imports, draw=draw))
    return folder


def bench_game(browser, nginx: Nginx, name: str, game: Path, runtime: RuntimeFiles,
               runs: int) -> None:
    out = game.parent / f"{game.name}-web"
    result = pack_game(game, load_config(game), out, runtime=runtime)
    metadata = json.loads(next(out.glob("game.*.data.json")).read_text())
    numpy_files = [f for f in metadata["files"] if "/numpy/" in f["filename"]]
    url = nginx.publish(out, f"numpy-bench/{game.name}")
    context = browser.new_context()
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    times = [first_frame_seconds(page, url)]
    context.close()
    # The module store is fetched one module (a byte range) at a time: counted apart, as
    # fetches, not as the whole file each time.
    store_fetches = [url for url in urls if "/runtime/modules." in url]
    raw, gz, br = fetched_sizes(nginx.www, [url for url in urls if url not in store_fetches])
    print(f"{name}: runtime {result.variant.name}; "
          f"{len(urls) - len(store_fetches)} files fetched, "
          f"{raw / 1e6:.2f} MB uncompressed, {gz / 1e6:.2f} MB gzip -9, "
          f"{br / 1e6:.2f} MB brotli -q11, and {len(store_fetches)} modules from the store; "
          f"numpy modules shipped: {len(numpy_files)} "
          f"({sum(f['end'] - f['start'] for f in numpy_files) / 1e6:.2f} MB)")
    for _ in range(runs - 1):
        fresh = browser.new_context()
        times.append(first_frame_seconds(fresh.new_page(), url))
        fresh.close()
    print(f"{name}: navigation -> first frame: {summary(times)}")


def variant_sizes(runtime: RuntimeFiles) -> None:
    for variant in VARIANTS:
        wasm = runtime.root / variant.wasm
        if wasm.exists():
            print(f"{variant.wasm}: {wasm.stat().st_size / 1e6:.2f} MB, "
                  f"{len(gzip.compress(wasm.read_bytes(), 9)) / 1e6:.2f} MB gzip -9")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-runtime", type=Path,
                        help="a runtime folder from before numpy, for the pygame-only game")
    args = parser.parse_args()
    runtime = find_runtime()
    variant_sizes(runtime)
    with tempfile.TemporaryDirectory(prefix="numpy-bench-") as tmp:
        root = Path(tmp)
        nginx = Nginx(root / "nginx")
        try:
            with launch_chromium() as browser:
                for index, (name, (imports, draw)) in enumerate(GAMES.items()):
                    game = write_game(root / f"game{index}", imports, draw)
                    bench_game(browser, nginx, name, game, runtime, args.runs)
                    if args.baseline_runtime and index == 0:
                        bench_game(browser, nginx, f"{name}, runtime before numpy", game,
                                   RuntimeFiles(args.baseline_runtime), args.runs)
        finally:
            nginx.stop()


if __name__ == "__main__":
    main()
