"""Build the runtime: order the recipes, reuse cached components, build the rest.

Each component is installed into `<cache>/components/<name>-<key>/`, where the key covers the
recipe file (and its declared inputs), its sources' sha256, the emscripten version and the
keys of its dependencies: changing one recipe rebuilds it and what depends on it. A component
folder counts as built only once its `.complete` marker exists; the marker is written last, so
an interrupted build is wiped and redone next time. One build runs at a time (a file lock).
"""

import fcntl
import hashlib
import json
import os
import shutil
import tarfile
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path

from pygbag_like.errors import RuntimeBuildError, RuntimeMissingError
from pygbag_like.resources import resource_dir
from pygbag_like.runtime import paths
from pygbag_like.runtime.layout import RUNTIME_FILES, RuntimeFiles
from pygbag_like.runtime.recipe import (
    BUILD_API_VERSION,
    BuildContext,
    LoadedRecipe,
    load_recipes,
)
from pygbag_like.runtime.sources import ensure_source
from pygbag_like.runtime.toolchain import Toolchain, find_toolchain

FINAL_COMPONENT = "runtime"
CURRENT_POINTER = "current-runtime.json"
COMPLETE_MARKER = ".complete"


class BuildReporter:
    """Receives build progress; the default ignores it. The CLI subclasses it."""

    def step_started(self, name: str, version: str, log_path: Path) -> None:
        """A component starts building."""

    def step_finished(self, name: str, version: str, seconds: float, cached: bool) -> None:
        """A component is ready (built now, or found in the cache)."""


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


def component_keys(recipes: dict[str, LoadedRecipe], toolchain_version: str) -> dict[str, str]:
    """Cache key of each component, derived from its definition and its dependencies' keys."""
    keys: dict[str, str] = {}
    for name in topological_order(recipes):
        item = recipes[name]
        digest = hashlib.sha256()
        parts = (name, item.recipe.version, item.definition_hash, toolchain_version,
                 BUILD_API_VERSION)
        for part in parts:
            digest.update(part.encode() + b"\0")
        for source in item.recipe.sources:
            digest.update(source.sha256.encode())
        for dep in sorted(item.recipe.depends):
            digest.update(f"{dep}={keys[dep]}".encode())
        keys[name] = digest.hexdigest()[:16]
    return keys


@contextmanager
def _build_lock(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    with (root / "build.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _extract(archive: Path, into: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    entries = [p for p in into.iterdir()]
    if len(entries) != 1 or not entries[0].is_dir():
        raise RuntimeBuildError(f"{archive.name} does not unpack into a single folder")
    return entries[0]


def _component_dir(name: str, key: str) -> Path:
    return paths.components_dir() / f"{name}-{key}"


class _Build:
    def __init__(self, recipes: dict[str, LoadedRecipe], toolchain: Toolchain,
                 reporter: BuildReporter, jobs: int) -> None:
        self.recipes = recipes
        self.toolchain = toolchain
        self.reporter = reporter
        self.jobs = jobs
        self.keys = component_keys(recipes, toolchain.version)

    def is_built(self, name: str) -> bool:
        return (_component_dir(name, self.keys[name]) / COMPLETE_MARKER).exists()

    def build_one(self, name: str) -> None:
        item = self.recipes[name]
        final = _component_dir(name, self.keys[name])
        shutil.rmtree(final, ignore_errors=True)  # leftovers of an interrupted build
        final.mkdir(parents=True)
        work = paths.cache_root() / "work" / f"{name}-{self.keys[name]}"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        log_path = paths.cache_root() / "logs" / f"{name}.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        log_path.write_text(f"# {name} {item.recipe.version} key {self.keys[name]}\n")
        self.reporter.step_started(name, item.recipe.version, log_path)
        started = time.monotonic()
        archives = [paths.sources_dir() / s.filename for s in item.recipe.sources]
        src = _extract(archives[0], work / "src") if archives else work
        extra = [_extract(a, work / f"src{i}") for i, a in enumerate(archives[1:], start=1)]
        sdl_port = resource_dir("sdl_port")
        build_dir = work / "build"
        build_dir.mkdir()
        ctx = BuildContext(
            name=name, src=src, build_dir=build_dir, prefix=final,
            deps={d: _component_dir(d, self.keys[d]) for d in self._closure(name)},
            env=dict(self.toolchain.env), log_path=log_path, jobs=self.jobs,
            sdl_port=sdl_port, extra_sources=tuple(extra),
        )
        try:
            for patch in item.recipe.patches:
                ctx.run(["patch", "-p1", "--forward", "-i", sdl_port / patch], cwd=src)
            item.build(ctx)
        except RuntimeBuildError as exc:
            raise RuntimeBuildError(f"{exc} (log: {log_path})") from exc
        except Exception as exc:
            raise RuntimeBuildError(f"{name}: {exc!r} (log: {log_path})") from exc
        shutil.copy2(log_path, final / "build.log")
        (final / COMPLETE_MARKER).write_text(item.recipe.version + "\n")
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
            for source in self.recipes[name].recipe.sources:
                ensure_source(source, paths.sources_dir())

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
        with ThreadPoolExecutor(max_workers=parallel) as pool:
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
    current = {f"{name}-{key}" for name, key in keys.items()}
    for folder in paths.components_dir().iterdir():
        if folder.name not in current:
            shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(paths.cache_root() / "work", ignore_errors=True)


def build_runtime(reporter: BuildReporter | None = None, jobs: int | None = None,
                  parallel: int = 2) -> RuntimeFiles:
    """Build (or reuse) every component and return the runtime's files."""
    root = paths.cache_root()
    toolchain = find_toolchain(root)
    recipes = load_recipes()
    if FINAL_COMPONENT not in recipes:
        raise RuntimeBuildError(f"no {FINAL_COMPONENT!r} recipe in sdl_port/recipes")
    with _build_lock(root):
        build = _Build(recipes, toolchain, reporter or BuildReporter(), jobs or os.cpu_count() or 2)
        build.run(parallel)
        _prune_stale(build.keys)
        final = _component_dir(FINAL_COMPONENT, build.keys[FINAL_COMPONENT])
        manifest = {
            "key": build.keys[FINAL_COMPONENT],
            "emscripten": toolchain.version,
            "components": {n: recipes[n].recipe.version for n in topological_order(recipes)},
        }
        (final / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
        pointer = root / CURRENT_POINTER
        tmp = pointer.with_suffix(".tmp")
        tmp.write_text(json.dumps({"path": str(final)}) + "\n")
        tmp.replace(pointer)
    return RuntimeFiles(final)


def find_runtime() -> RuntimeFiles:
    """The most recently built runtime; RuntimeMissingError when there is none."""
    pointer = paths.cache_root() / CURRENT_POINTER
    try:
        folder = Path(json.loads(pointer.read_text())["path"])
    except (OSError, ValueError, KeyError):
        folder = None
    if folder is None or not all((folder / f).exists() for f in RUNTIME_FILES):
        raise RuntimeMissingError(
            "the WebAssembly runtime is not built yet: run `pack runtime build` first"
        )
    return RuntimeFiles(folder)
