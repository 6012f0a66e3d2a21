"""Where the runtime cache lives."""

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
