"""Runtime benchmarks (issue: the browser runtime). Prints numbers; asserts nothing.

    python3 -m bench.runtime_bench            no-change rebuild, sizes, first line, memory
    python3 -m bench.runtime_bench --full     also a full build from an empty cache (~15 min)
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import summary
from pygbag_like.browser import launch_chromium
from pygbag_like.exec import build_exec_page
from pygbag_like.runtime import find_runtime, paths
from pygbag_like.runtime_commands import runtime_sizes
from tests.e2e import Nginx

FIRST_LINE = 'print("first line")\n'
MEMORY_SCRIPT = """
import os
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
import pygame
pygame.init()
screen = pygame.display.set_mode((640, 480))
screen.fill((10, 20, 30))
pygame.draw.circle(screen, (200, 50, 50), (320, 240), 50)
pygame.display.flip()
print("first frame")
"""


def timed_build(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pygbag_like", "runtime", "build"], env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def bench_builds(full: bool) -> None:
    if full:
        with tempfile.TemporaryDirectory(prefix="pack-bench-cache-") as cache:
            env = dict(os.environ, **{paths.CACHE_ENV: cache,
                                      paths.SOURCES_ENV: str(paths.sources_dir())})
            print(f"full build from an empty cache: {timed_build(env):.0f}s "
                  f"({os.cpu_count()} cores; sources already downloaded)")
    times = [timed_build(dict(os.environ)) for _ in range(3)]
    print(f"no-change rebuild: {summary(times)}")


def bench_sizes() -> None:
    print(f"{'file':24} {'raw':>12} {'gzip -9':>12} {'brotli -q11':>12}")
    for name, (raw, gz, br) in runtime_sizes(find_runtime()).items():
        print(f"{name:24} {raw:>12,} {gz:>12,} {br:>12,}")


def bench_page(variant_asyncify: bool) -> None:
    """Time from navigation to the script's first printed line, measured by the page itself
    (performance.now() when the line arrives), served by nginx."""
    runtime = find_runtime()
    label = "asyncify" if variant_asyncify else "plain"
    with tempfile.TemporaryDirectory() as tmp, launch_chromium() as browser:
        nginx = Nginx(Path(tmp) / "nginx")
        try:
            for name, script in (("first_line", FIRST_LINE), ("first_frame", MEMORY_SCRIPT)):
                folder = Path(tmp) / name
                folder.mkdir()
                (folder / "main.py").write_text(script)
                out = folder / "out"
                out.mkdir()
                build_exec_page(folder / "main.py", [], runtime, out, variant_asyncify)
                url = nginx.publish(out, name)
                times, memory = [], []
                for _ in range(5):
                    page = browser.new_page()
                    page.goto(url)
                    page.wait_for_function(
                        "performance.getEntriesByName('pl:first-output').length", timeout=30000)
                    times.append(page.evaluate(
                        "performance.getEntriesByName('pl:first-output')[0].startTime") / 1000)
                    memory.append(page.evaluate(
                        "PygbagLike.page.module.HEAP8.buffer.byteLength"))
                    page.close()
                what = "first line printed" if name == "first_line" else (
                    "import pygame + first frame drawn")
                print(f"[{label}] navigation -> {what}: {summary(times)}")
                if name == "first_frame":
                    print(f"[{label}] wasm memory after import pygame + first frame: "
                          f"{max(memory) / 2**20:.1f} MiB")
        finally:
            nginx.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full", action="store_true", help="also time a build from scratch")
    args = parser.parse_args()
    bench_builds(args.full)
    bench_sizes()
    bench_page(False)
    bench_page(True)


if __name__ == "__main__":
    main()
