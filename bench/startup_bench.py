"""Download size and start-up time of real games, as a player gets them. Prints numbers only.

For each game (the asyncio example `async_sprites`, and pygame-ce's own `aliens`, a blocking
loop): the files the page really fetched and their bytes on the wire from a server that does
not compress (stock nginx), with gzip, and with brotli -q11 (what a compressing host sends);
navigation -> first drawn frame (`pl:first-frame`) for a player who clicks as soon as the
page is ready, median of 5, and the same on a second visit (browser cache warm).

    python3 -m bench.startup_bench [--runs N]
"""

import argparse
import gzip
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import brotli

from bench.common import summary
from pygbag_like.browser import launch_chromium
from tests.e2e import REPO, Nginx


def aliens_game(root: Path) -> Path:
    """pygame-ce's aliens example as a game folder (main.py + its data)."""
    from pygbag_like.runtime import paths

    sdist = next(paths.sources_dir().glob("pygame_ce-*.tar.gz"))
    subprocess.run(["tar", "-xzf", sdist, "-C", root, "--wildcards", "*/examples/*"], check=True)
    examples = next(root.glob("pygame_ce-*/examples"))
    game = root / "aliens"
    game.mkdir()
    shutil.copy(examples / "aliens.py", game / "main.py")
    shutil.copytree(examples / "data", game / "data")
    return game


def fetched_sizes(served_root: Path, urls: list[str]) -> tuple[int, int, int]:
    """Raw, gzip -9 and brotli -q11 bytes of the files behind `urls`."""
    raw = gz = br = 0
    for url in urls:
        path = served_root / urlparse(url).path.lstrip("/")
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            gz += len(gzip.compress(data, 9))
            br += len(brotli.compress(data, quality=11))
    return raw, gz, br


# The page's start-up marks (docs/runtime-contract.md), in the order they happen.
MARKS = ("pl:downloaded", "pl:instantiated", "pl:mounted", "pl:python-ready", "pl:clicked",
         "pl:first-frame")


def first_frame_seconds(page, url: str, timeline: dict[str, list[float]] | None = None) -> float:
    """Navigation -> the game's first drawn frame, clicking as soon as the page is ready;
    the time of each start-up mark is added to `timeline`."""
    page.goto(url)
    page.wait_for_function("['ready', 'running'].includes(document.body.dataset.state)",
                           timeout=60000)
    if page.evaluate("document.body.dataset.state") == "ready":
        page.evaluate("performance.mark('pl:clicked')")
        page.locator("#pl-start").click()
    page.wait_for_function("performance.getEntriesByName('pl:first-frame').length",
                           timeout=60000)
    marks = page.evaluate("Object.fromEntries(performance.getEntriesByType('mark')"
                          ".map(m => [m.name, m.startTime]))")
    for name in MARKS:
        if timeline is not None and name in marks:
            timeline.setdefault(name, []).append(marks[name] / 1000)
    return marks["pl:first-frame"] / 1000


def bench_game(browser, nginx: Nginx, name: str, game: Path, runs: int) -> None:
    subprocess.run([sys.executable, "-m", "pygbag_like", str(game)], check=True,
                   stdout=subprocess.DEVNULL)
    url = nginx.publish(game / "build" / "web", f"games/{name}")
    context = browser.new_context()
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    first = first_frame_seconds(page, url)
    raw, gz, br = fetched_sizes(nginx.www, urls)
    print(f"{name}: {len(urls)} files fetched; on the wire {raw / 1e6:.2f} MB uncompressed, "
          f"{gz / 1e6:.2f} MB gzip -9, {br / 1e6:.2f} MB brotli -q11")
    cold = [first]
    timeline: dict[str, list[float]] = {}
    for _ in range(runs - 1):
        fresh = browser.new_context()
        cold.append(first_frame_seconds(fresh.new_page(), url, timeline))
        fresh.close()
    print(f"{name}: navigation -> first frame, clicking at once: {summary(cold)}")
    print(f"{name}: start-up timeline (median s after navigation): " + ", ".join(
        f"{mark.removeprefix('pl:')} {statistics.median(times):.3f}"
        for mark, times in timeline.items()))
    warm = [first_frame_seconds(page, url) for _ in range(runs)]
    print(f"{name}: second visit (cache warm) -> first frame: {summary(warm)}")
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        root = Path(tmp)
        nginx = Nginx(root / "nginx")
        try:
            sprites = root / "async_sprites"
            shutil.copytree(REPO / "examples" / "async_sprites", sprites)
            games = {"async_sprites": sprites, "aliens": aliens_game(root)}
            with launch_chromium() as browser:
                for name, game in games.items():
                    bench_game(browser, nginx, name, game, args.runs)
        finally:
            nginx.stop()


if __name__ == "__main__":
    main()
