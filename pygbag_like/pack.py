"""One pack: game folder -> ready-to-host output folder, written to a temp folder, swapped in."""

import ast
import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pygbag_like.config import GameConfig
from pygbag_like.datafile import write_data_file
from pygbag_like.favicon import write_favicon
from pygbag_like.loopcheck import check_loops
from pygbag_like.runtime import RuntimeFiles, find_runtime
from pygbag_like.scan import ScanResult, scan_game
from pygbag_like.shell import read_template, render_page, write_shell

GAME_DATA = "game.data"
RUNTIME_DIR = "runtime"
MOUNT_POINT = "/game"
PLAIN, ASYNCIFY = "python", "python-asyncify"
# Slow imports worth doing before the player's click, when the game imports them.
PRELOADABLE = ("pygame", "asyncio")


@dataclass(frozen=True)
class PageSettings:
    """How the page around the game is set up."""

    config: GameConfig
    template: str
    main: str
    icon: Path | None = None
    live_reload: bool = False
    autostart: bool = False
    argv: Sequence[str] | None = None
    preload: Sequence[str] = ()  # modules to import while the page waits for the click
    keep_saves: bool = True  # keep files the game writes across reloads (IndexedDB)


@dataclass(frozen=True)
class PackResult:
    """What a pack wrote and what it noticed."""

    out_dir: Path
    file_count: int
    game_bytes: int
    variant: str
    warnings: tuple[str, ...]
    seconds: float


def default_out_dir(game_dir: Path, config: GameConfig) -> Path:
    """`out` from the config (relative to the game), else build/web inside the game folder."""
    return (game_dir / (config.out or "build/web")).resolve()


def _python_sources(scan: ScanResult) -> dict[str, str]:
    return {f.rel: f.path.read_text(encoding="utf-8-sig")
            for f in scan.files if f.rel.endswith(".py")}


def imported_packages(sources: dict[str, str], candidates: Sequence[str]) -> tuple[str, ...]:
    """Which of `candidates` the game's Python files import (by top-level package name)."""
    found: set[str] = set()
    for rel, text in sources.items():
        for node in ast.walk(ast.parse(text, rel)):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return tuple(name for name in candidates if name in found)


def _place(src: Path, dest: Path) -> None:
    """Hard-link a runtime file when the filesystem allows it (instant), else copy it."""
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)


def staging_dir(out_dir: Path) -> Path:
    """Where a pack is written before it is swapped in: next to the output, same filesystem."""
    return out_dir.with_name(f".{out_dir.name}.staging")


def _swap_into_place(tmp: Path, out_dir: Path) -> None:
    old = None
    if out_dir.exists():
        old = Path(tempfile.mkdtemp(prefix="old-", dir=staging_dir(out_dir)))
        out_dir.rename(old / out_dir.name)
    tmp.rename(out_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def runtime_variant(needs_asyncify: bool) -> str:
    """The runtime build a game needs: asyncify for blocking loops, else the plain one."""
    return ASYNCIFY if needs_asyncify else PLAIN


def write_site(out: Path, files: Sequence[tuple[str, Path]], runtime: RuntimeFiles,
               variant: str, page: PageSettings) -> dict:
    """Write a complete page folder: game.data, the runtime variant, favicon, index.html.

    Returns the game data's metadata. Used by `pack` and by `pack exec`.
    """
    metadata = write_data_file(files, out / GAME_DATA)
    runtime_out = out / RUNTIME_DIR
    runtime_out.mkdir()
    names = [f"{variant}.js", f"{variant}.wasm", "runtime.data", "runtime.data.json"]
    for name in names:
        _place(runtime.root / name, runtime_out / name)
    write_favicon(page.icon, out / "favicon.png")
    # Byte totals for the progress bar: what the loader downloads with progress.
    sizes = {f"{RUNTIME_DIR}/{n}": (runtime_out / n).stat().st_size
             for n in names if n.endswith((".wasm", ".data"))}
    sizes[GAME_DATA] = metadata["remote_package_size"]
    loader_config = {
        "runtime_dir": f"{RUNTIME_DIR}/", "variant": variant, "game_data": GAME_DATA,
        "mount": MOUNT_POINT, "main": page.main, "sizes": sizes,
        "pixel_art": page.config.pixel_art, "autostart": page.autostart,
        "preload": list(page.preload),
        "keep_saves": page.keep_saves,
    }
    if page.argv is not None:
        loader_config["argv"] = list(page.argv)
    write_shell(out, render_page(page.template, page.config, loader_config, page.live_reload))
    return metadata


def pack_game(game_dir: Path, config: GameConfig, out_dir: Path,
              runtime: RuntimeFiles | None = None, live_reload: bool = False) -> PackResult:
    """Scan, pack and render the game into `out_dir`; nothing is left half-written.

    The game is checked first, so its errors are reported even before the runtime is built;
    `runtime` defaults to the most recently built one.
    """
    started = time.monotonic()
    game_dir = game_dir.resolve()
    staging = staging_dir(out_dir)
    scan = scan_game(game_dir, config.excludes, extra_excluded_dirs=[out_dir, staging])
    sources = _python_sources(scan)
    loops = check_loops(sources)
    variant = runtime_variant(loops.needs_asyncify)
    page = PageSettings(
        config=config, template=read_template(config, game_dir), main="main.py",
        icon=(game_dir / config.icon) if config.icon else None, live_reload=live_reload,
        preload=imported_packages(sources, PRELOADABLE),
    )
    runtime = runtime or find_runtime()
    staging.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="new-", dir=staging))
    try:
        metadata = write_site(tmp, [(f.rel, f.path) for f in scan.files], runtime, variant, page)
        tmp.chmod(0o755)
        _swap_into_place(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        with contextlib.suppress(OSError):
            staging.rmdir()  # only when empty: a concurrent pack may still be using it
    return PackResult(
        out_dir=out_dir, file_count=len(scan.files),
        game_bytes=metadata["remote_package_size"], variant=variant,
        warnings=scan.warnings + loops.warnings, seconds=time.monotonic() - started,
    )
