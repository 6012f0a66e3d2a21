"""Call every public callable of one pygame module, and every method, attribute and protocol
slot of its types, to find C functions that trap when called (function signature mismatch).

    sweep_module.py MODULE [SKIP_JSON]   sweep one module
    sweep_module.py --list               pygame's modules, as a JSON list

Before each call a line `CALL <label>` goes to stderr, so when the page dies the last label
names the call that killed it; SKIP_JSON is a JSON list of labels not to call again (the ones
already found). Errors raised by the calls are expected (most get arguments of the wrong
kind) and ignored: the sweep only looks for calls that kill the page. The last line is
`SWEEP DONE <number of calls>`.

Each callable is called with a few argument lists: with none, one or two arguments a C
function is always entered (METH_NOARGS, METH_O, METH_VARARGS, METH_FASTCALL), which is where
a mismatched signature traps; the richer ones reach further into its body.
"""

import contextlib
import copy
import gc
import importlib
import inspect
import itertools
import json
import os
import pickle
import pkgutil
import sys
import weakref

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame

# Calls made only with these argument lists: pygame.event.wait() with no time-out waits for an
# event forever.
ONLY_WITH = {"wait": [(1,)]}


def _sample_arguments():
    surface = pygame.Surface((4, 4))
    return [(), (1,), (1, 1), ((1, 1),), ("a",), (None,), (surface,), ((0, 0, 2, 2),),
            ((255, 0, 0),), (surface, (0, 0))]


def _factories():
    """Ways to make an instance of pygame's types whose constructors need arguments."""
    surface = pygame.Surface((4, 4))
    return {
        "Color": lambda: pygame.Color(1, 2, 3, 4),
        "Rect": lambda: pygame.Rect(0, 0, 2, 2),
        "FRect": lambda: pygame.FRect(0, 0, 2, 2),
        "Surface": lambda: pygame.Surface((4, 4)),
        "Vector2": lambda: pygame.math.Vector2(1, 2),
        "Vector3": lambda: pygame.math.Vector3(1, 2, 3),
        "Mask": lambda: pygame.mask.Mask((4, 4), fill=True),
        "PixelArray": lambda: pygame.PixelArray(pygame.Surface((4, 4))),
        "BufferProxy": lambda: surface.get_view("2"),
        "Font": lambda: pygame.font.Font(None, 12),
        "Sound": lambda: pygame.mixer.Sound(buffer=bytes(64)),
        "Channel": lambda: pygame.mixer.Channel(0),
        "Event": lambda: pygame.event.Event(pygame.USEREVENT, a=1),
        "Cursor": lambda: pygame.cursors.Cursor(pygame.SYSTEM_CURSOR_ARROW),
        "Circle": lambda: pygame.geometry.Circle(0, 0, 1),
        "Line": lambda: pygame.geometry.Line(0, 0, 1, 1),
        "Window": lambda: pygame.Window(size=(8, 8)),
    }


class Sweep:
    def __init__(self, skip: set[str]) -> None:
        self.skip = skip
        self.calls = 0
        # Our own copies of stdout and stderr: a call given 1 or 2 as a file name
        # (`open(1)`) closes that descriptor when it is done with it.
        self.out = os.fdopen(os.dup(1), "w", buffering=1)
        self.err = os.fdopen(os.dup(2), "w", buffering=1)

    def call(self, label: str, function, *args) -> object:
        """Call `function(*args)` unless `label` is to be skipped; errors are ignored."""
        if label in self.skip:
            return None
        self.calls += 1
        print(f"CALL {label}", file=self.err, flush=True)
        try:
            return function(*args)
        except BaseException:  # SystemExit included: nothing may end the sweep early
            return None
        finally:
            if "quit" in label:
                _restart()

    def callable_(self, label: str, function) -> None:
        name = label.rsplit(".", 1)[-1].split(" ")[0]
        for args in ONLY_WITH.get(name, _sample_arguments()):
            # A C function that returns a value but leaves an exception set (pygame-ce
            # 2.5.6's display._resize_event(1)) makes the next return raise SystemError.
            with contextlib.suppress(SystemError):
                self.call(f"{label}{_shape(args)}", function, *args)

    def module(self, name: str) -> None:
        module = importlib.import_module(name)
        for attr in sorted(dir(module)):
            if attr.startswith("__"):
                continue
            value = getattr(module, attr, None)
            label = f"{name}.{attr}"
            if inspect.isclass(value):
                if _home(value) == name:
                    self.type_(label, value)
            elif callable(value):
                if getattr(value, "__self__", None) is module or _home(value) == name:
                    self.callable_(label, value)
            elif type(value).__module__.startswith("pygame"):
                self.instance(label, value)

    def type_(self, label: str, cls) -> None:
        """Make instances of `cls` and sweep them; also the class's own callables."""
        instance = None
        factory = _factories().get(cls.__name__)
        if factory is not None:
            instance = self.call(f"{label} sample", factory)
        for args in _sample_arguments():
            made = self.call(f"{label}{_shape(args)}", cls, *args)
            instance = instance if instance is not None else made
        if instance is not None and isinstance(instance, cls):
            self.instance(label, instance)
        for attr in sorted(vars(cls)):
            value = getattr(cls, attr, None)
            if isinstance(vars(cls)[attr], (classmethod, staticmethod)) or (
                    inspect.isbuiltin(value) and getattr(value, "__self__", None) is cls):
                self.callable_(f"{label}.{attr}", value)
        del instance
        self.call(f"gc after {label}", gc.collect)

    def instance(self, label: str, obj) -> None:
        for op, function in _PROTOCOL:
            self.call(f"{label} {op}", function, obj)
        for attr in sorted(dir(obj)):
            if attr in ("__class__", "__init_subclass__", "__subclasshook__", "__new__",
                        "__init__", "__del__", "__delattr__"):
                continue
            value = self.call(f"{label}.{attr} get", getattr, obj, attr)
            if callable(value):
                self.callable_(f"{label}.{attr}", value)
            elif not attr.startswith("__"):
                self.call(f"{label}.{attr} set", setattr, obj, attr, value)
        self.call(f"gc after {label} instance", gc.collect)


def _home(value) -> str:
    """The module that defines `value`, where it is swept (`pygame` re-exports most of its
    submodules' names, and modules import stdlib functions that must not be called).
    Classes of C modules say where they live in their name (`pygame.color.Color`); the
    functions of C modules say only `mouse` in the static build, and are matched by their
    `__self__` instead."""
    home = getattr(value, "__module__", None) or ""
    return home if home in sys.modules else "pygame"


def _shape(args: tuple) -> str:
    return "(" + ", ".join(type(a).__name__ for a in args) + ")"


def _first_items(obj):
    return list(itertools.islice(iter(obj), 4))


# Protocol slots (tp_*, nb_*, sq_*, mp_*, bf_*), each reached through its Python spelling.
_PROTOCOL = [
    ("repr", repr), ("str", str), ("hash", hash), ("bool", bool), ("len", len),
    ("iter", _first_items), ("getitem", lambda o: o[0]),
    ("setitem", lambda o: o.__setitem__(0, o[0])),
    ("slice", lambda o: o[0:1]), ("contains", lambda o: 0 in o), ("eq", lambda o: o == o),
    ("lt", lambda o: o < o), ("add", lambda o: o + o), ("sub", lambda o: o - o),
    ("mul", lambda o: o * 2), ("rmul", lambda o: 2 * o), ("truediv", lambda o: o / 2),
    ("floordiv", lambda o: o // 2), ("mod", lambda o: o % 2), ("pow", lambda o: o ** 2),
    ("neg", lambda o: -o), ("pos", lambda o: +o), ("abs", abs), ("invert", lambda o: ~o),
    ("int", int), ("float", float), ("index", lambda o: [0][o:]), ("matmul", lambda o: o @ o),
    ("and", lambda o: o & o), ("or", lambda o: o | o), ("xor", lambda o: o ^ o),
    ("lshift", lambda o: o << 1), ("iadd", lambda o: o.__iadd__(o)),
    ("bytes", bytes), ("memoryview", lambda o: memoryview(o).tobytes()),
    ("copy", copy.copy), ("deepcopy", copy.deepcopy), ("pickle", lambda o: pickle.dumps(o)),
    ("reduce", lambda o: o.__reduce_ex__(2)), ("format", lambda o: format(o, "")),
    ("dir", dir), ("weakref", weakref.ref), ("sizeof", sys.getsizeof),
    ("referents", gc.get_referents), ("call", lambda o: o()),
]


def _restart() -> None:
    """After a quit(), start pygame again so that the calls after it reach their code."""
    try:
        pygame.init()
        pygame.display.set_mode((64, 64))
    except pygame.error:
        pass


# Desktop wheels only: the examples run when imported, docs.__main__ opens a web browser.
NOT_SWEPT = ("examples", "tests", "docs", "__pyinstaller", "__briefcase")


def _import_all(path: list[str], prefix: str) -> None:
    for info in pkgutil.iter_modules(path, prefix):
        if info.name.split(".")[1] in NOT_SWEPT:
            continue
        # A module that cannot be imported here (no camera backend, no numpy) is not swept.
        with contextlib.suppress(Exception):
            module = importlib.import_module(info.name)
            if info.ispkg:
                _import_all(module.__path__, info.name + ".")


def _module_names() -> list[str]:
    _import_all(pygame.__path__, "pygame.")
    return sorted(name for name in list(sys.modules)
                  if name == "pygame" or name.startswith("pygame."))


def main() -> None:
    if sys.argv[1] == "--list":
        print(json.dumps(_module_names()))
        return
    name = sys.argv[1]
    skip = set(json.loads(sys.argv[2])) if len(sys.argv) > 2 else set()
    _restart()
    pygame.mixer.init()
    sweep = Sweep(skip)
    sweep.module(name)
    print(f"SWEEP DONE {sweep.calls}", file=sweep.out, flush=True)


if __name__ == "__main__":
    main()
