"""One pack: game folder -> ready-to-host output folder, written aside and swapped in."""

import ast
import hashlib
import json
import shutil
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pygbag_like.archive import archive_path
from pygbag_like.config import GameConfig
from pygbag_like.datafile import write_data_file, write_gzip_copy
from pygbag_like.favicon import write_favicon
from pygbag_like.imports import import_graph
from pygbag_like.keyuse import input_use
from pygbag_like.loopcheck import check_loops
from pygbag_like.modulestore import LIB_ROOT, STARTUP_MODULES, STORE_CONTENTS, ModuleIndex
from pygbag_like.numpycheck import needs_numpy
from pygbag_like.offline import MANIFEST, write_offline_files
from pygbag_like.output import staging_dir, write_output
from pygbag_like.page import PageConfig
from pygbag_like.runtime.layout import (
    GZIP_SUFFIX,
    MODULE_INDEX,
    MODULE_STORE,
    MODULE_STORE_JSON,
    RuntimeFiles,
    Variant,
    find_runtime,
    variant_for,
)
from pygbag_like.scan import scan_game
from pygbag_like.shell import STATIC_FILES, read_template, render_page, write_shell
from pygbag_like.singlefile import single_file_page
from pygbag_like.storecopy import copy_store
from pygbag_like.touchcontrols import page_controls, touch_controls_for, touch_keyboard_for
from pygbag_like.vendor import SITE_DIR, resolve_dependencies

GAME_DATA = "game.data"
# A gzip copy of game.data is kept when it is at least this much smaller (images and sounds
# are compressed already: their copy would double the upload for nothing).
WORTH_GZIPPING = 0.9
RUNTIME_DIR = "runtime"
MOUNT_POINT = "/game"
# Slow imports worth doing before the player's click, when the game imports them.
PRELOADABLE = ("pygame", "asyncio", "numpy")


@dataclass(frozen=True)
class PageSettings:
    """How the page around the game is set up."""

    config: GameConfig
    template: str
    main: str
    cwd: str = ""  # the working directory, relative to the game folder
    icon: Path | None = None
    live_reload: bool = False
    autostart: bool = False
    argv: Sequence[str] | None = None
    preload: Sequence[str] = ()  # modules to import while the page waits for the click
    keep_saves: bool = True  # keep files the game writes across reloads (IndexedDB)
    offline: bool = False  # a service worker and a web app manifest (offline.py)
    python_path: Sequence[str] = ()  # folders below the mount point, put on sys.path
    # The on-screen gamepad: the config's, or the one guessed from the keys the game reads.
    touch_controls: tuple[tuple[str, str], ...] = ()
    touch_keyboard: bool = False  # a button that opens the phone's keyboard


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
    # How a phone plays it, where pack chose for the game (touchcontrols.py).
    phones: tuple[str, ...] = ()


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


def runtime_modules(runtime: RuntimeFiles, imports: Iterable[str], scratch: Path,
                    variant: Variant) -> list[tuple[str, Path]]:
    """The compiled modules a page ships for code importing `imports` (with what they
    import, and what the interpreter and the launcher need), and the store's table of
    contents (written into `scratch`), as (absolute path, file). Packages whose C modules
    `variant` lacks are neither shipped nor listed."""
    index = ModuleIndex.load(runtime.root / MODULE_INDEX)
    missing = variant.missing_packages
    selected = index.closure([*STARTUP_MODULES, *imports], missing=missing)
    store = json.loads((runtime.root / MODULE_STORE_JSON).read_text(encoding="utf-8"))
    contents = scratch / STORE_CONTENTS
    contents.write_bytes(index.store_contents(
        {entry["filename"]: (entry["start"], entry["end"]) for entry in store["files"]},
        missing=missing))
    return [*((f"{LIB_ROOT}/{path}", runtime.module_files / path)
              for path in index.files(selected)),
            (f"{LIB_ROOT}/{STORE_CONTENTS}", contents)]


def _name_by_content(out: Path, url: str) -> str:
    """Rename the file at `url` (and its .gz and .json companions) to a name holding a hash
    of its bytes, `python.wasm` -> `python.3fa2c1d0e9b4.wasm`: browsers and the service
    worker may keep it forever, and a changed file gets a new name. Returns the new URL."""
    path = out / url
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    stem, _, suffix = path.name.partition(".")
    hashed = path.with_name(f"{stem}.{digest.hexdigest()[:12]}.{suffix}")
    for companion in ("", GZIP_SUFFIX, ".json"):
        if path.with_name(path.name + companion).exists():
            path.with_name(path.name + companion).rename(hashed.with_name(hashed.name + companion))
    return hashed.relative_to(out).as_posix()


def write_site(out: Path, files: Sequence[tuple[str, Path]], runtime: RuntimeFiles,
               variant: Variant, page: PageSettings, imports: Iterable[str] = ()) -> PageConfig:
    """Write a complete page folder: game.data (the game's files and the runtime modules
    `imports` needs), the runtime variant, favicon, index.html; the big files are named by
    their content.

    Runtime files are copied, never linked: an output is independent of the cache. Returns
    the page's configuration. Used by `pack` and by `pack exec`.
    """
    with tempfile.TemporaryDirectory() as scratch:
        modules = runtime_modules(runtime, imports, Path(scratch), variant)
        metadata = write_data_file([*files, *modules], out / GAME_DATA)
    gzipped = [f"{RUNTIME_DIR}/{name}" for name in variant.files]
    data_copy = write_gzip_copy(out / GAME_DATA, level=6)
    if data_copy.stat().st_size <= WORTH_GZIPPING * max(1, metadata["remote_package_size"]):
        gzipped.append(GAME_DATA)
    else:
        data_copy.unlink()
    runtime_out = out / RUNTIME_DIR
    runtime_out.mkdir()
    for name in variant.page_files:
        if name not in (MODULE_STORE, MODULE_STORE_JSON):
            shutil.copyfile(runtime.root / name, runtime_out / name)
    copy_store(runtime.root / MODULE_STORE, runtime.root / MODULE_STORE_JSON,
               runtime_out / MODULE_STORE, runtime_out / MODULE_STORE_JSON,
               variant.missing_packages)
    write_favicon(page.icon, out / "favicon.png")
    urls = {url: _name_by_content(out, url) for url in (
        f"{RUNTIME_DIR}/{variant.js}", f"{RUNTIME_DIR}/{variant.wasm}",
        f"{RUNTIME_DIR}/{MODULE_STORE}", GAME_DATA)}
    js, wasm, store, game_data = urls.values()
    # Byte totals for the progress bar: what the loader downloads with progress.
    sizes = {wasm: (out / wasm).stat().st_size, game_data: metadata["remote_package_size"]}
    page_config = PageConfig(
        runtime_js=js, runtime_wasm=wasm, asyncify=variant.asyncify, module_store=store,
        module_contents=f"{LIB_ROOT}/{STORE_CONTENTS}",
        game_data=game_data, mount=MOUNT_POINT, main=page.main, cwd=page.cwd, sizes=sizes,
        pixel_art=page.config.pixel_art, resize=page.config.resize, autostart=page.autostart,
        preload=tuple(page.preload), keep_saves=page.keep_saves, offline=page.offline,
        argv=None if page.argv is None else tuple(page.argv),
        gzipped=tuple(urls[url] for url in gzipped),
        python_path=tuple(f"{MOUNT_POINT}/{folder}" for folder in page.python_path),
        touch_controls=page_controls(page.touch_controls), touch_keyboard=page.touch_keyboard,
        orientation=page.config.orientation, background_audio=page.config.background_audio,
    )
    write_shell(out, render_page(page.template, page.config, page_config, page.live_reload),
                page.live_reload)
    if page.offline:
        write_offline_files(out, page.config, ["index.html", "favicon.png", MANIFEST,
                                                *STATIC_FILES], versioned=urls.values())
    return page_config


def _make_single_file(folder: Path, page_config: PageConfig) -> None:
    """Replace the page folder's files by one index.html holding them all."""
    downloads = (page_config.runtime_js, page_config.runtime_wasm, page_config.game_data,
                 page_config.game_data + ".json", page_config.module_store,
                 page_config.module_store + ".json")
    page = single_file_page(folder, downloads)
    for entry in folder.iterdir():
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    (folder / "index.html").write_text(page, encoding="utf-8")


def pack_game(game_dir: Path, config: GameConfig, out_dir: Path,
              runtime: RuntimeFiles | None = None, live_reload: bool = False,
              single_file: bool = False) -> PackResult:
    """Scan, pack and render the game into `out_dir`; nothing is left half-written.

    The game is checked first, so its errors are reported even before the runtime is built;
    `runtime` defaults to the most recently built one.
    """
    started = time.monotonic()
    game_dir = game_dir.resolve()
    scan = scan_game(game_dir, config.excludes,
                     extra_excluded=[out_dir, staging_dir(out_dir), archive_path(out_dir)],
                     entry_point=config.main)
    loops = check_loops(scan.modules, scan.entry_point)
    dependencies = resolve_dependencies(scan.modules, scan.entry_point, game_dir)
    runtime = runtime or find_runtime()
    reachable = import_graph(scan.modules, scan.entry_point).reachable
    numpy = needs_numpy(ModuleIndex.load(runtime.root / MODULE_INDEX),
                        dependencies.runtime_imports, scan.modules, reachable)
    variant = variant_for(loops.needs_asyncify, numpy)
    game_modules = sorted(reachable, key=lambda rel: (rel != scan.entry_point, rel))
    use = input_use(scan.modules[rel] for rel in game_modules)
    controls, gamepad_note = touch_controls_for(config.touch_controls, use)
    keyboard, keyboard_note = touch_keyboard_for(config.touch_keyboard, use)
    page = PageSettings(
        config=config, template=read_template(config, game_dir), main=scan.entry_point,
        cwd=scan.working_dir,
        icon=(game_dir / config.icon) if config.icon else None, live_reload=live_reload,
        preload=tuple(name for name in imported_packages(scan.modules, PRELOADABLE)
                      if name not in variant.missing_packages),
        offline=config.offline and not live_reload,
        python_path=(SITE_DIR,) if dependencies.packages else (),
        touch_controls=controls, touch_keyboard=keyboard,
    )
    files = [(f.rel, f.path) for f in scan.files] + dependencies.files
    game_bytes = 0

    def write(folder: Path) -> None:
        nonlocal game_bytes
        page_config = write_site(folder, files, runtime, variant, page,
                                 dependencies.runtime_imports)
        game_bytes = page_config.sizes[page_config.game_data]
        if single_file:
            _make_single_file(folder, page_config)

    write_output(out_dir, game_dir, write)
    return PackResult(
        out_dir=out_dir, file_count=len(scan.files), game_bytes=game_bytes, variant=variant,
        warnings=scan.warnings + loops.warnings + dependencies.warnings,
        seconds=time.monotonic() - started,
        bundled=tuple(f"{p.name} {p.version}" for p in dependencies.packages),
        phones=tuple(note for note in (gamepad_note, keyboard_note) if note),
    )
