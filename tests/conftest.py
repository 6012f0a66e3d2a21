"""Shared fixtures: the built runtime, a Chromium browser and an nginx server."""

import os

import pytest

from tests.e2e import Nginx


@pytest.fixture(scope="session")
def runtime():
    """The WebAssembly runtime; built on first use (cached in the user cache directory)."""
    from pygbag_like.runtime.builder import build_runtime

    return build_runtime()


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
