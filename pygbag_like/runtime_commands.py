"""`pack runtime build|info|clean`: the runtime subcommands, with console output."""

import gzip
import json
import re
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli
from rich.console import Console

from pygbag_like.errors import RuntimeBuildError
from pygbag_like.runtime import BuildReporter, RuntimeFiles, build_runtime, find_runtime, paths

console = Console(stderr=True, highlight=False)
SIZES_FILE = "sizes.json"


class ConsoleReporter(BuildReporter):
    """Prints one line per component as it starts and finishes."""

    def step_started(self, name: str, version: str, log_path: Path) -> None:
        console.print(f"  building {name} {version} [dim](log: {log_path})[/dim]", soft_wrap=True)

    def step_finished(self, name: str, version: str, seconds: float, cached: bool) -> None:
        how = "cached" if cached else f"built in {seconds:.1f}s"
        console.print(f"  [green]✓[/green] {name} {version} ({how})")


def build(jobs: int | None = None) -> int:
    """Build or reuse the runtime and say where it is."""
    started = time.monotonic()
    console.print(f"Runtime cache: {paths.cache_root()}")
    files = build_runtime(ConsoleReporter(), jobs=jobs)
    seconds = time.monotonic() - started
    console.print(f"Runtime ready in {seconds:.1f}s: {files.root}", soft_wrap=True)
    return 0


def compressed_sizes(path: Path) -> tuple[int, int, int]:
    """Raw, gzip (level 9) and brotli (quality 11) sizes of a file."""
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 9)), len(brotli.compress(data, quality=11))


def runtime_sizes(files: RuntimeFiles) -> dict[str, list[int]]:
    """Raw/gzip/brotli sizes of the runtime's files, computed once and kept next to them."""
    cache = files.root / SIZES_FILE
    if cache.exists():
        return json.loads(cache.read_text())
    with ThreadPoolExecutor() as pool:  # zlib and brotli release the GIL while compressing
        sizes = dict(zip((p.name for p in files.files),
                         (list(s) for s in pool.map(compressed_sizes, files.files)), strict=True))
    cache.write_text(json.dumps(sizes, indent=1) + "\n")
    return sizes


def info() -> int:
    """Print where the runtime is, its component versions and file sizes."""
    files = find_runtime()
    manifest = files.manifest
    print(f"path: {files.root}")
    print(f"key: {manifest['key']}  emscripten: {manifest['emscripten']}")
    for name, version in manifest["components"].items():
        print(f"  {name:12} {version}")
    print(f"{'file':24} {'raw':>12} {'gzip -9':>12} {'brotli -q11':>12}")
    for name, (raw, gz, br) in runtime_sizes(files).items():
        print(f"{name:24} {raw:>12,} {gz:>12,} {br:>12,}")
    return 0


def clean() -> int:
    """Remove the runtime cache (components, work folders, logs; keeps downloaded sources)."""
    root = paths.cache_root()
    removed = False
    for name in ("components", "work", "logs", "emscripten-cache", "current-runtime.json"):
        target = root / name
        if target.is_dir():
            shutil.rmtree(target)
            removed = True
        elif target.exists():
            target.unlink()
            removed = True
    print(f"removed the runtime from {root}" if removed else f"nothing to remove in {root}")
    return 0


def print_log_tail(error: RuntimeBuildError, lines: int = 25) -> None:
    """Show the end of the failing step's log, if the error names one."""
    match = re.search(r"\(log: ([^)]+)\)", str(error))
    if not match:
        return
    log = Path(match.group(1))
    if log.exists():
        tail = log.read_text(errors="replace").splitlines()[-lines:]
        print(f"--- last {len(tail)} lines of {log} ---", file=sys.stderr)
        print("\n".join(tail), file=sys.stderr)
        print("---", file=sys.stderr)

