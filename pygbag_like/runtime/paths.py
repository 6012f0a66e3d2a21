"""Where the runtime cache lives: every folder and file below it is named here."""

import os
from pathlib import Path

import platformdirs

CACHE_ENV = "PYGBAG_LIKE_CACHE"
SOURCES_ENV = "PYGBAG_LIKE_SOURCES"


def cache_root() -> Path:
    """The cache folder: $PYGBAG_LIKE_CACHE, else the platform's user cache dir."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser().resolve()
    return Path(platformdirs.user_cache_dir("pygbag_like"))


def sources_dir() -> Path:
    """Where downloaded source archives are kept: $PYGBAG_LIKE_SOURCES or <cache>/sources."""
    override = os.environ.get(SOURCES_ENV)
    if override:
        return Path(override).expanduser().resolve()
    return cache_root() / "sources"


def components_dir() -> Path:
    """One installed prefix per built component, named <component>-<key>."""
    return cache_root() / "components"


def component_dir(name: str, key: str) -> Path:
    """The installed prefix of one component build."""
    return components_dir() / f"{name}-{key}"


def work_dir() -> Path:
    """Scratch folders of components being built (removed after each build)."""
    return cache_root() / "work"


def logs_dir() -> Path:
    """One log per component, kept after the build."""
    return cache_root() / "logs"


def emscripten_cache_dir() -> Path:
    """A writable copy of Debian's frozen emscripten cache."""
    return cache_root() / "emscripten-cache"


def build_roots_dir() -> Path:
    """Debian roots the runtime is built in (runtime/buildroot.py), one per release asked for."""
    return cache_root() / "buildroot"


def build_lock() -> Path:
    """Held by the one build that may write to the cache."""
    return cache_root() / "build.lock"


def current_runtime_pointer() -> Path:
    """JSON naming the most recently built runtime folder."""
    return cache_root() / "current-runtime.json"


# What `pack runtime clean` removes (downloaded sources are kept).
CLEANABLE = (components_dir, work_dir, logs_dir, emscripten_cache_dir, build_roots_dir,
             current_runtime_pointer)
