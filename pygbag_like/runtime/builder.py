"""Build the runtime: order the recipes, reuse cached components, build the rest.

Each component is installed into `<cache>/components/<name>-<key>/`, where the key covers the
recipe file (and its declared inputs), its sources' sha256, the emscripten version and the
keys of its dependencies: changing one recipe rebuilds it and what depends on it. A component
folder counts as built only once its `.complete` marker exists; the marker is written last, so
an interrupted build is wiped and redone next time. One build runs at a time: the lock is
taken before anything in the cache is touched. Finished component files are made read-only,
so nothing downstream can write through into the cache.
"""

import hashlib
import json
import os
import shutil
import stat
import tarfile
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from pygbag_like.errors import RuntimeBuildError
from pygbag_like.resources import resource_dir
from pygbag_like.runtime import paths
from pygbag_like.runtime.layout import MANIFEST, RuntimeFiles, launcher_hash, record_current
from pygbag_like.runtime.process import stop_all
from pygbag_like.runtime.recipe import (
    BUILD_API_VERSION,
    BuildContext,
    LoadedRecipe,
    load_recipes,
)
from pygbag_like.runtime.reproducible import build_env, newest_member_time, path_map
from pygbag_like.runtime.sources import ensure_source
from pygbag_like.runtime.toolchain import Toolchain, find_toolchain

FINAL_COMPONENT = "runtime"
COMPLETE_MARKER = ".complete"


class BuildReporter:
    """Receives build progress; the default ignores it. The CLI subclasses it."""

    def step_started(self, name: str, version: str, log_path: Path) -> None:
        """A component starts building."""

    def step_finished(self, name: str, version: str, seconds: float, cached: bool) -> None:
        """A component is ready (built now, or found in the cache)."""

    def waiting_for_lock(self, lock_path: Path) -> None:
        """Another build holds the cache; this one waits for it."""


def topological_order(recipes: dict[str, LoadedRecipe]) -> list[str]:
    """Recipe names with every dependency before its dependents (ties sorted by name)."""
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            raise RuntimeBuildError(f"recipe dependency cycle through {name!r}")
        visiting.add(name)
        for dep in sorted(recipes[name].recipe.depends):
            visit(dep)
        visiting.discard(name)
        order.append(name)

    for name in sorted(recipes):
        visit(name)
    return order


def component_keys(recipes: dict[str, LoadedRecipe], toolchain: str) -> dict[str, str]:
    """Cache key of each component, derived from its definition and its dependencies' keys."""
    keys: dict[str, str] = {}
    for name in topological_order(recipes):
        item = recipes[name]
        digest = hashlib.sha256()
        parts = (name, item.recipe.version, item.definition_hash, toolchain,
                 BUILD_API_VERSION)
        for part in parts:
            digest.update(part.encode() + b"\0")
        if item.recipe.source is not None:
            digest.update(item.recipe.source.sha256.encode())
        for dep in sorted(item.recipe.depends):
            digest.update(f"{dep}={keys[dep]}".encode())
        keys[name] = digest.hexdigest()[:16]
    return keys


@contextmanager
def _build_lock(reporter: "BuildReporter") -> Iterator[None]:
    """Hold the cache's build lock (a second build waits, saying so once)."""
    lock_path = paths.build_lock()
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        reporter.waiting_for_lock(lock_path)
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


@contextmanager
def _stopping_commands_on_exit() -> Iterator[None]:
    """On an interruption or a failed step, stop the other steps' commands at once (else
    the thread pool would wait for them to finish)."""
    try:
        yield
    except BaseException:
        stop_all()
        raise


def _make_read_only(folder: Path) -> None:
    """Clear the write bits of the files below `folder`, so that nothing writes through into
    the cache (folders stay writable: the cache can still remove them)."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            path.chmod(stat.S_IMODE(path.stat().st_mode) & ~0o222)


def _refuse_unsafe_members(archive: Path, tar: tarfile.TarFile) -> None:
    """What the "data" filter refuses: names or links outside the folder, device files."""
    for member in tar.getmembers():
        parts = Path(member.name).parts
        link = Path(member.linkname).parts if member.issym() or member.islnk() else ()
        unsafe = (member.name.startswith("/") or ".." in parts or ".." in link
                  or member.linkname.startswith("/") or member.isdev())
        if unsafe:
            raise RuntimeBuildError(f"{archive.name}: unsafe member {member.name!r}")


def _extract(archive: Path, into: Path) -> tuple[Path, int]:
    """Unpack a source archive; its top-level folder and the newest time of its files."""
    with tarfile.open(archive) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(into, filter="data")
        else:  # Python 3.11.0-3.11.3 (Debian 12's 3.11.2 in the build root) has no filters
            _refuse_unsafe_members(archive, tar)
            tar.extractall(into)
        epoch = newest_member_time(tar)
    entries = [p for p in into.iterdir()]
    if len(entries) != 1 or not entries[0].is_dir():
        raise RuntimeBuildError(f"{archive.name} does not unpack into a single folder")
    return entries[0], epoch


class _Build:
    def __init__(self, recipes: dict[str, LoadedRecipe], toolchain: Toolchain,
                 reporter: BuildReporter, jobs: int, sources: Path) -> None:
        self.recipes = recipes
        self.toolchain = toolchain
        self.reporter = reporter
        self.jobs = jobs
        self.sources = sources
        self.keys = component_keys(recipes, toolchain.identity)

    def is_built(self, name: str) -> bool:
        return (paths.component_dir(name, self.keys[name]) / COMPLETE_MARKER).exists()

    def build_one(self, name: str) -> None:
        item = self.recipes[name]
        final = paths.component_dir(name, self.keys[name])
        shutil.rmtree(final, ignore_errors=True)  # leftovers of an interrupted build
        final.mkdir(parents=True)
        # A folder of its own: an interrupted build's commands may still be writing into
        # theirs for a moment after its lock was released.
        paths.work_dir().mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f"{name}-{self.keys[name]}-", dir=paths.work_dir()))
        log_path = paths.logs_dir() / f"{name}.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        log_path.write_text(f"# {name} {item.recipe.version} key {self.keys[name]}\n")
        self.reporter.step_started(name, item.recipe.version, log_path)
        started = time.monotonic()
        source = item.recipe.source
        src, epoch = (_extract(self.sources / source.filename, work / "src") if source
                      else (work, 0))
        sdl_port = resource_dir("sdl_port")
        build_dir = work / "build"
        build_dir.mkdir()
        closure = self._closure(name)
        env = self.toolchain.env
        folders = path_map(work, name, paths.cache_root(), env.get("EM_CACHE"))
        ctx = BuildContext(
            name=name, src=src, build_dir=build_dir, prefix=final,
            deps={d: paths.component_dir(d, self.keys[d]) for d in closure},
            versions={d: self.recipes[d].recipe.version for d in (*closure, name)},
            env={**env, **build_env(folders, epoch, env.get("EMCC_CFLAGS", ""))},
            log_path=log_path, jobs=self.jobs, sdl_port=sdl_port, path_map=folders,
        )
        try:
            for patch in item.recipe.patches:
                ctx.run(["patch", "-p1", "--forward", "-i", sdl_port / patch], cwd=src)
            item.build(ctx)
        except RuntimeBuildError:
            raise
        except Exception as exc:
            raise RuntimeBuildError(f"{name}: {exc!r}", log_path=log_path) from exc
        shutil.copy2(log_path, final / "build.log")
        (final / COMPLETE_MARKER).write_text(item.recipe.version + "\n")
        _make_read_only(final)
        shutil.rmtree(work, ignore_errors=True)
        self.reporter.step_finished(name, item.recipe.version, time.monotonic() - started, False)

    def _closure(self, name: str) -> list[str]:
        """All transitive dependencies of a component, in build order."""
        needed: set[str] = set()
        stack = list(self.recipes[name].recipe.depends)
        while stack:
            dep = stack.pop()
            if dep not in needed:
                needed.add(dep)
                stack.extend(self.recipes[dep].recipe.depends)
        return [n for n in topological_order(self.recipes) if n in needed]

    def fetch_sources(self, names: list[str]) -> None:
        """Download and verify every source needed, before anything is built."""
        for name in names:
            source = self.recipes[name].recipe.source
            if source is not None:
                ensure_source(source, self.sources, paths.logs_dir() / "sources.log")

    def _critical_path(self) -> dict[str, int]:
        """Each component's cost plus the costliest chain of components that wait for it."""
        ranks: dict[str, int] = {}
        for name in reversed(topological_order(self.recipes)):
            dependents = [d for d, item in self.recipes.items() if name in item.recipe.depends]
            ranks[name] = self.recipes[name].recipe.cost + max(
                (ranks[d] for d in dependents), default=0)
        return ranks

    def run(self, parallel: int) -> None:
        """Build what is missing, up to `parallel` components at a time, longest chains first."""
        ranks = self._critical_path()
        pending = sorted(topological_order(self.recipes), key=lambda n: -ranks[n])
        self.fetch_sources([n for n in pending if not self.is_built(n)])
        done: set[str] = set()
        for name in list(pending):
            if self.is_built(name):
                done.add(name)
                pending.remove(name)
                version = self.recipes[name].recipe.version
                self.reporter.step_finished(name, version, 0.0, True)
        running: dict[Future, str] = {}
        with ThreadPoolExecutor(max_workers=parallel) as pool, _stopping_commands_on_exit():
            while pending or running:
                for name in list(pending):
                    if len(running) >= parallel:
                        break
                    if all(d in done for d in self.recipes[name].recipe.depends):
                        pending.remove(name)
                        running[pool.submit(self.build_one, name)] = name
                if not running:
                    raise RuntimeBuildError(f"cannot order the recipes: {pending}")
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    name = running.pop(future)
                    future.result()  # re-raises the step's error
                    done.add(name)


def _prune_stale(keys: dict[str, str]) -> None:
    """Remove component folders of older recipe versions and interrupted builds."""
    current = {paths.component_dir(name, key) for name, key in keys.items()}
    for folder in paths.components_dir().iterdir():
        if folder not in current:
            shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(paths.work_dir(), ignore_errors=True)


def _write_manifest(folder: Path, manifest: dict) -> None:
    path = folder / MANIFEST
    path.unlink(missing_ok=True)  # read-only, like the rest of the component
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    path.chmod(0o444)


def build_runtime(reporter: BuildReporter | None = None, jobs: int | None = None,
                  parallel: int = 2, sources: Path | None = None) -> RuntimeFiles:
    """Build (or reuse) every component and return the runtime's files.

    `sources` is a folder of already-downloaded source archives (default: the cache's)."""
    reporter = reporter or BuildReporter()
    recipes = load_recipes()
    if FINAL_COMPONENT not in recipes:
        raise RuntimeBuildError(f"no {FINAL_COMPONENT!r} recipe in sdl_port/recipes")
    with _build_lock(reporter):
        toolchain = find_toolchain()
        build = _Build(recipes, toolchain, reporter, jobs or os.cpu_count() or 2,
                       sources or paths.sources_dir())
        build.run(parallel)
        _prune_stale(build.keys)
        final = paths.component_dir(FINAL_COMPONENT, build.keys[FINAL_COMPONENT])
        _write_manifest(final, {
            "key": build.keys[FINAL_COMPONENT],
            "emscripten": toolchain.version,
            "build_root": toolchain.build_root,
            "components": {n: recipes[n].recipe.version for n in topological_order(recipes)},
            "launcher": launcher_hash(),
        })
        record_current(final)
    return RuntimeFiles(final)
