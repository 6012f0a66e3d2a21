"""Find the game's main loops and tell which runtime variant they need.

A desktop game loop (`while running: ... pygame.display.flip(); clock.tick(60)`, or a `for`
loop over frames) never returns to the browser, so it needs the asyncify runtime, where the
natural yield points (display updates, Clock.tick, pygame.time.wait/delay, time.sleep,
pygame.event.wait) give the frame back. So do event polls in a `while` loop that draws
nothing (`while waiting: pygame.event.pump()`): the asyncify runtime gives the frame back
at such a poll when the browser has painted none for a frame's time. A loop that awaits
something is an asyncio loop and runs on the plain runtime. A `while` loop with no yield
point that draws, or that can never end, would freeze the page on either runtime: it gets a
warning (not in a generator, whose `yield` gives control back to its caller).

Only the modules the entry point can import are read (an unrelated script in the folder
does not count), and `.tick()` counts only on a Clock: an object made by `Clock()`, or,
when the game makes none the analysis can see, one whose name says clock.
"""

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pygbag_like.imports import import_graph

# Calls that give control back to the browser in the asyncify runtime, matched on the last
# parts of the dotted name (`pygame.display.flip`, `display.flip`, `time.sleep`...).
YIELD_CALL_SUFFIXES = (
    "display.flip", "display.update", "time.sleep", "time.wait", "time.delay", "event.wait",
)
CLOCK_METHODS = ("tick", "tick_busy_loop")
# The same functions imported by name (`from time import sleep`, `from pygame.display import
# flip`).
YIELD_CALL_NAMES = ("flip", "sleep")
# Event polls: a yield point of a `while` loop that calls one itself (not of a `for` loop
# over the events, nor of a function that polls: loops around those draw, or await).
EVENT_POLL_SUFFIXES = ("event.get", "event.poll", "event.peek", "event.pump")
# Calls that mark a loop as a game loop (it handles events or draws).
GAME_LOOP_SUFFIXES = ("event.get", "event.poll", "event.pump", "blit", "fill", "flip")
GAME_LOOP_PREFIXES = ("pygame.draw.", "draw.")


@dataclass(frozen=True)
class LoopReport:
    """Where the blocking loops are, and warnings for loops the browser cannot run."""

    blocking_loops: tuple[str, ...]  # "file:line" of loops that need asyncify
    warnings: tuple[str, ...]

    @property
    def needs_asyncify(self) -> bool:
        """True when some loop only gives the frame back inside a blocking call."""
        return bool(self.blocking_loops)


def _dotted(node: ast.expr) -> str:
    """`a.b().c` for a chain of names, attributes and calls; "" for anything else."""
    parts: list[str] = []
    while True:
        if isinstance(node, ast.Attribute):
            parts.append("." + node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            parts.append("()")
            node = node.func
        elif isinstance(node, ast.Name):
            parts.append(node.id)
            return "".join(reversed(parts))
        else:
            return ""


def _called_names(node: ast.AST) -> Iterable[str]:
    """Dotted names of the calls inside `node`, not descending into nested definitions."""
    stack = list(ast.iter_child_nodes(node))
    while stack:
        child = stack.pop()
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        if isinstance(child, ast.Call):
            yield _dotted(child.func)
        stack.extend(ast.iter_child_nodes(child))


def _ends_with(name: str, suffix: str) -> bool:
    return name == suffix or name.endswith("." + suffix)


def _clock_names(trees: Iterable[ast.Module]) -> frozenset[str]:
    """Names and attributes the game binds to `Clock()` (`clock`, `self.timer`...)."""
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if (isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Call)
                    and _ends_with(_dotted(node.value.func), "Clock")):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names.update(_dotted(target).rsplit(".", 1)[-1] for target in targets)
    names.discard("")
    return frozenset(names)


class _YieldCalls:
    """Tells whether a called dotted name gives control back to the browser."""

    def __init__(self, clock_names: frozenset[str]) -> None:
        self.clock_names = clock_names

    def __call__(self, name: str) -> bool:
        if name in YIELD_CALL_NAMES or any(_ends_with(name, s) for s in YIELD_CALL_SUFFIXES):
            return True
        receiver, _, method = name.rpartition(".")
        if method not in CLOCK_METHODS or not receiver:
            return False
        owner = receiver.rsplit(".", 1)[-1]
        if owner.endswith("Clock()") or owner in self.clock_names:
            return True
        return not self.clock_names and "clock" in owner.lower()


def _is_game_call(name: str) -> bool:
    return (any(_ends_with(name, s) for s in GAME_LOOP_SUFFIXES)
            or name.startswith(GAME_LOOP_PREFIXES))


def _polls_events(names: Iterable[str]) -> bool:
    return any(_ends_with(name, suffix) for name in names for suffix in EVENT_POLL_SUFFIXES)


def _has_await(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Await | ast.AsyncFor | ast.AsyncWith) for n in ast.walk(node))


def _counts_to_a_bound(loop: ast.While) -> bool:
    """`while i < total: ... i += 1`: a loop over a count (drawing a board's cells once),
    not a game loop."""
    test = loop.test
    if not isinstance(test, ast.Compare):
        return False
    counters = {side.id for side in (test.left, *test.comparators) if isinstance(side, ast.Name)}
    return any(isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name)
               and node.target.id in counters and isinstance(node.op, ast.Add | ast.Sub)
               for node in ast.walk(loop))


def _never_ends(loop: ast.While) -> bool:
    """`while True:` (or any constant true test) that no break, return, raise or sys.exit
    inside can leave (a break inside an inner loop leaves only that loop)."""
    if not isinstance(loop.test, ast.Constant) or not loop.test.value:
        return False
    stack = [(child, False) for child in loop.body]
    while stack:
        node, in_inner_loop = stack.pop()
        if isinstance(node, ast.Return | ast.Raise) or (
                isinstance(node, ast.Break) and not in_inner_loop):
            return False
        if isinstance(node, ast.Call) and _dotted(node.func) in ("sys.exit", "exit", "quit"):
            return False
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        inner = in_inner_loop or isinstance(node, ast.While | ast.For | ast.AsyncFor)
        stack.extend((child, inner) for child in ast.iter_child_nodes(node))
    return True


def _loops_in_generators(tree: ast.Module) -> set[int]:
    """ids of the loops whose nearest enclosing function is a generator."""
    found: set[int] = set()
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        own = list(_own_nodes(function))
        if any(isinstance(node, ast.Yield | ast.YieldFrom) for node in own):
            found.update(id(node) for node in own if isinstance(node, ast.While | ast.For))
    return found


def _runs_asyncio(tree: ast.Module) -> bool:
    """True when the module starts an asyncio loop when run (`asyncio.run(main())` at its
    top level, under `if __name__ == "__main__":` too): the page gets its frames through the
    game's awaits."""
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If):
            stack.extend([*node.body, *node.orelse])
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and (
                _ends_with(_dotted(node.value.func), "asyncio.run")
                or _dotted(node.value.func) == "run"):
            return True
    return False


def _own_nodes(function: ast.AST) -> Iterable[ast.AST]:
    """The nodes of a function's body, not descending into nested definitions."""
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
                          | ast.ClassDef):
            stack.extend(ast.iter_child_nodes(node))


def _yielding_functions(trees: Iterable[ast.Module], is_yield_call: _YieldCalls) -> set[str]:
    """Names of functions (and methods) that reach a yield call, directly or through others."""
    calls: dict[str, set[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                names = {n.rsplit(".", 1)[-1] if not is_yield_call(n) else "<yield>"
                         for n in _called_names(node)}
                calls.setdefault(node.name, set()).update(names)
    yielding = {"<yield>"}
    changed = True
    while changed:
        changed = False
        for name, callees in calls.items():
            if name not in yielding and callees & yielding:
                yielding.add(name)
                changed = True
    yielding.discard("<yield>")
    return yielding


FREEZE_WARNING = (
    "this loop never gives control back to the browser (no pygame.display.flip/update, "
    "Clock.tick, pygame.time.wait/delay, time.sleep or pygame.event.get/wait): the page "
    "will freeze while it runs"
)


def check_loops(modules: Mapping[str, ast.Module], entry_point: str = "main.py") -> LoopReport:
    """Analyse the game's parsed Python files (relative path -> module tree) that
    `entry_point` can import."""
    reachable = import_graph(modules, entry_point).reachable if entry_point in modules else ()
    trees = {rel: modules[rel] for rel in sorted(reachable)}
    is_yield_call = _YieldCalls(_clock_names(trees.values()))
    yielding = _yielding_functions(trees.values(), is_yield_call)
    blocking: list[str] = []
    warnings: list[str] = []
    # In an asyncio game only a yield call in the loop itself makes a desktop loop: a
    # method found by name elsewhere may well be another class's (a pipe's tick()).
    asyncio_game = entry_point in trees and _runs_asyncio(trees[entry_point])
    for rel, tree in trees.items():
        in_generators = _loops_in_generators(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.While | ast.For) or _has_await(node):
                continue
            names = list(_called_names(node))
            if any(is_yield_call(n) or (not asyncio_game and n.rsplit(".", 1)[-1] in yielding)
                   for n in names) or (isinstance(node, ast.While) and _polls_events(names)):
                blocking.append(f"{rel}:{node.lineno}")
            elif isinstance(node, ast.While) and id(node) not in in_generators and (
                    (any(_is_game_call(n) for n in names) and not _counts_to_a_bound(node))
                    or _never_ends(node)):
                warnings.append(f"{rel}:{node.lineno}: {FREEZE_WARNING}")
    return LoopReport(tuple(blocking), tuple(warnings))

