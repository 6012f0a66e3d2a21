"""Warnings about standard-library names a game uses that fail in the browser.

Games written years ago (tutorials, old jam entries) call `time.clock()` or name
`collections.Iterable`; the runtime's CPython raises AttributeError or ImportError there,
in the player's browser, after the upload. Desktop games start threads (an asset loader, an
input poller) or processes, which a web page cannot. pack says so first, with what to do.
"""

import ast
from collections.abc import Mapping

from pygbag_like.onimport import BROWSER_RUNS

_ABCS = ("Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
         "Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container",
         "Callable", "Collection", "Set", "MutableSet", "Mapping", "MutableMapping",
         "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence", "MutableSequence",
         "ByteString")

# (module, name) -> (the Python version that removed it, what to use instead)
REMOVED: Mapping[tuple[str, str], tuple[str, str]] = {
    ("time", "clock"): ("3.8", "time.perf_counter()"),
    ("os", "errno"): ("3.7", "import errno"),
    ("cgi", "escape"): ("3.8", "html.escape()"),
    ("platform", "linux_distribution"): ("3.8", "the distro package"),
    ("platform", "dist"): ("3.8", "the distro package"),
    ("base64", "encodestring"): ("3.9", "base64.encodebytes()"),
    ("base64", "decodestring"): ("3.9", "base64.decodebytes()"),
    ("fractions", "gcd"): ("3.9", "math.gcd()"),
    ("sys", "setcheckinterval"): ("3.9", "sys.setswitchinterval()"),
    ("inspect", "getargspec"): ("3.11", "inspect.getfullargspec() or inspect.signature()"),
    ("inspect", "formatargspec"): ("3.11", "inspect.signature()"),
    ("asyncio", "coroutine"): ("3.11", "async def"),
    **{("collections", name): ("3.10", f"collections.abc.{name}") for name in _ABCS},
    **{("string", name): ("3.0", f"string.ascii_{name}")
       for name in ("letters", "lowercase", "uppercase")},
}
_ONE_THREAD = "a web page runs the game on one thread: call its work from the game loop"
# (module, name) -> why it fails in the browser and what to do instead
NEEDS_THREADS: Mapping[tuple[str, str], str] = {
    **{("threading", name): _ONE_THREAD for name in ("Thread", "Timer")},
    **{("_thread", name): _ONE_THREAD for name in ("start_new_thread", "start_new")},
    ("concurrent.futures", "ThreadPoolExecutor"): _ONE_THREAD,
    ("concurrent.futures", "ProcessPoolExecutor"): "a web page cannot start processes",
    ("multiprocessing", "Process"): "a web page cannot start processes",
    ("multiprocessing", "Pool"): "a web page cannot start processes",
    **{("subprocess", name): "a web page cannot run programs"
       for name in ("run", "Popen", "call", "check_call", "check_output")},
}
_FAILING = frozenset(REMOVED) | frozenset(NEEDS_THREADS)
_MODULES = frozenset(module for module, _ in _FAILING)


def removed_api_uses(py_rel: str, tree: ast.AST) -> list[str]:
    """Warn about each use in `tree` of a name of REMOVED (`time.clock`, or imported with
    `from collections import Iterable`) or NEEDS_THREADS (`threading.Thread`); not in
    `except` handlers (fallbacks for old Pythons); modules imported under another name are
    not followed."""
    found: dict[tuple[str, str], int] = {}
    fallbacks = {id(inner) for handler in ast.walk(tree) if isinstance(handler, ast.ExceptHandler)
                 for inner in ast.walk(handler)}  # `except ImportError: from collections...`
    for node in ast.walk(tree):
        if id(node) in fallbacks:
            continue
        if (isinstance(node, ast.Attribute) and (module := _dotted(node.value)) in _MODULES
                and (module, node.attr) in _FAILING):
            found.setdefault((module, node.attr), node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module in _MODULES and not node.level:
            for alias in node.names:
                if (node.module, alias.name) in _FAILING:
                    found.setdefault((node.module, alias.name), node.lineno)
    warnings = []
    for (module, name), line in sorted(found.items(), key=lambda item: item[1]):
        if (module, name) in NEEDS_THREADS:
            warnings.append(f"{py_rel}:{line}: {module}.{name} fails in the browser: "
                            f"{NEEDS_THREADS[module, name]}")
            continue
        version, instead = REMOVED[module, name]
        warnings.append(f"{py_rel}:{line}: {module}.{name} was removed in Python {version} and "
                        f"{BROWSER_RUNS}: use {instead}")
    return warnings


def _dotted(node: ast.AST) -> str | None:
    """`concurrent.futures` for the expression concurrent.futures; None for other nodes."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (owner := _dotted(node.value)) is not None:
        return f"{owner}.{node.attr}"
    return None
