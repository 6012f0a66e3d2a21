"""The files that make up a built runtime, as the packager and the recipes see them.

This module is the one place that spells the runtime's file names: the link variants
(`python`, `python-asyncify`, and the same two with numpy linked in), the data bundle, and
where the current runtime is recorded.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pygbag_like import __version__
from pygbag_like.errors import RuntimeMissingError
from pygbag_like.resources import resource_dir
from pygbag_like.runtime import paths
from pygbag_like.runtime.installed import installed_wheel

# The compiled modules (standard library, pygame, launcher): all of them in one store that
# pages fetch single modules from, the same files one by one (for packing), and the index.
MODULE_STORE = "modules.data"
MODULE_STORE_JSON = "modules.data.json"
MODULE_FILES = "lib"
MODULE_INDEX = "modules.json"
MANIFEST = "manifest.json"
# A gzip copy of a file for hosts that do not compress: the page decodes it itself.
GZIP_SUFFIX = ".gz"


@dataclass(frozen=True)
class Variant:
    """One link of the runtime: the same objects, with or without binaryen's asyncify pass,
    with or without numpy's C modules (and sqlite3's and lzma's)."""

    name: str
    asyncify: bool
    numpy: bool = False

    @property
    def missing_packages(self) -> tuple[str, ...]:
        """Packages of the module store whose C modules this link lacks: a page using it
        neither ships nor lists them, so importing one fails at once (docs/numpy.md)."""
        return () if self.numpy else NUMPY_VARIANT_PACKAGES

    @property
    def js(self) -> str:
        """The emscripten loader script (MODULARIZE: `createPythonModule`)."""
        return f"{self.name}.js"

    @property
    def wasm(self) -> str:
        """The WebAssembly binary."""
        return f"{self.name}.wasm"

    @property
    def files(self) -> tuple[str, str]:
        """The variant's own two files."""
        return (self.js, self.wasm)

    @property
    def page_files(self) -> tuple[str, ...]:
        """What a page using this variant needs from the runtime folder."""
        return (*self.files, *(name + GZIP_SUFFIX for name in self.files), MODULE_STORE,
                MODULE_STORE_JSON)


# Top-level packages that only the numpy variants can import: numpy, and sqlite3 and lzma,
# whose C libraries (SQLite, liblzma) would cost every game 0.43 MB of gzip.
NUMPY_VARIANT_PACKAGES = ("numpy", "sqlite3", "lzma")
PLAIN = Variant("python", asyncify=False)  # asyncio games, stepped by the page each frame
ASYNCIFY = Variant("python-asyncify", asyncify=True)  # blocking loops give frames back
PLAIN_NUMPY = Variant("python-numpy", asyncify=False, numpy=True)
ASYNCIFY_NUMPY = Variant("python-asyncify-numpy", asyncify=True, numpy=True)
VARIANTS = (PLAIN, ASYNCIFY, PLAIN_NUMPY, ASYNCIFY_NUMPY)

RUNTIME_FILES = (*(name for v in VARIANTS for name in v.page_files), MODULE_INDEX)


def variant_for(needs_asyncify: bool, needs_numpy: bool = False) -> Variant:
    """The link a game needs: asyncify for blocking loops, else the plain one; numpy's C
    modules (and sqlite3's and lzma's) only for a game that imports them."""
    if needs_numpy:
        return ASYNCIFY_NUMPY if needs_asyncify else PLAIN_NUMPY
    return ASYNCIFY if needs_asyncify else PLAIN


@dataclass(frozen=True)
class RuntimeFiles:
    """A built runtime folder: the browser files plus a manifest of what is in it."""

    root: Path
    origin: str = "built locally"  # or "installed wheel NAME VERSION" (runtime/installed.py)

    @property
    def files(self) -> tuple[Path, ...]:
        """The files a page needs, in the order they are listed in RUNTIME_FILES."""
        return tuple(self.root / name for name in RUNTIME_FILES)

    @property
    def module_files(self) -> Path:
        """The compiled modules, one file each, below the folder they have in the browser."""
        return self.root / MODULE_FILES

    @property
    def manifest(self) -> dict:
        """Component versions, build flags and the runtime key."""
        return json.loads((self.root / MANIFEST).read_text())


def record_current(folder: Path) -> None:
    """Make `folder` the runtime that `find_runtime` returns (atomically)."""
    pointer = paths.current_runtime_pointer()
    tmp = pointer.with_suffix(".tmp")
    tmp.write_text(json.dumps({"path": str(folder)}) + "\n")
    tmp.replace(pointer)


def launcher_hash() -> str:
    """A hash of this installation's launcher (sdl_port/launcher): the runtime half of the
    page <-> runtime contract. A runtime built from another launcher does not fit the pages
    this version writes."""
    digest = hashlib.sha256()
    launcher = resource_dir("sdl_port") / "launcher"
    for path in sorted(launcher.glob("*")):
        if path.suffix in (".py", ".c"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _built_with_this_launcher(runtime: RuntimeFiles) -> bool:
    try:
        return runtime.manifest.get("launcher") == launcher_hash()
    except (OSError, ValueError, AttributeError):
        return False


def _local_runtime() -> RuntimeFiles:
    """The runtime most recently built in the cache; RuntimeMissingError when there is none,
    or when it was built from another version's launcher."""
    try:
        folder = Path(json.loads(paths.current_runtime_pointer().read_text())["path"])
    except (OSError, ValueError, KeyError, TypeError):
        folder = None
    if folder is None or not all((folder / f).exists() for f in RUNTIME_FILES):
        raise RuntimeMissingError(
            "the WebAssembly runtime is not built yet: run `pack runtime build` first, or "
            "install the runtime wheel (pip install pygbag_like_runtime-*.whl)"
        )
    runtime = RuntimeFiles(folder)
    if not _built_with_this_launcher(runtime):
        raise RuntimeMissingError(
            f"the runtime in {folder} was built by another version of pygbag_like: run "
            "`pack runtime build` to build the one this version needs"
        )
    return runtime


def _wheel_runtime() -> RuntimeFiles | None:
    """The installed runtime wheel's runtime, None when there is none; RuntimeMissingError
    when it is incomplete or was built for another version of pygbag_like."""
    wheel = installed_wheel()
    if wheel is None:
        return None
    if not all((wheel.root / f).exists() for f in (*RUNTIME_FILES, MANIFEST)):
        raise RuntimeMissingError(
            f"the {wheel.origin} lacks runtime files in {wheel.root}: reinstall it "
            "(pip install --force-reinstall FILE.whl)"
        )
    runtime = RuntimeFiles(wheel.root, wheel.origin)
    if not _built_with_this_launcher(runtime):
        raise RuntimeMissingError(
            f"the {wheel.origin} was built for another version of pygbag_like than this "
            f"{__version__}: install the wheel that `pack runtime wheel` makes with this "
            f"version, or uninstall it (pip uninstall {wheel.name}) and run `pack runtime build`"
        )
    return runtime


def find_runtime() -> RuntimeFiles:
    """The runtime `pack` uses: the one built in the cache when it fits this version, else
    the installed runtime wheel's; RuntimeMissingError (saying what to do) otherwise."""
    try:
        return _local_runtime()
    except RuntimeMissingError as local_problem:
        wheel = _wheel_runtime()
        if wheel is None:
            raise local_problem from None
        return wheel
