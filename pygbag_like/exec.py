"""Run a Python script in the runtime inside headless Chromium (`pack exec`).

The script's folder is copied into the virtual filesystem at /game and becomes the working
directory. stdout and stderr stream to the terminal; the exit status is the script's
(sys.exit code, 0 when it returns, 1 on an uncaught exception), 124 on a time-out and 125 when
the page itself fails (JavaScript error, runtime that does not load).

The page reports its state changes to this process as they happen, so nothing here ever
waits on the page: a script that never yields (`while True: pass`) still times out.
"""

import ast
import contextlib
import sys
import tempfile
import time
from pathlib import Path

from pygbag_like.browser import launch_chromium
from pygbag_like.config import GameConfig
from pygbag_like.errors import ScanError, UsageError
from pygbag_like.httpserver import start_server
from pygbag_like.imports import import_graph
from pygbag_like.loopcheck import check_loops
from pygbag_like.modulestore import ModuleIndex
from pygbag_like.numpycheck import needs_numpy
from pygbag_like.pack import PageSettings, write_site
from pygbag_like.runtime.layout import MODULE_INDEX, RuntimeFiles, find_runtime, variant_for
from pygbag_like.scan import list_files, parse_python
from pygbag_like.shell import STATIC_FILES, read_template

TIMEOUT_STATUS = 124
PAGE_FAILURE_STATUS = 125
MAX_FOLDER_BYTES = 256 * 1024 * 1024
POLL_MS = 50
END_STATES = ("ended", "failed")
OUR_SCRIPTS = tuple(f"/{name}" for name in STATIC_FILES if name.endswith(".js"))
# Tells this process about every change of body[data-state] (see docs/runtime-contract.md).
_STATE_REPORTER = """
new MutationObserver(function () {
  window.packExecState(document.body.dataset.state || "");
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-state"]});
"""
PAGE_FAILURES = ("load", "javascript")  # body[data-failure] values that are not the script's


def _parsed(files: list[tuple[str, Path]]) -> dict[str, ast.Module]:
    """The folder's Python files that parse (the runtime reports the others' errors)."""
    modules = {}
    for rel, path in files:
        if rel.endswith(".py"):
            with contextlib.suppress(ScanError):
                modules[rel] = parse_python(rel, path.read_bytes())[0]
    return modules


def build_exec_page(script: Path, args: list[str], runtime: RuntimeFiles, out: Path,
                    asyncify: bool, numpy: bool = False) -> None:
    """Write a page that runs `script` at start-up into `out`."""
    folder = script.parent
    files = [(f.rel, f.path) for f in list_files(folder)]
    if sum(path.stat().st_size for _, path in files) > MAX_FOLDER_BYTES:
        raise UsageError(f"{folder} holds more than {MAX_FOLDER_BYTES >> 20} MB: "
                         "put the script in a smaller folder")
    modules = _parsed(files)
    graph = import_graph(modules, script.name) if script.name in modules else None
    imports = [item.module for item in graph.external] if graph else []
    if graph is not None and not numpy:
        numpy = needs_numpy(ModuleIndex.load(runtime.root / MODULE_INDEX), imports, modules,
                            graph.reachable)
    if numpy:
        imports.append("numpy")  # shipped: fetching numpy's modules one by one is slow
    variant = variant_for(asyncify or (script.name in modules
                                       and check_loops(modules, script.name).needs_asyncify),
                          numpy)
    config = GameConfig(title=f"pack exec {script.name}")
    page = PageSettings(config=config, template=read_template(config, folder),
                        main=script.name, autostart=True, argv=[script.name, *args],
                        keep_saves=False)
    write_site(out, files, runtime, variant, page, imports)


def exec_script(script: str, args: list[str], timeout: float, asyncify: bool = False,
                numpy: bool = False) -> int:
    """Run `script` in the browser runtime, streaming its output; returns its exit status."""
    path = Path(script).resolve()
    if not path.is_file():
        raise UsageError(f"{script} is not a file")
    runtime = find_runtime()
    with tempfile.TemporaryDirectory(prefix="pack-exec-") as tmp:
        out = Path(tmp)
        build_exec_page(path, args, runtime, out, asyncify, numpy)
        server = start_server(out, "127.0.0.1", 0)
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
            return _run_page(url, timeout)
        finally:
            server.shutdown()


def _run_page(url: str, timeout: float) -> int:
    page_errors: list[str] = []
    states: list[str] = []
    with launch_chromium() as browser:
        page = browser.new_page()

        def on_console(message) -> None:
            # Python's stdout arrives as console.log and its stderr as console.error; the
            # browser's own warnings (deprecated audio APIs...) are not the script's output,
            # the page's own warnings (a name found by letter case...) are.
            if message.type == "error" or (
                    message.type == "warning" and message.location.get("url", "").endswith(
                        OUR_SCRIPTS)):
                print(message.text, file=sys.stderr, flush=True)
            elif message.type in ("log", "info"):
                print(message.text, flush=True)

        page.on("console", on_console)
        page.on("pageerror", lambda error: page_errors.append(str(error)))
        # A Python function, not the builtin `states.append`: Playwright tags the callback
        # with an attribute, which a builtin method cannot take.
        page.expose_function("packExecState", lambda state: states.append(state))
        page.add_init_script(_STATE_REPORTER)
        page.goto(url, wait_until="commit")
        deadline = time.monotonic() + timeout
        # wait_for_timeout runs in Playwright's driver, not in the page: it returns (and
        # delivers the page's events) even while the page's thread is stuck.
        while time.monotonic() < deadline and not page_errors and not set(states) & {*END_STATES}:
            page.wait_for_timeout(POLL_MS)
        if page_errors:
            print("\n".join(page_errors), file=sys.stderr)
            return PAGE_FAILURE_STATUS
        if not set(states) & {*END_STATES}:
            print(f"pack exec: timed out after {timeout:g}s", file=sys.stderr)
            return TIMEOUT_STATUS  # closing the browser stops the page, stuck or not
        failure, code = page.evaluate("[document.body.dataset.failure || null, "
                                      "document.body.dataset.exitCode || null]")
    if failure in PAGE_FAILURES:
        return PAGE_FAILURE_STATUS
    if code is not None:
        return int(code)
    return 0 if "ended" in states else 1
