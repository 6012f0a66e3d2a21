"""Shared fixtures: the built runtime, a Chromium browser and an nginx server."""

import os
import subprocess
import sys

import pytest

from tests.e2e import Nginx


@pytest.fixture(scope="session")
def runtime():
    """The WebAssembly runtime as `pack runtime build` makes it (in the pinned Debian root):
    built on first use, cached in the user cache directory, reused after."""
    from pygbag_like.runtime.layout import find_runtime

    subprocess.run([sys.executable, "-m", "pygbag_like", "runtime", "build"], check=True)
    return find_runtime()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    from pygbag_like.browser import launch_chromium

    with launch_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def nginx(tmp_path_factory):
    server = Nginx(tmp_path_factory.mktemp("nginx"))
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _no_display(monkeypatch):
    """Desktop pygame in tests never opens a window or an audio device."""
    monkeypatch.setenv("SDL_VIDEODRIVER", os.environ.get("SDL_VIDEODRIVER", "dummy"))
    monkeypatch.setenv("SDL_AUDIODRIVER", os.environ.get("SDL_AUDIODRIVER", "dummy"))
