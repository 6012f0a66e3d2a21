"""Start Chromium through Playwright (Debian's chromium: Playwright's own download is not used)."""

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from pygbag_like.errors import ToolMissingError

CHROMIUM_ENV = "PACK_CHROMIUM"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
)


def find_chromium() -> str:
    """Path of a Chromium binary: $PACK_CHROMIUM, else the first one on PATH."""
    override = os.environ.get(CHROMIUM_ENV)
    if override:
        return override
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise ToolMissingError("chromium was not found: install it (apt-get install chromium) "
                           f"or set {CHROMIUM_ENV} to a Chromium binary")


@contextmanager
def launch_chromium(headless: bool = True) -> Iterator[object]:
    """A Playwright Browser running Chromium with a fresh profile; closed on exit."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise ToolMissingError("the playwright package is missing: pip install playwright") from exc
    executable = find_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=headless, args=list(CHROMIUM_ARGS)
        )
        try:
            yield browser
        finally:
            browser.close()
