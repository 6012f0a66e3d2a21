"""Shared by the pygame checks (pygame_testsuite.py, pygame_sweep.py): pygame-ce's sdist and
running one page script in the browser runtime through `pack exec`."""

import os
import re
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

from pygbag_like.runtime import paths
from pygbag_like.runtime.recipe import load_recipes

PAGES = Path(__file__).resolve().parent / "pages"
TIMEOUT_STATUS, PAGE_FAILURE_STATUS = 124, 125
# Natively, what a crash says.
_CRASH = re.compile(r"^(Fatal Python error: .*|Aborted\(.*)$", re.M)


def pygame_version() -> str:
    return load_recipes()["pygame_ce"].recipe.version


def extract_pygame_sdist(into: Path) -> Path:
    """pygame-ce's source archive (the runtime build's own copy), extracted into `into`."""
    source = load_recipes()["pygame_ce"].recipe.source
    archive = paths.sources_dir() / source.filename
    if not archive.is_file():
        sys.exit(f"{archive} is missing: run `pack runtime build` first")
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return next(into.iterdir())


@dataclass(frozen=True)
class PageRun:
    returncode: int
    stdout: str
    stderr: str

    @property
    def failure(self) -> str | None:
        """None if the page ran to its end; else why not: the trap's message, or a time-out."""
        if self.returncode == TIMEOUT_STATUS:
            return "timed out"
        if self.returncode != PAGE_FAILURE_STATUS:
            return None
        lines = self.stderr.splitlines()
        # A wasm trap or JS error: the line before its stack ("RuntimeError: function
        # signature mismatch", "RangeError: Maximum call stack size exceeded").
        for index, line in enumerate(lines):
            if index and line.startswith("    at ") and not lines[index - 1].startswith(" "):
                return lines[index - 1].strip()[:300]
        crash = _CRASH.search(self.stderr)
        if crash:
            return crash.group(1)
        said = [line for line in lines if line.strip() and not line.startswith(("RUN ", "CALL "))]
        return f"page failed: {said[-1][:300]}" if said else "page failed"


def run_native(python: Path, script: Path, args: list[str], timeout: float) -> PageRun:
    """Run `script` on the host with `python` (SDL's dummy drivers); a crash or a time-out
    is reported as a page failure or time-out would be."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    try:
        result = subprocess.run([python, script.name, *args], cwd=script.parent, env=env,
                                capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:  # its output comes as bytes, text=True or not
        return PageRun(TIMEOUT_STATUS, (exc.stdout or b"").decode(errors="replace"),
                       (exc.stderr or b"").decode(errors="replace"))
    code = PAGE_FAILURE_STATUS if result.returncode not in (0, 1) else result.returncode
    return PageRun(code, result.stdout, result.stderr)


def run_page(script: Path, args: list[str], timeout: float, asyncify: bool = True,
             numpy: bool = False) -> PageRun:
    """Run `script` (its folder mounted at /game), by default with the asyncify runtime, where
    sleeping and blocking waits work as on the desktop; `numpy`: a runtime with numpy."""
    result = subprocess.run(
        [sys.executable, "-m", "pygbag_like", "exec", *(["--asyncify"] if asyncify else []),
         *(["--numpy"] if numpy else []),
         "--timeout", str(timeout), str(script), *args],
        capture_output=True, text=True, timeout=timeout + 120,
    )
    return PageRun(result.returncode, result.stdout, result.stderr)
