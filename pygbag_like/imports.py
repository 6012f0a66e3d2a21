"""Which of the game's modules the entry point can import, and what it imports from elsewhere.

The game runs with its entry point's folder first on sys.path, so `import level` from
`code/main.py` is `code/level.py`. Every import statement counts, wherever it is (inside a
function, under `if`): the analysis is conservative, a module that might be imported is.
"""

import ast
from collections.abc import Iterator, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ExternalImport:
    """An import the game's own files do not satisfy (stdlib, pygame, a third-party package)."""

    module: str  # the dotted name, e.g. "pytmx.util_pygame"
    rel: str  # the game file that imports it
    line: int


@dataclass(frozen=True)
class ImportGraph:
    """The game's modules reached from its entry point, and its imports from elsewhere."""

    reachable: frozenset[str]  # relative paths of the game's .py files
    external: tuple[ExternalImport, ...]

    @property
    def external_roots(self) -> frozenset[str]:
        """Top-level names imported from outside the game (`pygame`, `json`, `pytmx`)."""
        return frozenset(item.module.split(".")[0] for item in self.external)


def _module_names(rels: list[str], run_dir: str) -> dict[str, str]:
    """Dotted module name -> file, for the game files importable from `run_dir`."""
    prefix = f"{run_dir}/" if run_dir else ""
    names = {}
    for rel in rels:
        if not rel.startswith(prefix) or not rel.endswith(".py"):
            continue
        parts = rel[len(prefix):-3].split("/")
        if parts[-1] == "__init__":
            parts.pop()
        if parts and all(part.isidentifier() for part in parts):
            names[".".join(parts)] = rel
    return names


def _imported_names(tree: ast.AST, package: str) -> Iterator[tuple[str, int, bool]]:
    """(dotted name, line, certain) of everything `tree` may import; relative imports
    resolved against `package` (the importing module's package). `from pkg import x` gives
    "pkg" (certain) and "pkg.x" (not certain: x may be a submodule or just a name)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno, True
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".") if package else []
                anchor = anchor[: max(0, len(anchor) - (node.level - 1))]
                base = ".".join([*anchor, *([base] if base else [])])
            if base:
                yield base, node.lineno, True
            for alias in node.names:
                if alias.name != "*":
                    yield f"{base}.{alias.name}" if base else alias.name, node.lineno, False


def import_graph(modules: Mapping[str, ast.Module], entry_point: str) -> ImportGraph:
    """Follow imports from `entry_point` through the game's parsed modules (rel -> tree)."""
    run_dir = entry_point.rpartition("/")[0]
    by_name = _module_names(list(modules), run_dir)
    name_of = {rel: name for name, rel in by_name.items()}
    reachable = {entry_point}
    external: dict[tuple[str, str], ExternalImport] = {}
    pending = [entry_point]
    while pending:
        rel = pending.pop()
        name = name_of.get(rel, "")
        package = name if rel.endswith("__init__.py") else name.rpartition(".")[0]
        for dotted, line, certain in _imported_names(modules[rel], package):
            parts = dotted.split(".")
            if parts[0] not in by_name:
                if certain:
                    external.setdefault((dotted, rel), ExternalImport(dotted, rel, line))
                continue
            for i in range(1, len(parts) + 1):  # a package's __init__ runs before its modules
                target = by_name.get(".".join(parts[:i]))
                if target is not None and target not in reachable:
                    reachable.add(target)
                    pending.append(target)
    return ImportGraph(frozenset(reachable), tuple(item for _, item in sorted(external.items())))
