"""The runtime's Python modules, compiled once, and the selection each game ships.

At runtime build, every module of the standard library, of pygame and of the launcher is
compiled to a .pyc and written into one store (runtime/layout.py's MODULE_STORE, emscripten's
file_packager layout, paths below LIB_ROOT), with an index (MODULE_INDEX) of what each module
imports when it is imported in the browser. At pack time a game ships only the closure of what it
imports (with pygame's and the launcher's needs); anything else stays in the store next to
the page, where the runtime fetches a module the first time something imports it.
"""

import ast
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pygbag_like.imports import module_level_imports

LIB_ROOT = "/usr/local/lib/python3.11"  # where the modules live in the browser
# Imported before any game code runs (interpreter start-up, the launcher), and the codecs
# nearly every program meets; the frozen ones among them cost nothing.
STARTUP_MODULES = ("site", "encodings", "encodings.aliases", "encodings.utf_8",
                   "encodings.latin_1", "encodings.ascii", "plboot", "json",
                   "pkgutil",  # runpy.run_path, which starts every game, imports it
                   "pljs")  # what fetches any other module: it must be there already
# Modules that come with a module when a game imports it: the launcher's browser fixes
# (plboot imports them on first use), and modules imported from inside functions (or by C
# code) on paths nearly every game takes, which the index does not see.
COMPANIONS = {"pygame": ("plpygame", "pygame.colordict", "pygame._data_classes",
                          "pygame.freetype"),  # pygame.init() imports it from C
              "asyncio": ("plasyncio",), "platform": ("pljs",), "js": ("pljs",),
              "urllib.request": ("plnet", "pljs"),
              # what numpy.random's Cython modules import when numpy.random imports them
              "numpy.random": ("secrets", "threading", "operator", "collections.abc", "re",
                               "abc", "warnings"),
              # importlib.resources.files(), which pygame's default font goes through
              "importlib.resources": ("importlib.resources.readers", "importlib.readers",
                                      "importlib.resources._itertools")}
# The store's table of contents, shipped with every game (below LIB_ROOT): plboot reads it
# to fetch a module the page did not ship, and to know at once that a name is no module.
STORE_CONTENTS = "_pack_store.json"
# Files of packages that are never needed in the browser.
UNSHIPPED_DATA = (".ico", ".icns", "_mac.bmp", ".pyi", "py.typed", ".txt", ".rst", ".html")


@dataclass(frozen=True)
class ModuleEntry:
    """One module of the store: its file, and the modules it imports when imported."""

    path: str  # below LIB_ROOT, e.g. "json/__init__.pyc"
    imports: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()  # imports guarded by `except ImportError`
    available: bool = True  # False when it needs a C module the runtime lacks (ssl: _ssl)


@dataclass(frozen=True)
class ModuleIndex:
    """What the store holds: modules, data files of packages, and what needs no file."""

    modules: Mapping[str, ModuleEntry]
    data: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # package -> files
    provided: frozenset[str] = frozenset()  # builtin or frozen into the binary

    def closure(self, roots: Iterable[str], optional: bool = True,
                missing: Iterable[str] = ()) -> set[str]:
        """The modules importing `roots` runs (module-level imports, followed; those guarded
        by `except ImportError` too unless `optional` is false), leaving out the packages
        `missing` (their C part is not in the page's runtime variant)."""
        missing = frozenset(missing)
        found: set[str] = set()
        stack = list(roots)
        while stack:
            parts = stack.pop().split(".")
            if parts[0] in missing:
                continue
            for end in range(1, len(parts) + 1):  # a package runs before its submodules
                name = ".".join(parts[:end])
                entry = self.modules.get(name)
                if entry is None or name in found or not entry.available:
                    continue
                found.add(name)
                stack.extend(entry.imports)
                if optional:
                    stack.extend(entry.optional)
                stack.extend(COMPANIONS.get(name, ()))
        return found

    def files(self, names: Iterable[str]) -> list[str]:
        """The store paths of `names`, with the data files of the packages among them;
        modules frozen into the binary need no file (their imports do)."""
        paths = set()
        for name in names:
            if name not in self.provided:
                paths.add(self.modules[name].path)
            paths.update(self.data.get(name, ()))
        return sorted(paths)

    def store_contents(self, spans: Mapping[str, tuple[int, int]],
                       missing: Iterable[str] = ()) -> bytes:
        """STORE_CONTENTS for a store whose files lie at `spans` (path -> start, end): the
        available modules and the data files, as JSON, less the packages `missing`."""
        missing = frozenset(missing)
        fetchable = {entry.path for name, entry in self.modules.items()
                     if entry.available and name.split(".")[0] not in missing}
        fetchable.update(path for package, files in self.data.items()
                         if package.split(".")[0] not in missing for path in files)
        contents = {path: list(span) for path, span in sorted(spans.items())
                    if path in fetchable}
        return json.dumps(contents, separators=(",", ":")).encode()

    def save(self, path: Path) -> None:
        record = {
            "modules": {name: {"path": e.path, "imports": list(e.imports),
                               "optional": list(e.optional), "available": e.available}
                        for name, e in sorted(self.modules.items())},
            "data": {name: list(files) for name, files in sorted(self.data.items())},
            "provided": sorted(self.provided),
        }
        path.write_text(json.dumps(record, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "ModuleIndex":
        record = json.loads(path.read_text(encoding="utf-8"))
        modules = {name: ModuleEntry(e["path"], tuple(e["imports"]), tuple(e["optional"]),
                                     e["available"])
                   for name, e in record["modules"].items()}
        data = {name: tuple(files) for name, files in record["data"].items()}
        return cls(modules, data, frozenset(record["provided"]))


def module_name(rel: str) -> str | None:
    """`json/__init__.py` -> `json`, `os.py` -> `os`; None for a file that is not a module.
    A top-level name with a hyphen counts: sysconfig imports its data module,
    `_sysconfigdata__emscripten_wasm32-emscripten`, by that name."""
    if not rel.endswith(".py"):
        return None
    parts = rel[:-3].split("/")
    if parts[-1] == "__init__":
        parts.pop()
    if len(parts) == 1 and parts[0].replace("-", "_").isidentifier():
        return parts[0]
    return ".".join(parts) if parts and all(p.isidentifier() for p in parts) else None


def index_sources(sources: Mapping[str, bytes], provided: Iterable[str],
                  data: Mapping[str, tuple[str, ...]]) -> ModuleIndex:
    """Index Python sources (path below LIB_ROOT -> bytes); their .pyc files are the paths
    with a `c` added. A module needing an underscore module that is neither in the store
    nor provided (a C accelerator the runtime lacks) is unavailable, and so is one needing it."""
    provided = frozenset(provided)
    found: dict[str, tuple[str, set[str], set[str], set[str]]] = {}
    for rel, source in sorted(sources.items()):
        name = module_name(rel)
        if name is None:
            continue
        package = name if rel.endswith("__init__.py") else name.rpartition(".")[0]
        try:
            tree = ast.parse(source, rel)
        except SyntaxError:
            continue  # a file not meant for this Python
        certain: set[str] = set()
        maybe: set[str] = set()  # `from package import name`: name may be a submodule
        optional: set[str] = set()
        for dotted, needed, is_optional in module_level_imports(tree, package):
            (certain if needed else optional if is_optional else maybe).add(dotted)
        found[name] = (rel + "c", certain, maybe, optional)
    known = set(found) | provided
    missing = {name for name, (_, certain, _, _) in found.items()
               if any(i.rsplit(".", 1)[-1].startswith("_") and i not in known
                      and i.split(".")[0] not in found for i in certain)}
    while True:  # needing an unavailable module makes a module unavailable
        more = {name for name, (_, certain, _, _) in found.items() if certain & missing}
        if more <= missing:
            break
        missing |= more
    modules = {name: ModuleEntry(path, tuple(sorted(certain | maybe)), tuple(sorted(optional)),
                                 name not in missing)
               for name, (path, certain, maybe, optional) in found.items()}
    return ModuleIndex(modules, dict(data), provided)
