"""`pack exec SCRIPT.py [args...]`: run a script in the runtime inside headless Chromium.

The script's folder is copied into the virtual filesystem at /game and becomes the working
directory. stdout and stderr stream to the terminal; the exit status is the script's
(sys.exit code, 0 when it returns, 1 on an uncaught exception), 124 on a time-out and 125 when
the page itself fails (JavaScript error, runtime that does not load).
"""

import sys
import tempfile
import time
from pathlib import Path

from pygbag_like.browser import launch_chromium
from pygbag_like.config import GameConfig
from pygbag_like.errors import UsageError
from pygbag_like.httpserver import start_server
from pygbag_like.loopcheck import check_loops
from pygbag_like.pack import PageSettings, runtime_variant, write_site
from pygbag_like.runtime import RuntimeFiles, find_runtime
from pygbag_like.shell import read_template

TIMEOUT_STATUS = 124
PAGE_FAILURE_STATUS = 125
MAX_FOLDER_BYTES = 256 * 1024 * 1024
SKIPPED_DIRS = {"__pycache__", ".git", ".hg", ".svn", ".venv", "venv", "node_modules"}


def _folder_files(folder: Path) -> list[tuple[str, Path]]:
    files: list[tuple[str, Path]] = []
    total = 0
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part in SKIPPED_DIRS for part in rel.parts) or not path.is_file():
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(folder):
            continue
        total += path.stat().st_size
        if total > MAX_FOLDER_BYTES:
            raise UsageError(f"{folder} holds more than {MAX_FOLDER_BYTES >> 20} MB: "
                             "put the script in a smaller folder")
        files.append((rel.as_posix(), path))
    return files


def build_exec_page(script: Path, args: list[str], runtime: RuntimeFiles, out: Path,
                    asyncify: bool) -> str:
    """Write a page that runs `script` at start-up into `out`; returns the variant used."""
    folder = script.parent
    files = _folder_files(folder)
    sources = {rel: p.read_text(encoding="utf-8", errors="replace")
               for rel, p in files if rel.endswith(".py")}
    try:
        needs_asyncify = check_loops(sources).needs_asyncify
    except SyntaxError:
        needs_asyncify = False  # the runtime reports the syntax error itself
    variant = runtime_variant(asyncify or needs_asyncify)
    config = GameConfig(title=f"pack exec {script.name}")
    page = PageSettings(config=config, template=read_template(config, folder),
                        main=script.name, autostart=True, argv=[script.name, *args],
                        keep_saves=False)
    write_site(out, files, runtime, variant, page)
    return variant


def exec_script(script: str, args: list[str], timeout: float, asyncify: bool = False) -> int:
    """Run `script` in the browser runtime, streaming its output; returns its exit status."""
    path = Path(script).resolve()
    if not path.is_file():
        raise UsageError(f"{script} is not a file")
    runtime = find_runtime()
    with tempfile.TemporaryDirectory(prefix="pack-exec-") as tmp:
        out = Path(tmp)
        build_exec_page(path, args, runtime, out, asyncify)
        server = start_server(out, "127.0.0.1", 0)
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
            return _run_page(url, timeout)
        finally:
            server.shutdown()


def _wait_for_end(page, timeout: float, page_errors: list[str]) -> str | None:
    """Poll the page until the game has ended or failed; None on a time-out or a JS error."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not page_errors:
        state = page.evaluate("document.body && document.body.dataset.state")
        if state in ("ended", "failed"):
            return state
        page.wait_for_timeout(50)
    return None


def _run_page(url: str, timeout: float) -> int:
    page_errors: list[str] = []
    with launch_chromium() as browser:
        page = browser.new_page()

        def on_console(message) -> None:
            # Python's stdout arrives as console.log and its stderr as console.error; the
            # browser's own warnings (deprecated audio APIs...) are not the script's output.
            if message.type == "error":
                print(message.text, file=sys.stderr, flush=True)
            elif message.type in ("log", "info"):
                print(message.text, flush=True)

        page.on("console", on_console)
        page.on("pageerror", lambda error: page_errors.append(str(error)))
        page.goto(url)
        state = _wait_for_end(page, timeout, page_errors)
        if page_errors:
            print("\n".join(page_errors), file=sys.stderr)
            return PAGE_FAILURE_STATUS
        if state is None:
            print(f"pack exec: timed out after {timeout:g}s", file=sys.stderr)
            return TIMEOUT_STATUS
        loaded, code = page.evaluate(
            "[!!(window.pygbagLike && pygbagLike.module), window.pygbagLike && pygbagLike.exitCode]"
        )
    if not loaded:
        return PAGE_FAILURE_STATUS
    if code is not None:
        return int(code)
    return 0 if state == "ended" else 1
