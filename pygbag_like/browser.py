"""Start Chromium through Playwright (Debian's chromium: Playwright's own download is not used)."""

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pygbag_like.errors import ToolMissingError

CHROMIUM_ENV = "PACK_CHROMIUM"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
)


# Where Chromium-based browsers install themselves off PATH: (environment variable holding
# the base folder, or "" for the root; path parts below it).
INSTALLED = {
    "darwin": [("", ("Applications", app, "Contents", "MacOS", binary)) for app, binary in (
        ("Chromium.app", "Chromium"), ("Google Chrome.app", "Google Chrome"),
        ("Microsoft Edge.app", "Microsoft Edge"))],
    "win32": [(base, parts) for base in ("ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA")
              for parts in (("Google", "Chrome", "Application", "chrome.exe"),
                            ("Chromium", "Application", "chrome.exe"),
                            ("Microsoft", "Edge", "Application", "msedge.exe"))],
}


def _installed_browsers() -> list[Path]:
    """The platform's usual browser locations (Windows, macOS), existing or not."""
    found = []
    for base, parts in INSTALLED.get(sys.platform, ()):
        folder = os.environ.get(base) if base else "/"
        if folder:
            found.append(Path(folder, *parts))
    return found


def find_chromium() -> str:
    """Path of a Chromium binary: $PACK_CHROMIUM, else the first one on PATH, else Chrome,
    Chromium or Edge where they install themselves on Windows and macOS."""
    override = os.environ.get(CHROMIUM_ENV)
    if override:
        return override
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    for path in _installed_browsers():
        if path.is_file():
            return str(path)
    how = "apt-get install chromium" if sys.platform == "linux" else "install Chrome or Chromium"
    raise ToolMissingError(f"chromium was not found: {how}, or set {CHROMIUM_ENV} to a "
                           "Chromium binary")


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
