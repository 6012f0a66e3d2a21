"""What input a game's code reads: the keys it names (pygame's `K_` constants, most named
first), the keys whose every `if` quits the game or reads a modifier too, the keys that do
what an arrow key does, whether it reads the mouse or touches, and whether it reads typed
text. The on-screen gamepad and keyboard button a game gets when its config names none are
guessed from this (touchcontrols.py)."""

import ast
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# K_ constants whose key name (pygame.key.name) is not the rest of the constant in lower case.
_NAMED = {
    "PAGEUP": "page up", "PAGEDOWN": "page down", "MINUS": "-", "EQUALS": "=", "COMMA": ",",
    "PERIOD": ".", "SLASH": "/", "SEMICOLON": ";", "QUOTE": "'", "LEFTBRACKET": "[",
    "RIGHTBRACKET": "]", "BACKSLASH": "\\", "BACKQUOTE": "`",
    "LSHIFT": "left shift", "RSHIFT": "right shift", "LCTRL": "left ctrl",
    "RCTRL": "right ctrl", "LALT": "left alt", "RALT": "right alt",
}
_PLAIN = re.compile(r"[A-Za-z0-9]|F\d{1,2}|SPACE|RETURN|ESCAPE|TAB|BACKSPACE|DELETE|INSERT|"
                    r"HOME|END|LEFT|RIGHT|UP|DOWN")
# Reading any of these means a tap already does something in the game (SDL gives touches to
# the game as fingers and as the mouse).
POINTER_EVENTS = frozenset({"MOUSEBUTTONDOWN", "MOUSEBUTTONUP", "MOUSEMOTION", "MOUSEWHEEL",
                            "FINGERDOWN", "FINGERUP", "FINGERMOTION", "MULTIGESTURE"})
MOUSE_READS = frozenset({"get_pos", "get_pressed", "get_rel", "get_just_pressed",
                         "get_just_released"})
# Reading any of these means the game takes typed text (a name, a word), which a phone can
# only give through its on-screen keyboard: `event.unicode`, SDL's text events, the key's
# name (`pygame.key.name(event.key)`), or asking for text.
TEXT_EVENTS = frozenset({"TEXTINPUT", "TEXTEDITING"})
TEXT_CALLS = frozenset({"start_text_input"})
# Menu and widget packages that read the mouse for the game.
POINTER_LIBRARIES = frozenset({"pygame_gui", "pygame_menu", "thorpy", "pgu"})


ARROW_KEYS = frozenset({"up", "down", "left", "right"})

# Calls that end the game: a key whose `if` always leads to one is not worth a button on a
# phone, where the page offers "Play again" anyway. pygame.quit, sys.exit, os._exit; bare
# quit() and exit().
QUIT_METHODS = frozenset({("pygame", "quit"), ("sys", "exit"), ("os", "_exit")})
QUIT_FUNCTIONS = frozenset({"quit", "exit"})


@dataclass(frozen=True)
class InputUse:
    """What a game's code reads: the keys it names, by pygame key name, most named first;
    those whose `if` ends the game; those only read with a modifier (Ctrl+C); the other keys
    that do what an arrow key does (`keys[K_LEFT] or keys[K_a]`, `in (K_UP, K_w)`, or an `if`
    doing what an arrow's does); whether it reads the mouse or touches; and whether it reads
    typed text."""

    keys: tuple[str, ...]
    pointer: bool
    quitting: frozenset[str] = frozenset()
    with_modifier_only: frozenset[str] = frozenset()
    arrow_alternates: frozenset[str] = frozenset()
    text: bool = False


def key_name(constant: str) -> str | None:
    """pygame's name of the key a `K_` constant stands for (`K_LSHIFT` -> "left shift"), or
    None for what is not a key constant (keypad keys, media keys)."""
    rest = constant.removeprefix("K_")
    if rest == constant:
        return None
    if rest in _NAMED:
        return _NAMED[rest]
    return rest.lower() if _PLAIN.fullmatch(rest) else None


def input_use(modules: Iterable[ast.Module]) -> InputUse:
    """What the game's modules (the ones its entry point reaches) read; give them in a fixed
    order: keys named as often are listed in the order they are first met."""
    trees = list(modules)
    quitters = _quitting_functions(trees)
    loop_ends = _loop_ending_statements(trees)
    predicates = _key_predicates(trees)
    counts: Counter[str] = Counter()
    tests: Counter[str] = Counter()  # how many `if` tests read each key
    with_modifier: Counter[str] = Counter()
    quitting: Counter[str] = Counter()
    alternates: set[str] = set()
    bodies: dict[str, set[str]] = {}  # each key's `if` bodies (ast.dump) when it is tested alone
    pointer = text = False
    for tree in trees:
        for node in ast.walk(tree):
            alternates |= _arrow_alternates_together(node)
            text = text or _reads_text(node)
            if isinstance(node, ast.If):
                tested = _keys_named(node.test).union(
                    *(predicates.get(_referenced_name(inner.func), ()) for inner
                      in ast.walk(node.test) if isinstance(inner, ast.Call)))
                tests.update(tested)
                if len(tested) == 1 and not all(isinstance(statement, ast.Pass | ast.Continue
                                                           | ast.Break) for statement in node.body):
                    bodies.setdefault(next(iter(tested)), set()).add(
                        ast.dump(ast.Module(body=node.body, type_ignores=[])))
                if _names(node.test, "KMOD_") or _calls_named(node.test, {"get_mods"}):
                    with_modifier.update(tested)
                if _ends_the_game(node.body, quitters, loop_ends):
                    quitting.update(tested)
            name = _referenced_name(node)
            if name is None:
                pointer = pointer or _imports_pointer_library(node)
                continue
            key = key_name(name)
            if key is not None:
                counts[key] += 1
            elif name in POINTER_EVENTS or _reads_mouse(node):
                pointer = True
    arrow_bodies = set().union(*(bodies.get(arrow, set()) for arrow in ARROW_KEYS))
    alternates |= {key for key, dumps in bodies.items()
                   if key not in ARROW_KEYS and dumps & arrow_bodies}
    return InputUse(
        keys=tuple(key for key, _ in counts.most_common()), pointer=pointer,
        arrow_alternates=frozenset(alternates), text=text,
        quitting=frozenset(key for key, n in quitting.items() if n == tests[key]),
        with_modifier_only=frozenset(key for key, n in with_modifier.items()
                                     if n == tests[key]))


def _arrow_alternates_together(node: ast.AST) -> set[str]:
    """The keys `node` names beside an arrow key as one choice: in an `or`, a tuple, list or
    set (`in (K_LEFT, K_a)`), or as keys of a dict with the same value as an arrow's."""
    if isinstance(node, ast.BoolOp | ast.Tuple | ast.List | ast.Set):
        named = _keys_named(node)
        return named - ARROW_KEYS if named & ARROW_KEYS else set()
    if isinstance(node, ast.Dict):
        by_value: dict[str, set[str]] = {}
        for key, value in zip(node.keys, node.values, strict=True):
            if key is not None:
                by_value.setdefault(ast.dump(value), set()).update(_keys_named(key))
        return {key for named in by_value.values() if named & ARROW_KEYS
                for key in named - ARROW_KEYS}
    return set()


def _quitting_functions(trees: list[ast.Module]) -> frozenset[str]:
    """The game's functions and methods that only wind up and quit (`terminate()`): a call
    of a quit at their top, and no loop (a `main()` that quits after its loop restarts)."""
    return frozenset(
        node.name for tree in trees for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and any(isinstance(statement, ast.Expr) and _quits(statement, frozenset())
                for statement in node.body)
        and not any(isinstance(inner, ast.For | ast.While) for inner in ast.walk(node)))


def _loop_ending_statements(trees: list[ast.Module]) -> set[int]:
    """The statements (by id) that end the game's loop: `running = False` in a `while
    running:` loop (or `self.running = False` anywhere, for `while self.running:`), and
    `return False` in a function a `while keep_running():` loop tests. The game's loop is
    one after which the game only quits: pygame.quit() or sys.exit() follow it, or nothing
    does at the end of the script or of the function the script calls last (its main());
    a title screen's `while waiting:` is not."""
    attributes: set[str] = set()
    tests: set[str] = set()
    ends: set[int] = set()
    for loop in _game_loops(trees):
        if isinstance(loop.test, ast.Name):
            ends |= {id(node) for node in ast.walk(loop) if isinstance(node, ast.Assign)
                     and _is_false(node.value) and any(isinstance(target, ast.Name)
                                                       and target.id == loop.test.id
                                                       for target in node.targets)}
        elif isinstance(loop.test, ast.Attribute):
            attributes.add(loop.test.attr)
        elif isinstance(loop.test, ast.Call):
            tests.add(_referenced_name(loop.test.func) or "")
    for tree in trees:
        for node in ast.walk(tree):
            if (isinstance(node, ast.Assign) and _is_false(node.value)
                    and any(isinstance(target, ast.Attribute) and target.attr in attributes
                            for target in node.targets)):
                ends.add(id(node))
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in tests:
                ends |= {id(inner) for inner in ast.walk(node)
                         if isinstance(inner, ast.Return) and _is_false(inner.value)}
    return ends


def _game_loops(trees: list[ast.Module]) -> list[ast.While]:
    """The `while` loops after which the game only quits (see _loop_ending_statements)."""
    last_called = {name for tree in trees if (name := _called_last(tree))}
    loops = []
    for tree in trees:
        for node in ast.walk(tree):
            ends_script = node is tree or (isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                                           and node.name in last_called)
            for block in (getattr(node, name, None) for name in ("body", "orelse", "finalbody")):
                if not isinstance(block, list):
                    continue
                for index, statement in enumerate(block):
                    after = block[index + 1:]
                    if isinstance(statement, ast.While) and (
                            (after and all(isinstance(later, ast.Expr)
                                           and _quits(later, frozenset()) for later in after))
                            or (not after and ends_script and block is node.body)):
                        loops.append(statement)
    return loops


def _called_last(tree: ast.Module) -> str | None:
    """The function the script calls last (`main()`, or under `if __name__ == ...`)."""
    last = tree.body[-1] if tree.body else None
    if isinstance(last, ast.If) and last.body:
        last = last.body[-1]
    if isinstance(last, ast.Expr) and isinstance(last.value, ast.Call):
        return _referenced_name(last.value.func)
    return None


def _ends_the_game(body: list[ast.stmt], quitters: frozenset[str], loop_ends: set[int]) -> bool:
    """Whether an `if` body quits (pygame.quit(), sys.exit(), raise SystemExit...), or only
    ends the game's loop (`running = False`, and nothing else but `break`)."""
    if any((isinstance(statement, ast.Expr) and _quits(statement, quitters))
           or _raises_system_exit(statement) for statement in body):
        return True
    return (any(id(statement) in loop_ends for statement in body)
            and all(id(statement) in loop_ends or isinstance(statement, ast.Break | ast.Pass)
                    for statement in body))


def _is_false(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def _raises_system_exit(statement: ast.AST) -> bool:
    return (isinstance(statement, ast.Raise) and statement.exc is not None
            and _referenced_name(statement.exc.func if isinstance(statement.exc, ast.Call)
                                 else statement.exc) == "SystemExit")


def _key_predicates(trees: list[ast.Module]) -> dict[str, set[str]]:
    """The game's functions that answer a question about keys (`def should_exit(event):
    return event.key == K_ESCAPE`), with the keys they read: an `if` calling one reads them."""
    predicates: dict[str, set[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                keys = set().union(*(_keys_named(inner.value) for inner in ast.walk(node)
                                     if isinstance(inner, ast.Return) and inner.value))
                if keys:
                    predicates.setdefault(node.name, set()).update(keys)
    return predicates


def _quits(node: ast.AST, quitters: frozenset[str]) -> bool:
    """Whether `node` calls pygame.quit, sys.exit, os._exit, quit(), exit() or one of the
    game's `quitters`, or posts a QUIT event."""
    for inner in ast.walk(node):
        if not isinstance(inner, ast.Call):
            continue
        func = inner.func
        if isinstance(func, ast.Name) and func.id in QUIT_FUNCTIONS | quitters:
            return True
        if isinstance(func, ast.Attribute):
            owner = _referenced_name(func.value)
            if ((owner, func.attr) in QUIT_METHODS or func.attr in quitters
                    or (func.attr == "post" and _names(inner, "QUIT"))):
                return True
    return False


def _calls_named(node: ast.AST, names: frozenset[str] | set[str]) -> bool:
    """Whether `node` calls a function or method called one of `names`."""
    return any(isinstance(inner, ast.Call) and _referenced_name(inner.func) in names
               for inner in ast.walk(node))


def _keys_named(node: ast.AST) -> set[str]:
    return {key for name in _names(node, "K_") if (key := key_name(name)) is not None}


def _names(node: ast.AST, prefix: str) -> set[str]:
    """The names and attributes below `node` that start with `prefix`."""
    return {name for inner in ast.walk(node)
            if (name := _referenced_name(inner)) is not None and name.startswith(prefix)}


def _referenced_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def _reads_mouse(node: ast.AST) -> bool:
    """`pygame.mouse.get_pos`, `mouse.get_pressed`...: an attribute of something called mouse."""
    return (isinstance(node, ast.Attribute) and node.attr in MOUSE_READS
            and _referenced_name(node.value) == "mouse")


def _reads_text(node: ast.AST) -> bool:
    """`event.unicode`, TEXTINPUT, `pygame.key.name(...)` or `start_text_input()`."""
    if isinstance(node, ast.Attribute):
        if node.attr == "unicode":
            return True
        if node.attr == "name" and _referenced_name(node.value) == "key":
            return True
    name = _referenced_name(node)
    return name in TEXT_EVENTS or name in TEXT_CALLS


def _imports_pointer_library(node: ast.AST) -> bool:
    if isinstance(node, ast.Import):
        return any(alias.name.split(".")[0] in POINTER_LIBRARIES for alias in node.names)
    return (isinstance(node, ast.ImportFrom) and not node.level
            and (node.module or "").split(".")[0] in POINTER_LIBRARIES)
