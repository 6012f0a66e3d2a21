"""Packer benchmarks (issue: the packager). Prints numbers; asserts nothing.

- pack time for a game with 100 MB of assets in 2,000 files, and repack after one file changes
- bytes a player downloads for each example (raw, gzip, brotli)
- time from navigation to the first game frame (`started`) in headless Chromium from nginx
"""

import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import brotli

from bench.common import summary
from pygbag_like.browser import launch_chromium
from pygbag_like.config import load_config
from pygbag_like.pack import pack_game
from tests.e2e import REPO, Nginx

EXAMPLES = ["async_sprites", "keyboard_mouse", "save_game"]


def bench_big_game(root: Path) -> None:
    game = root / "big"
    (game / "assets").mkdir(parents=True)
    (game / "main.py").write_text("import pygame\nprint('big')\n")
    chunk = os.urandom(50 * 1024)
    for i in range(2000):
        (game / "assets" / f"a{i:04d}.bin").write_bytes(chunk)
    config = load_config(game)
    out = root / "big-out"
    first = []
    for _ in range(3):
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        pack_game(game, config, out)
        first.append(time.perf_counter() - start)
    print(f"pack 100 MB in 2,000 files (fresh output): {summary(first)}")
    repack = []
    for i in range(5):
        (game / "assets" / "a0000.bin").write_bytes(os.urandom(50 * 1024) + bytes([i]))
        start = time.perf_counter()
        pack_game(game, load_config(game), out)
        repack.append(time.perf_counter() - start)
    print(f"repack after one file changed: {summary(repack)}")


def transferred(folder: Path) -> tuple[int, int, int]:
    raw = gz = br = 0
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            gz += len(gzip.compress(data, 6))
            br += len(brotli.compress(data, quality=9))
    return raw, gz, br


def bench_examples(root: Path) -> None:
    nginx = Nginx(root / "nginx")
    try:
        urls = {}
        for name in EXAMPLES:
            game = root / name
            shutil.copytree(REPO / "examples" / name, game)
            subprocess.run([sys.executable, "-m", "pygbag_like", str(game)], check=True,
                           stdout=subprocess.DEVNULL)
            out = game / "build" / "web"
            raw, gz, br = transferred(out)
            print(f"{name}: downloaded {raw / 1e6:.2f} MB raw, {gz / 1e6:.2f} MB gzip, "
                  f"{br / 1e6:.2f} MB brotli")
            urls[name] = nginx.publish(out, f"games/{name}")
        with launch_chromium() as browser:
            for name, url in urls.items():
                to_ready, to_frame = [], []
                for _ in range(5):
                    page = browser.new_page()
                    seen: list[float] = []
                    page.on("console", lambda m, seen=seen: seen.append(time.perf_counter())
                            if m.text == "started" else None)
                    start = time.perf_counter()
                    page.goto(url)
                    page.wait_for_function("document.body.dataset.state === 'ready'")
                    clicked = time.perf_counter()
                    page.locator("#pl-start").click()
                    while not seen:
                        page.wait_for_timeout(5)
                    to_ready.append(clicked - start)
                    to_frame.append(seen[0] - clicked)
                    page.close()
                print(f"{name}: navigation -> ready to start: {summary(to_ready)}")
                print(f"{name}: click -> first frame: {summary(to_frame)}")
                total = [a + b for a, b in zip(to_ready, to_frame, strict=True)]
                print(f"{name}: navigation -> first frame, without the person's wait: "
                      f"{summary(total)}")
    finally:
        nginx.stop()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="pack-bench-") as tmp:
        root = Path(tmp)
        bench_big_game(root)
        bench_examples(root)


if __name__ == "__main__":
    main()
