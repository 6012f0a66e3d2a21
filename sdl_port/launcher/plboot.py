"""The Python half of the runtime contract (see docs/runtime-contract.md).

The page calls, through the launcher's `pl_call`:
    start(path)  run `path` as __main__, from its folder        -> a status below
    step()       one iteration of the asyncio loop started by the game -> a status below
    configure(j) options as JSON (before preload and start): argv (sys.argv), path (folders
                 put on sys.path after the script's own), resizable (let set_mode keep
                 RESIZABLE), module_store (URL of the runtime's module store) and
                 module_contents (the file listing what it holds), cwd (the working
                 directory, else the script's folder); each optional
    preload(m)   import these comma-separated modules now (optional, before start)
    exit_code()  the code given to sys.exit, after status EXITED

Statuses: RUNNING (call step() once per animation frame), DONE (the script returned),
EXITED (sys.exit was called), FAILED (an uncaught exception; its traceback went to stderr).

In the asyncify runtime the script runs to its end inside start(): blocking loops give the
frame back to the browser in SDL's delays and in display updates, and asyncio's loop waits for
the next frame between iterations. In the plain runtime, asyncio.run() schedules the game's
main coroutine and the page drives it with step().
"""

import _imp
import importlib.machinery
import os
import runpy
import sys
import time
import traceback

import _pl

RUNNING, DONE, EXITED, FAILED = 0, 1, 2, 3
ASYNCIFY = _pl.has_asyncify()


class _BuiltinSubmoduleFinder:
    """Finds builtin modules with dotted names (pygame.base), which BuiltinImporter skips."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if "." in name and _imp.is_builtin(name):
            return importlib.machinery.ModuleSpec(
                name, importlib.machinery.BuiltinImporter, origin="built-in"
            )
        return None


def _patch_pygame(module) -> None:
    import plpygame

    plpygame.patch(module, resizable=_State.resizable, asyncify=ASYNCIFY)


def _patch_asyncio(module) -> None:
    import plasyncio

    plasyncio.patch(module, _schedule_main)


def _patch_platform(module) -> None:
    import pljs

    pljs.install(module)


def _patch_urllib_request(module) -> None:
    import plnet

    plnet.patch(module)


_POST_IMPORT_PATCHES = {"pygame": _patch_pygame, "asyncio": _patch_asyncio,
                        "platform": _patch_platform, "urllib.request": _patch_urllib_request}


def run_js_callbacks() -> None:
    """Run the Python functions the page called (event listeners given to JavaScript)."""
    pljs = sys.modules.get("pljs")
    if pljs is not None:
        pljs.run_callbacks()


class _PostImportPatcher:
    """Applies the browser fixes to a package right after it is first imported.

    Done on import rather than at start-up: importing asyncio alone costs about 0.4 s here.
    """

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        patch = _POST_IMPORT_PATCHES.get(name)
        if patch is None:
            return None
        spec = (importlib.machinery.PathFinder.find_spec(name, path)
                or _ModuleStoreFinder.find_spec(name, path))
        if spec is not None and spec.loader is not None:
            spec.loader = _PatchingLoader(spec.loader, patch)
        return spec


class _PatchingLoader:
    def __init__(self, loader, patch):
        self.loader = loader
        self.patch = patch

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        self.loader.exec_module(module)
        self.patch(module)

    def __getattr__(self, name):
        return getattr(self.loader, name)


def _lib_dir() -> str:
    """Where the runtime's modules live (/usr/local/lib/python3.11)."""
    return os.path.join(sys.prefix, "lib", f"python{sys.version_info[0]}.{sys.version_info[1]}")


class _ModuleStoreFinder:
    """Imports a runtime module the page did not ship (found by no other finder): its file
    is fetched from the runtime's module store, one range of it, and written where the
    module lives; the normal path finder then imports it."""

    _spans: dict | None = None  # store path -> (start, end), read on first use
    _busy = False  # fetching: an import made while fetching is not looked for in the store

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if not _State.module_store or cls._busy:
            return None
        cls._busy = True
        try:
            return cls._find(name, path)
        finally:
            cls._busy = False

    @classmethod
    def _find(cls, name, path):
        stem = name.replace(".", "/")
        for rel in (f"{stem}.pyc", f"{stem}/__init__.pyc"):
            span = cls._store_spans().get(rel)
            if span is not None:
                cls._fetch(rel, *span)
                importlib.invalidate_caches()
                return importlib.machinery.PathFinder.find_spec(name, path)
        return None

    @classmethod
    def _store_spans(cls) -> dict:
        """The store's table of contents, which every page ships (pack's STORE_CONTENTS:
        the modules that can work here); empty when there is none."""
        if cls._spans is None:
            import json

            try:
                with open(_State.module_contents, "rb") as file:
                    cls._spans = json.load(file)
            except (OSError, ValueError):
                cls._spans = {}
        return cls._spans

    @classmethod
    def _fetch(cls, rel: str, start: int, end: int) -> None:
        import pljs

        try:
            reply = pljs.sync_request("GET", _State.module_store,
                                      [("Range", f"bytes={start}-{end - 1}")], None)
        except pljs.JSException:
            return  # offline: the module stays missing
        body = reply["body"]
        if reply["status"] == 200:  # a server that ignores ranges sends the whole store
            body = body[start:end]
        elif reply["status"] != 206:
            return
        target = os.path.join(_lib_dir(), rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as file:
            file.write(body)


sys.meta_path.insert(0, _BuiltinSubmoduleFinder)
sys.meta_path.insert(0, _PostImportPatcher)
sys.meta_path.append(_ModuleStoreFinder)


class _MainLoopScheduled(BaseException):
    """Unwinds the game script once asyncio.run() has scheduled its coroutine (plain runtime)."""


class _State:
    argv: list[str] | None = None
    module_store = ""  # URL of the runtime's module store, for modules the page did not ship
    module_contents = ""  # its table of contents, a file the page ships
    cwd = ""  # the working directory, when not the script's own folder
    path: tuple[str, ...] = ()  # after the script's folder on sys.path (bundled packages)
    resizable = False  # set_mode keeps RESIZABLE: the page gives the game its own size
    loop = None  # the game's asyncio loop, in the plain runtime
    task = None  # the game's main task, in the plain runtime
    exit_code = 0


def _schedule_main(main, *, debug=None):
    """asyncio.run() for the plain runtime: the page steps the loop, so return to it."""
    import asyncio

    if _State.task is not None:
        raise RuntimeError("asyncio.run() was called twice")
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    _State.loop = loop
    _State.task = loop.create_task(main)
    raise _MainLoopScheduled


def _sleep_yielding(seconds):
    """time.sleep for the asyncify runtime: the browser gets control while the game sleeps."""
    _pl.sleep_ms(int(max(0.0, seconds) * 1000))


def _sleep_busy(seconds):
    """time.sleep for the plain runtime, where emscripten's own sleep never returns."""
    end = time.perf_counter() + max(0.0, seconds)
    while time.perf_counter() < end:
        pass


NO_THREADS = ("threads cannot start in the browser: a web page runs the game on one thread "
              "(call the thread's work from the game loop instead)")


def _refuse_thread(*args, **kwargs):
    """_thread.start_new_thread in the browser (CPython's own says only "can't start new
    thread")."""
    raise RuntimeError(NO_THREADS)


def _install_browser_defaults():
    import _thread

    time.sleep = _sleep_yielding if ASYNCIFY else _sleep_busy
    _thread.start_new_thread = _thread.start_new = _refuse_thread
    if "threading" in sys.modules:
        sys.modules["threading"]._start_new_thread = _refuse_thread


def _exit_status(exc: SystemExit) -> int:
    code = exc.code
    if code is None:
        _State.exit_code = 0
    elif isinstance(code, int):
        _State.exit_code = code
    else:
        print(code, file=sys.stderr)
        _State.exit_code = 1
    return EXITED


def _report(exc: BaseException) -> int:
    """Print the traceback from the game's first frame on (not plboot's or runpy's)."""
    tb = exc.__traceback__
    while tb is not None and _is_runtime_frame(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    traceback.print_exception(type(exc), exc, tb or exc.__traceback__)
    return FAILED


def _is_runtime_frame(filename: str) -> bool:
    return filename in (__file__, "<frozen runpy>") or filename.endswith("runpy.py")


def start(path: str) -> int:
    """Run the game script `path` as __main__ from its own folder."""
    folder = os.path.dirname(os.path.abspath(path))
    os.chdir(_State.cwd or folder)
    sys.path[0:0] = [folder, *_State.path]
    sys.argv = _State.argv or [path]
    _install_browser_defaults()
    try:
        runpy.run_path(path, run_name="__main__")
    except _MainLoopScheduled:
        return RUNNING
    except SystemExit as exc:
        return _exit_status(exc)
    except BaseException as exc:
        return _report(exc)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return DONE


def step() -> int:
    """Run one iteration of the game's asyncio loop (plain runtime)."""
    loop, task = _State.loop, _State.task
    if loop is None or task is None:
        return DONE
    try:
        run_js_callbacks()
        loop.call_soon(loop.stop)
        loop.run_forever()
    except SystemExit as exc:
        return _exit_status(exc)
    except BaseException as exc:
        return _report(exc)
    if not task.done():
        return RUNNING
    if task.cancelled():
        return DONE
    exc = task.exception()
    if isinstance(exc, SystemExit):
        return _exit_status(exc)
    if exc is not None:
        return _report(exc)
    return DONE


def preload(module_names: str) -> int:
    """Import modules the game will need (comma-separated) while the page waits for its click.

    Importing pygame or asyncio takes a few tenths of a second here; done before the player
    clicks, the game's first frame follows the click at once. Failures are left for the game
    to meet (and report) when it imports the module itself.
    """
    import importlib

    for name in filter(None, module_names.split(",")):
        try:
            importlib.import_module(name)
        except Exception:  # the game meets the error (and reports it) on its own import
            sys.modules.pop(name, None)
    return 0


def configure(options_json: str) -> int:
    """Options for what follows, as a JSON object: argv (sys.argv for start), path (folders
    put on sys.path after the script's own), resizable (set_mode keeps RESIZABLE)."""
    import json

    options = json.loads(options_json)
    if options.get("argv") is not None:
        _State.argv = [str(arg) for arg in options["argv"]]
    _State.path = tuple(str(folder) for folder in options.get("path", ()))
    _State.resizable = bool(options.get("resizable", False))
    _State.module_store = str(options.get("module_store") or "")
    _State.module_contents = str(options.get("module_contents") or "")
    _State.cwd = str(options.get("cwd") or "")
    return 0


def exit_code() -> int:
    """The status given to sys.exit()."""
    return _State.exit_code
