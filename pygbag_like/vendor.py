"""Third-party packages the game imports, bundled with it from where it runs natively.

Each import the game's reachable modules make is resolved: the game's own files first, then
the browser runtime (the standard library and pygame), then the installed distributions of a
virtual environment in the game folder and of the Python that runs `pack` (where the game
runs natively). A pure-Python distribution found there is bundled (its package files and its
.dist-info, minus RECORD). A compiled one cannot load in the browser: that is an error naming
the import's `file:line`; the game's imports guarded by `except ImportError` only get a
warning. Nothing is fetched at play time.

A bundled distribution brings in what its Requires-Dist metadata names (without extras,
markers evaluated for the browser) and what the modules of it that the game reaches import
when they are imported: at module level, not below `if TYPE_CHECKING:` or a version or
platform test that fails in the browser, not guarded by `except ImportError` (such an import
is followed only into what is bundled anyway). Imports inside its functions count for
nothing, neither for bundling nor for the runtime modules and variant: `rich` imports IPython
in a function, which does not make IPython (and all it imports) part of a game that prints
with rich. The game's own imports count wherever they are.
"""

import ast
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import Distribution, distributions
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from pygbag_like.errors import ScanError
from pygbag_like.imports import ExternalImport, import_graph
from pygbag_like.onimport import BROWSER_MARKERS, imports_run_on_import

SITE_DIR = "__pack_packages__"  # below the game's mount point; first on sys.path after it
# Modules the runtime has besides the standard library (numpy in its numpy variants).
RUNTIME_MODULES = frozenset({"pygame", "numpy", "plboot", "plpygame", "plasyncio", "pljs",
                             "plnet", "js", "_pl"})
_COMPILED_SUFFIXES = (".so", ".pyd", ".dylib", ".dll")
# pygbag's own modules, which exist only in its runtime (docs/pygbag-compat.md).
PYGBAG_ONLY = frozenset({"aio", "embed", "pygbag"})
# Imports whose distribution on PyPI has another name (`pip install neat` is a web framework,
# not NEAT): what the missing-package warning tells the user to install.
DISTRIBUTION_OF = {"neat": "neat-python", "PIL": "pillow", "yaml": "pyyaml",
                   "cv2": "opencv-python", "sklearn": "scikit-learn", "bs4": "beautifulsoup4",
                   "serial": "pyserial", "dateutil": "python-dateutil", "OpenGL": "PyOpenGL",
                   "Box2D": "box2d-py", "attr": "attrs", "dotenv": "python-dotenv",
                   "gi": "PyGObject", "wx": "wxPython", "usb": "pyusb"}
_SKIPPED_METADATA = ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json")
# Distributions the runtime provides: a requirement of them needs nothing bundled or installed.
RUNTIME_DISTRIBUTIONS = frozenset({"pygame-ce", "pygame", "numpy"})



@dataclass(frozen=True)
class BundledPackage:
    """A distribution bundled with the game: its name, version and files (rel, source)."""

    name: str
    version: str
    files: tuple[tuple[str, Path], ...]


@dataclass(frozen=True)
class Dependencies:
    """What the game needs from outside its folder and the runtime."""

    packages: tuple[BundledPackage, ...]
    warnings: tuple[str, ...]
    # What the game's modules and the bundled modules it reaches (not their guarded imports)
    # import from the runtime: the modules shipped with the game, the runtime variant.
    runtime_imports: tuple[str, ...] = ()

    @property
    def files(self) -> list[tuple[str, Path]]:
        """Every bundled file, as (path in the game data, source)."""
        return [file for package in self.packages for file in package.files]


def in_runtime(root: str) -> bool:
    """True for a top-level module the browser runtime provides."""
    return root in sys.stdlib_module_names or root in RUNTIME_MODULES


def _site_dirs(game_dir: Path) -> list[str]:
    """site-packages of virtual environments in the game folder, then pack's own sys.path."""
    venvs = [cfg.parent for cfg in sorted(game_dir.glob("*/pyvenv.cfg"))]
    found = [str(site) for venv in venvs
             for site in sorted(venv.glob("lib/python3*/site-packages"))]
    found += [str(site) for venv in venvs if (site := venv / "Lib" / "site-packages").is_dir()]
    return found + [entry for entry in sys.path if entry]


def _top_levels(dist: Distribution) -> set[str]:
    listed = dist.read_text("top_level.txt")
    if listed:
        return {line.strip() for line in listed.splitlines() if line.strip()}
    names = set()
    for file in dist.files or ():
        first = file.parts[0]
        if len(file.parts) == 1 and first.endswith(".py"):
            names.add(first[:-3])
        elif len(file.parts) > 1 and not first.endswith((".dist-info", ".data")) \
                and first != "..":
            names.add(first)
    return names


class _Installed:
    """The installed distributions, by the top-level modules they provide and by name (first
    found wins); read on first use only (most games import nothing from outside the runtime)."""

    def __init__(self, paths: Sequence[str]) -> None:
        self.paths = list(paths)
        self._read = False
        self._by_module: dict[str, Distribution] = {}
        self._by_name: dict[str, Distribution] = {}

    def _read_once(self) -> None:
        if self._read:
            return
        self._read = True
        for dist in distributions(path=self.paths):
            for module in _top_levels(dist):
                self._by_module.setdefault(module, dist)
            if dist.metadata["Name"]:
                self._by_name.setdefault(canonicalize_name(dist.metadata["Name"]), dist)

    def providing(self, module: str) -> Distribution | None:
        self._read_once()
        return self._by_module.get(module)

    def named(self, name: str) -> Distribution | None:
        """The distribution called `name` (as Requires-Dist writes it)."""
        self._read_once()
        return self._by_name.get(canonicalize_name(name))


def _where(item: ExternalImport) -> str:
    return f"{item.rel}:{item.line}"


def _package_files(dist: Distribution, tops: set[str]) -> tuple[list[tuple[str, Path]], bool]:
    """The files to bundle (path below SITE_DIR, source) and whether any is compiled."""
    files, compiled = [], False
    for file in dist.files or ():
        parts = file.parts
        in_metadata = parts[0].endswith(".dist-info")
        in_package = parts[0] in tops or (len(parts) == 1 and parts[0][:-3] in tops)
        if not (in_metadata or in_package) or "__pycache__" in parts:
            continue
        if in_metadata and parts[-1] in _SKIPPED_METADATA:
            continue
        compiled |= file.name.endswith(_COMPILED_SUFFIXES)
        source = Path(dist.locate_file(file))
        if source.is_file() and not file.name.endswith((".pyc", *_COMPILED_SUFFIXES)):
            files.append((f"{SITE_DIR}/{file.as_posix()}", source))
    return sorted(files), compiled


def _parsed(files: Iterable[tuple[str, Path]]) -> dict[str, ast.Module]:
    """The Python modules among a bundled package's files, reduced to the imports they may
    run when imported (unparsable ones left out: the game meets their error if it imports
    them)."""
    trees = {}
    for rel, source in files:
        if rel.endswith(".py"):
            try:
                tree = ast.parse(source.read_bytes(), rel)
            except (SyntaxError, ValueError, RecursionError):
                continue
            trees[rel] = imports_run_on_import(tree)
    return trees


def _counts(item: ExternalImport) -> bool:
    """False for a bundled module's guarded import: it neither bundles a distribution nor
    ships a runtime module or picks a runtime variant (it is followed when what it imports is
    bundled anyway: import_graph follows every import of a module it has)."""
    return not (item.optional and item.rel.startswith(f"{SITE_DIR}/"))


def resolve_dependencies(modules: Mapping[str, ast.Module], entry_point: str,
                         game_dir: Path) -> Dependencies:
    """Bundle the distributions that the game's modules reachable from `entry_point` import,
    with the distributions they require, and those that the bundled modules the game reaches
    import when imported."""
    installed = _Installed(_site_dirs(game_dir))
    everything = dict(modules)
    bundled: dict[str, BundledPackage] = {}  # by canonical name
    handled: set[str] = set()
    warnings: list[str] = []
    while True:
        graph = import_graph(everything, entry_point, more_dirs=[SITE_DIR])
        external = [item for item in graph.external if _counts(item)]
        new = [item for item in sorted(external, key=lambda i: (i.optional, i.rel, i.line))
               if not in_runtime(root := item.module.split(".")[0]) and root not in handled]
        if not new:
            from_runtime = sorted({item.module for item in external
                                   if in_runtime(item.module.split(".")[0])})
            return Dependencies(tuple(bundled.values()), tuple(warnings), tuple(from_runtime))
        for item in new:
            root = item.module.split(".")[0]
            if root in handled:
                continue
            handled.add(root)
            found = _bundle(installed, item, root, warnings)
            queue = [found] if found is not None else []
            while queue:
                dist, package = queue.pop(0)
                if canonicalize_name(package.name) in bundled:
                    continue
                bundled[canonicalize_name(package.name)] = package
                handled.update(_top_levels(dist))
                everything.update(_parsed(package.files))
                queue.extend(_required(installed, dist, package, warnings))


def _packaged(dist: Distribution, name: str) -> BundledPackage | None:
    """`dist` ready to bundle; None when it is compiled."""
    files, compiled = _package_files(dist, _top_levels(dist))
    return None if compiled else BundledPackage(dist.metadata["Name"] or name, dist.version,
                                                tuple(files))


def _required(installed: _Installed, dist: Distribution, package: BundledPackage,
              warnings: list[str]) -> list[tuple[Distribution, BundledPackage]]:
    """The distributions `dist` (bundled as `package`) requires in the browser (its
    Requires-Dist without extras, markers evaluated for the browser) ready to bundle; those
    the runtime provides left out, the compiled and missing ones with a warning."""
    found = []
    by = f"{package.name} {package.version}"
    for line in dist.requires or ():
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            continue
        if requirement.marker is not None and not requirement.marker.evaluate(BROWSER_MARKERS):
            continue
        if canonicalize_name(requirement.name) in RUNTIME_DISTRIBUTIONS:
            continue
        required = installed.named(requirement.name)
        if required is None:
            warnings.append(
                f"{by} requires {requirement.name}, which is not in this Python environment: "
                f"install it where you run pack (pip install {requirement.name}) and pack "
                "bundles it")
            continue
        if any(in_runtime(top) for top in _top_levels(required)):  # a backport: enum34...
            continue
        required_package = _packaged(required, requirement.name)
        if required_package is None:
            warnings.append(f"{by} requires {requirement.name} {required.version}, a compiled "
                            "package, which cannot load in the browser runtime: not bundled")
            continue
        found.append((required, required_package))
    return found


def _bundle(installed: _Installed, item: ExternalImport, root: str,
            warnings: list[str]) -> tuple[Distribution, BundledPackage] | None:
    """The distribution providing `root`, ready to bundle; None (with a warning) when there
    is nothing to bundle. A compiled one imported unconditionally is an error."""
    dist = installed.providing(root)
    if dist is None and root in PYGBAG_ONLY:
        if not item.optional:
            warnings.append(
                f"{_where(item)}: {root} is pygbag's own module, which this runtime does not "
                "have, so the game will stop at this import: see docs/pygbag-compat.md for "
                "what to use instead")
        return None
    if dist is None:
        if not item.optional:
            warnings.append(
                f"{_where(item)}: {root} is not in the game folder, the browser runtime or "
                f"this Python environment, so the game will stop at this import: install it "
                f"where you run pack (pip install {DISTRIBUTION_OF.get(root, root)}) and pack "
                "bundles it")
        return None
    package = _packaged(dist, root)
    if package is None:
        name = dist.metadata["Name"] or root
        message = (f"{_where(item)}: {root} (from {name} {dist.version}) is a compiled "
                   "package, which cannot load in the browser runtime")
        if not item.optional:
            raise ScanError(f"{message}: remove the import or make it optional")
        warnings.append(f"{message}; the game's `except ImportError` path will run")
        return None
    return dist, package
