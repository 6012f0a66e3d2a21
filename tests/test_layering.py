"""The package's import graph, read statically: no cycles, and layers that point one way."""

import ast
from pathlib import Path

import pygbag_like

PACKAGE = Path(pygbag_like.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """module -> the pygbag_like modules it imports (anywhere in the file, lazily or not)."""
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                base = node.module
                if node.level:
                    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
                    for _ in range(node.level - 1):
                        package = package.rpartition(".")[0]
                    base = f"{package}.{node.module}"
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, stack = set(), [start]
    while stack:
        for child in graph[stack.pop()]:
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen


def test_no_import_cycles():
    graph = import_graph()
    cycles = sorted(name for name in graph if name in reachable(graph, name)
                    and name != "pygbag_like")  # the package root imports nothing of its own
    assert not cycles, f"modules on an import cycle: {cycles}"


def test_library_modules_never_import_the_command_line():
    graph = import_graph()
    front = {"pygbag_like.cli", "pygbag_like.__main__"} | {
        name for name in graph if name.startswith("pygbag_like.commands")}
    for name, imports in graph.items():
        if name not in front:
            assert not imports & front, f"{name} imports {imports & front}"


def test_packing_does_not_load_the_runtime_builder():
    reached = reachable(import_graph(), "pygbag_like.pack")
    assert "pygbag_like.runtime.builder" not in reached
