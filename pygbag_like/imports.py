"""Which of the game's modules the entry point can import, and what it imports from elsewhere.

The game runs with its entry point's folder first on sys.path, so `import level` from
`code/main.py` is `code/level.py`; bundled packages (vendor.py) come next. Every import
statement counts, wherever it is (inside a function, under `if`): the analysis is
conservative, a module that might be imported is.
"""

import ast
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ExternalImport:
    """An import the game's own files do not satisfy (stdlib, pygame, a third-party package)."""

    module: str  # the dotted name, e.g. "pytmx.util_pygame"
    rel: str  # the game file that imports it
    line: int
    optional: bool  # inside `try:` with an `except ImportError` (or broader) handler


@dataclass(frozen=True)
class ImportGraph:
    """The game's modules reached from its entry point, and its imports from elsewhere."""

    reachable: frozenset[str]  # relative paths of the game's .py files
    external: tuple[ExternalImport, ...]
    missing: frozenset[str] = frozenset()  # names in the game's packages no file provides


def _module_names(rels: list[str], search_dirs: Sequence[str]) -> dict[str, str]:
    """Dotted module name -> file, for the files importable from `search_dirs` (in order:
    the first folder holding a name wins, as on sys.path)."""
    names: dict[str, str] = {}
    for folder in search_dirs:
        prefix = f"{folder}/" if folder else ""
        for rel in sorted(rels):
            if not rel.startswith(prefix) or not rel.endswith(".py"):
                continue
            parts = rel[len(prefix):-3].split("/")
            if parts[-1] == "__init__":
                parts.pop()
            if parts and all(part.isidentifier() for part in parts):
                names.setdefault(".".join(parts), rel)
    return names


# Exceptions whose handler catches a failed import.
IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})


def catches_import_errors(node: ast.Try | ast.TryStar) -> bool:
    """Whether one of a `try`'s handlers catches a failed import (a bare `except` does)."""
    for handler in node.handlers:
        if handler.type is None:
            return True
        kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        if any(ast.unparse(kind).rpartition(".")[2] in IMPORT_ERRORS for kind in kinds):
            return True
    return False


def _guarded_imports(tree: ast.AST) -> set[int]:
    """ids of the import statements inside a `try:` that catches a failed import."""
    guarded: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try | ast.TryStar) and catches_import_errors(node):
            guarded.update(id(inner) for statement in node.body for inner in ast.walk(statement)
                           if isinstance(inner, ast.Import | ast.ImportFrom))
    return guarded


def imported_names(tree: ast.AST, package: str) -> Iterator[tuple[str, int, bool, bool]]:
    """(dotted name, line, certain, optional) of everything `tree` may import.

    Relative imports are resolved against `package` (the importing module's package).
    `from pkg import x` gives "pkg" (certain) and "pkg.x" (not certain: x may be a submodule
    or just a name). Optional imports are guarded by a handler for ImportError."""
    guarded = _guarded_imports(tree)
    for node, dotted, certain in _imports(ast.walk(tree), package):
        yield dotted, node.lineno, certain, id(node) in guarded


# What the browser runtime answers to the tests code makes about its platform.
_PLATFORM_VALUES = {"sys.platform": "emscripten", "_sys.platform": "emscripten",
                    "os.name": "posix", "_os.name": "posix"}


def _platform_test(test: ast.expr) -> bool | None:
    """The value of an `if` test about the platform in the browser (`sys.platform ==
    "win32"`, `os.name != "nt"`, `__name__ == "__main__"`); None for any other test."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        value = _platform_test(test.operand)
        return None if value is None else not value
    if isinstance(test, ast.Call) and ast.unparse(test.func) in (
            "sys.platform.startswith", "_sys.platform.startswith") and test.args \
            and isinstance(test.args[0], ast.Constant) and isinstance(test.args[0].value, str):
        return "emscripten".startswith(test.args[0].value)
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1
            and isinstance(test.comparators[0], ast.Constant)):
        return None
    left, op, right = ast.unparse(test.left), test.ops[0], test.comparators[0].value
    actual = "imported" if left == "__name__" else _PLATFORM_VALUES.get(left)
    if actual is None or not isinstance(right, str):
        return None
    if isinstance(op, ast.Eq | ast.NotEq):
        return (actual == right) == isinstance(op, ast.Eq)
    if isinstance(op, ast.In | ast.NotIn):
        return (actual in right) == isinstance(op, ast.In)
    return None


def _module_level(tree: ast.Module) -> Iterator[tuple[ast.stmt, bool]]:
    """(statement, conditional) for the statements that may run when the module is imported
    in the browser: not function bodies, not the branches a platform test (or `if __name__ ==
    "__main__"`) rules out; `conditional` below an `if` whose outcome is not known here, and
    in `except` handlers."""
    stack: list[tuple[ast.stmt, bool]] = [(node, False) for node in tree.body]
    while stack:
        node, conditional = stack.pop()
        if isinstance(node, ast.If):
            value = _platform_test(node.test)
            if value is not False:
                stack.extend((child, conditional or value is None) for child in node.body)
            if value is not True:
                stack.extend((child, conditional or value is None) for child in node.orelse)
            continue
        yield node, conditional
        if isinstance(node, ast.Try | ast.With):
            children = [*node.body, *getattr(node, "orelse", ()), *getattr(node, "finalbody", ())]
            stack.extend((child, conditional) for child in children)
            # A handler runs only when its try failed: `except ImportError: from _dummy_thread
            # import ...` is a fallback, not something the module always needs.
            stack.extend((statement, True) for handler in getattr(node, "handlers", ())
                         for statement in handler.body)


def module_level_imports(tree: ast.Module, package: str) -> Iterator[tuple[str, bool, bool]]:
    """(dotted name, needed, optional) of the imports that may run when the module is
    imported in the browser. `needed`: the import runs whenever the module is imported and
    names a module for sure (not `x` of `from package import x`); `optional`: guarded by a
    handler for ImportError, or below an `if` that may not run."""
    guarded = _guarded_imports(tree)
    conditional = {id(node) for node, is_conditional in _module_level(tree) if is_conditional}
    statements = [node for node, _ in _module_level(tree)
                  if isinstance(node, ast.Import | ast.ImportFrom)]
    for node, dotted, certain in _imports(statements, package):
        optional = id(node) in guarded or id(node) in conditional
        yield dotted, certain and not optional, optional


def _imports(nodes: Iterable[ast.AST], package: str) -> Iterator[tuple[ast.stmt, str, bool]]:
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name, True
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".") if package else []
                anchor = anchor[: max(0, len(anchor) - (node.level - 1))]
                base = ".".join([*anchor, *([base] if base else [])])
            if base:
                yield node, base, True
            for alias in node.names:
                if alias.name != "*":
                    yield node, f"{base}.{alias.name}" if base else alias.name, False


def _namespace_packages(names: Iterable[str]) -> set[str]:
    """Folders of the game's modules that have no `__init__.py`: namespace packages (PEP 420),
    which `import core.scenes.start` goes through as it does natively."""
    folders = {".".join(name.split(".")[:i]) for name in names
               for i in range(1, name.count(".") + 1)}
    return folders - set(names)


def import_graph(modules: Mapping[str, ast.Module], entry_point: str,
                 more_dirs: Sequence[str] = ()) -> ImportGraph:
    """Follow imports from `entry_point` through the parsed modules (rel -> tree), found in
    the entry point's folder, then in `more_dirs` (folders relative to the game)."""
    run_dir = entry_point.rpartition("/")[0]
    by_name = _module_names(list(modules), [run_dir, *more_dirs])
    namespaces = _namespace_packages(by_name)
    name_of = {rel: name for name, rel in by_name.items()}
    reachable = {entry_point}
    missing: set[str] = set()
    external: dict[tuple[str, str], ExternalImport] = {}
    pending = [entry_point]
    while pending:
        rel = pending.pop()
        name = name_of.get(rel, "")
        package = name if rel.endswith("__init__.py") else name.rpartition(".")[0]
        for dotted, line, certain, optional in imported_names(modules[rel], package):
            parts = dotted.split(".")
            if parts[0] not in by_name and parts[0] not in namespaces:
                if certain:
                    found = ExternalImport(dotted, rel, line, optional)
                    known = external.setdefault((dotted, rel), found)
                    if known.optional and not optional:  # one unguarded import is enough
                        external[(dotted, rel)] = found
                continue
            for i in range(1, len(parts) + 1):  # a package's __init__ runs before its modules
                target = by_name.get(".".join(parts[:i]))
                if target is None and certain and ".".join(parts[:i]) not in namespaces:
                    missing.add(".".join(parts[:i]))
                elif target is not None and target not in reachable:
                    reachable.add(target)
                    pending.append(target)
    return ImportGraph(frozenset(reachable), tuple(item for _, item in sorted(external.items())),
                       frozenset(missing))
