"""`pack runtime build|info|wheel|clean`: the runtime subcommands, with console output."""

import argparse
import contextlib
import gzip
import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli
from rich.console import Console

from pygbag_like.errors import (
    RuntimeMismatchError,
    ToolMissingError,
    UsageError,
)
from pygbag_like.runtime import paths
from pygbag_like.runtime.buildroot import build_command, ensure_build_root, load_spec, read_stamp
from pygbag_like.runtime.inside import build_here
from pygbag_like.runtime.layout import RuntimeFiles, find_runtime
from pygbag_like.runtime.verify import REPRODUCED, check_runtime, record_runtime
from pygbag_like.runtime.wheel import SIZES_FILE, build_wheel

console = Console(stderr=True, highlight=False)


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = commands.add_parser("runtime", prog="pack runtime",
                                 help="build, inspect or remove the runtime",
                                 description="Build, inspect, wheel or remove the runtime.",
                                 error_hint=" (to pack a game folder named runtime, write "
                                            "pack ./runtime)")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    build_parser = actions.add_parser("build", help="build the runtime into the user cache "
                                      "(once)")
    build_parser.add_argument("--jobs", type=int, default=None, help="parallel compile jobs")
    build_parser.add_argument(
        "--sources", metavar="DIR", type=Path,
        help="a folder of already-downloaded source archives (offline builds; "
             f"default ${paths.SOURCES_ENV}, else the cache's own)")
    build_parser.add_argument(
        "--host-toolchain", action="store_true",
        help="build with this machine's own emscripten and tools instead of the pinned "
             "Debian root (the runtime's bytes then depend on their versions)")
    build_parser.add_argument(
        "--record-build-root", action="store_true",
        help="accept the versions a fresh pinned Debian root holds and record them in "
             "sdl_port/buildroot.json (for the repository, after a Debian update)")
    actions.add_parser("info", help="which runtime is used (built locally or an installed "
                       "wheel), its versions and file sizes")
    wheel_parser = actions.add_parser("wheel", help="make the runtime in use a wheel that "
                                      "`pip install` gives to machines without emscripten")
    wheel_parser.add_argument("--out", metavar="DIR", type=Path, default=Path("."),
                              help="where to write the .whl (default: the current folder)")
    _add_verify_parser(actions)
    actions.add_parser("clean", help="remove the cached runtime and its build files")
    return parser


def run(args: argparse.Namespace) -> int:
    if args.action == "build":
        if args.host_toolchain and args.record_build_root:
            raise UsageError("--record-build-root records the pinned Debian root: it does not "
                             "go with --host-toolchain")
        if args.host_toolchain:
            return build(jobs=args.jobs, sources=args.sources)
        return build_in_root(jobs=args.jobs, sources=args.sources,
                             record=args.record_build_root)
    if args.action == "info":
        return info()
    if args.action == "wheel":
        return wheel(args.out)
    if args.action == "verify":
        return verify(args.path, record=args.record)
    return clean()


def _check_build_args(sources: Path | None) -> None:
    if sys.platform != "linux":
        raise ToolMissingError(
            f"the runtime build runs on Linux only, not on {sys.platform}: install the "
            "runtime wheel instead (pip install pygbag_like_runtime-*.whl, made by "
            "`pack runtime wheel` on Linux)")
    if sources is not None and not sources.is_dir():
        raise UsageError(f"--sources {sources}: no such folder (it must hold the source "
                         "archives already)")


def build_in_root(jobs: int | None = None, sources: Path | None = None,
                  record: bool = False) -> int:
    """Build the runtime inside the pinned Debian root (made first if needed)."""
    _check_build_args(sources)
    spec = load_spec()
    console.print(f"Runtime cache: {paths.cache_root()}")
    root_dir = paths.build_roots_dir() / spec.folder_name
    if read_stamp(root_dir) is None:
        console.print(f"  making the Debian {spec.release} build root with debootstrap "
                      f"(once: a few minutes; log: {paths.logs_dir() / 'build-root.log'})",
                      soft_wrap=True)
    root = ensure_build_root(spec, record=record)
    console.print(f"  [green]✓[/green] Debian {spec.release} build root "
                  f"{read_stamp(root)['identity']} [dim]({root})[/dim]", soft_wrap=True)
    args = [] if jobs is None else ["--jobs", str(jobs)]
    source_dir = (sources.resolve() if sources else paths.sources_dir())
    return subprocess.run(build_command(root, source_dir, args), check=False).returncode


def build(jobs: int | None = None, sources: Path | None = None) -> int:
    """Build or reuse the runtime with this machine's tools and say where it is."""
    _check_build_args(sources)
    console.print(f"Runtime cache: {paths.cache_root()}")
    build_here(jobs, sources.resolve() if sources else None)
    return 0


def compressed_sizes(path: Path) -> tuple[int, int, int]:
    """Raw, gzip (level 9) and brotli (quality 11) sizes of a file."""
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 9)), len(brotli.compress(data, quality=11))


def runtime_sizes(files: RuntimeFiles) -> dict[str, list[int]]:
    """Raw/gzip/brotli sizes of the runtime's files, computed once and kept next to them
    (when the folder can be written: an installed wheel carries them)."""
    cache = files.root / SIZES_FILE
    if cache.exists():
        return json.loads(cache.read_text())
    with ThreadPoolExecutor() as pool:  # zlib and brotli release the GIL while compressing
        sizes = dict(zip((p.name for p in files.files),
                         (list(s) for s in pool.map(compressed_sizes, files.files)), strict=True))
    with contextlib.suppress(OSError):  # a read-only installation: computed again next time
        cache.write_text(json.dumps(sizes, indent=1) + "\n")
    return sizes


def info() -> int:
    """Print where the runtime is, its component versions and file sizes."""
    files = find_runtime()
    manifest = files.manifest
    print(f"path: {files.root}")
    print(f"from: {files.origin}")
    print(f"key: {manifest['key']}  emscripten: {manifest['emscripten']}  "
          f"built in: {manifest.get('build_root') or 'the host'}")
    for name, version in manifest["components"].items():
        print(f"  {name:12} {version}")
    print(f"{'file':24} {'raw':>12} {'gzip -9':>12} {'brotli -q11':>12}")
    for name, (raw, gz, br) in runtime_sizes(files).items():
        print(f"{name:24} {raw:>12,} {gz:>12,} {br:>12,}")
    return 0


def wheel(out: Path) -> int:
    """Write the runtime in use as a wheel into `out` and say where it is."""
    files = find_runtime()
    runtime_sizes(files)  # computed now, so that the wheel carries them
    console.print(f"Packing the runtime ({files.origin}: {files.root}) into a wheel...",
                  soft_wrap=True)
    path = build_wheel(files, out)
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB): pip install it next to pygbag_like "
          "and `pack` needs no runtime build")
    return 0


def clean() -> int:
    """Remove the runtime cache (components, work folders, logs; keeps downloaded sources)."""
    root = paths.cache_root()
    removed = False
    for where in paths.CLEANABLE:
        target = where()
        if target.is_dir():
            shutil.rmtree(target)
            removed = True
        elif target.exists():
            target.unlink()
            removed = True
    print(f"removed the runtime from {root}" if removed else f"nothing to remove in {root}")
    return 0


def _add_verify_parser(actions: argparse._SubParsersAction) -> None:
    parser = actions.add_parser(
        "verify", help="check a runtime's files against the sha256 the repository records",
        description="Check a runtime folder (default: the one pack uses) against the sha256 "
                    "the repository records for its key; exit 9 naming the files that differ.")
    parser.add_argument("path", nargs="?", type=Path, metavar="PATH",
                        help="a runtime folder (default: the one pack uses)")
    parser.add_argument("--record", action="store_true",
                        help="write the folder's hashes as the record of its key instead "
                             "(for the repository, after changing a recipe)")


def verify(path: Path | None, record: bool = False) -> int:
    """Check (or record) a runtime folder against the repository's record."""
    folder = (path or find_runtime().root).resolve()
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    if record:
        print(f"recorded runtime {folder} in {record_runtime(folder)}")
        return 0
    verdict = check_runtime(folder)
    if verdict.status != REPRODUCED:
        raise RuntimeMismatchError(f"{folder}: {verdict.line()}")
    print(f"{folder}: {verdict.line()}")
    return 0
