"""One pack: game folder -> ready-to-host output folder, written aside and swapped in."""

import ast
import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pygbag_like.archive import archive_path
from pygbag_like.config import GameConfig
from pygbag_like.datafile import write_data_file
from pygbag_like.favicon import write_favicon
from pygbag_like.loopcheck import check_loops
from pygbag_like.output import staging_dir, write_output
from pygbag_like.page import PageConfig
from pygbag_like.runtime.layout import (
    RUNTIME_DATA,
    RuntimeFiles,
    Variant,
    find_runtime,
    variant_for,
)
from pygbag_like.scan import scan_game
from pygbag_like.shell import read_template, render_page, write_shell
from pygbag_like.touchcontrols import page_controls
from pygbag_like.vendor import SITE_DIR, resolve_dependencies

GAME_DATA = "game.data"
RUNTIME_DIR = "runtime"
MOUNT_POINT = "/game"
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
    python_path: Sequence[str] = ()  # folders below the mount point, put on sys.path


@dataclass(frozen=True)
class PackResult:
    """What a pack wrote and what it noticed."""

    out_dir: Path
    file_count: int
    game_bytes: int
    variant: Variant
    warnings: tuple[str, ...]
    seconds: float
    bundled: tuple[str, ...] = ()  # "name version" of each third-party package bundled


def imported_packages(modules: Mapping[str, ast.Module],
                      candidates: Sequence[str]) -> tuple[str, ...]:
    """Which of `candidates` the game's Python files import (by top-level package name)."""
    found: set[str] = set()
    for tree in modules.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return tuple(name for name in candidates if name in found)


def write_site(out: Path, files: Sequence[tuple[str, Path]], runtime: RuntimeFiles,
               variant: Variant, page: PageSettings) -> dict:
    """Write a complete page folder: game.data, the runtime variant, favicon, index.html.

    Runtime files are copied, never linked: an output is independent of the cache. Returns
    the game data's metadata. Used by `pack` and by `pack exec`.
    """
    metadata = write_data_file(files, out / GAME_DATA)
    runtime_out = out / RUNTIME_DIR
    runtime_out.mkdir()
    for name in variant.page_files:
        shutil.copyfile(runtime.root / name, runtime_out / name)
    write_favicon(page.icon, out / "favicon.png")
    # Byte totals for the progress bar: what the loader downloads with progress.
    sizes = {f"{RUNTIME_DIR}/{name}": (runtime_out / name).stat().st_size
             for name in (variant.wasm, RUNTIME_DATA)}
    sizes[GAME_DATA] = metadata["remote_package_size"]
    page_config = PageConfig(
        runtime_js=f"{RUNTIME_DIR}/{variant.js}", runtime_wasm=f"{RUNTIME_DIR}/{variant.wasm}",
        asyncify=variant.asyncify, runtime_data=f"{RUNTIME_DIR}/{RUNTIME_DATA}",
        game_data=GAME_DATA, mount=MOUNT_POINT, main=page.main, sizes=sizes,
        pixel_art=page.config.pixel_art, resize=page.config.resize, autostart=page.autostart,
        preload=tuple(page.preload), keep_saves=page.keep_saves,
        argv=None if page.argv is None else tuple(page.argv),
        python_path=tuple(f"{MOUNT_POINT}/{folder}" for folder in page.python_path),
        touch_controls=page_controls(page.config.touch_controls),
        orientation=page.config.orientation, background_audio=page.config.background_audio,
    )
    write_shell(out, render_page(page.template, page.config, page_config, page.live_reload),
                page.live_reload)
    return metadata


def pack_game(game_dir: Path, config: GameConfig, out_dir: Path,
              runtime: RuntimeFiles | None = None, live_reload: bool = False) -> PackResult:
    """Scan, pack and render the game into `out_dir`; nothing is left half-written.

    The game is checked first, so its errors are reported even before the runtime is built;
    `runtime` defaults to the most recently built one.
    """
    started = time.monotonic()
    game_dir = game_dir.resolve()
    scan = scan_game(game_dir, config.excludes,
                     extra_excluded=[out_dir, staging_dir(out_dir), archive_path(out_dir)],
                     entry_point=config.main)
    loops = check_loops(scan.modules, config.main)
    dependencies = resolve_dependencies(scan.modules, config.main, game_dir)
    variant = variant_for(loops.needs_asyncify)
    page = PageSettings(
        config=config, template=read_template(config, game_dir), main=config.main,
        icon=(game_dir / config.icon) if config.icon else None, live_reload=live_reload,
        preload=imported_packages(scan.modules, PRELOADABLE),
        python_path=(SITE_DIR,) if dependencies.packages else (),
    )
    runtime = runtime or find_runtime()
    files = [(f.rel, f.path) for f in scan.files] + dependencies.files
    metadata: dict = {}

    def write(folder: Path) -> None:
        metadata.update(write_site(folder, files, runtime, variant, page))

    write_output(out_dir, game_dir, write)
    return PackResult(
        out_dir=out_dir, file_count=len(scan.files),
        game_bytes=metadata["remote_package_size"], variant=variant,
        warnings=scan.warnings + loops.warnings + dependencies.warnings,
        seconds=time.monotonic() - started,
        bundled=tuple(f"{p.name} {p.version}" for p in dependencies.packages),
    )
