"""Which imports a library module runs when it is imported, in the browser runtime.

A module of a bundled package counts for what it imports when imported: at module level
(classes and `with` blocks included), not inside functions, not in the branch of an `if`
that cannot run in the browser (`if TYPE_CHECKING:`, a Python version or platform test
whose answer is known here). Imports in a `try` that catches a failed import, or in its
handlers (a fallback), are kept as guarded. The browser's answers come from BROWSER_MARKERS,
which also evaluate Requires-Dist markers (vendor.py).
"""

import ast
import operator
from collections.abc import Iterable, Iterator

from pygbag_like.imports import catches_import_errors

# The environment markers of Requires-Dist in the browser runtime (what it reports; the
# Python version is the runtime recipe's). `extra` is empty: extras are never bundled.
BROWSER_MARKERS = {"python_version": "3.11", "python_full_version": "3.11.2",
                   "implementation_name": "cpython", "implementation_version": "3.11.2",
                   "platform_python_implementation": "CPython", "os_name": "posix",
                   "sys_platform": "emscripten", "platform_system": "Emscripten",
                   "platform_machine": "wasm32", "platform_release": "1.0",
                   "platform_version": "#1", "extra": ""}
_MAJOR, _MINOR = (int(n) for n in BROWSER_MARKERS["python_version"].split("."))
BROWSER_PYTHON = (_MAJOR, _MINOR)  # the runtime's Python, as sys.version_info[:2]
BROWSER_RUNS = f"the browser runs Python {BROWSER_MARKERS['python_version']}"
# In the browser runtime, the values of what library code tests about its platform.
_BROWSER_VALUES = {
    "sys.platform": BROWSER_MARKERS["sys_platform"], "os.name": BROWSER_MARKERS["os_name"],
    "sys.version_info": tuple(int(n) for n in BROWSER_MARKERS["python_full_version"].split(".")),
    "sys.version_info[:2]": BROWSER_PYTHON,
    "sys.version_info[0]": 3, "sys.version_info.major": 3,
}
_COMPARISONS = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt,
                ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge}


def _outcome(test: ast.expr) -> bool | None:
    """What an `if` test gives in the browser, when known here: `TYPE_CHECKING` is false,
    `sys.version_info` is the runtime's Python, `sys.platform` emscripten; None otherwise."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        outcome = _outcome(test.operand)
        return None if outcome is None else not outcome
    if isinstance(test, ast.Name | ast.Attribute) \
            and ast.unparse(test).rpartition(".")[2] == "TYPE_CHECKING":
        return False
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1
            and type(test.ops[0]) in _COMPARISONS):
        return None
    actual = _BROWSER_VALUES.get(ast.unparse(test.left))
    if actual is None:
        return None
    try:
        value = ast.literal_eval(test.comparators[0])
        return _COMPARISONS[type(test.ops[0])](actual, value) \
            if type(value) is type(actual) else None
    except (ValueError, TypeError, SyntaxError):  # not a literal; (3, "a") < (3, 11, 2)
        return None


def _run_on_import(body: Iterable[ast.stmt],
                   guarded: bool = False) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """(statement, guarded) for the import statements of a module that may run when it is
    imported: not in functions, not in the branch of an `if` that cannot run in the
    browser (`if TYPE_CHECKING:`, versions, platforms); `guarded` in a `try` that catches a
    failed import, or in its handlers (a fallback)."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, guarded
        elif isinstance(node, ast.If):
            outcome = _outcome(node.test)
            if outcome is not False:
                yield from _run_on_import(node.body, guarded)
            if outcome is not True:
                yield from _run_on_import(node.orelse, guarded)
        elif isinstance(node, ast.Try | ast.TryStar):
            catches = guarded or catches_import_errors(node)
            yield from _run_on_import([*node.body, *node.orelse], catches)
            for handler in node.handlers:
                yield from _run_on_import(handler.body, True)
            yield from _run_on_import(node.finalbody, guarded)
        elif isinstance(node, ast.With | ast.ClassDef):
            yield from _run_on_import(node.body, guarded)


def imports_run_on_import(tree: ast.Module) -> ast.Module:
    """A module reduced to the imports it may run when imported, the guarded ones
    each in a `try` catching ImportError (import_graph's `optional`)."""
    body: list[ast.stmt] = []
    for node, guarded in _run_on_import(tree.body):
        body.append(ast.Try([node], [ast.ExceptHandler(ast.Name("ImportError"), None,
                                                       [ast.Pass()])], [], [])
                    if guarded else node)
    return ast.Module(body, [])
