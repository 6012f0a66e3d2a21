"""The recipe format of `sdl_port/recipes/*.py`.

A recipe module defines `RECIPE = Recipe(...)` (declarative data: name, version, pinned
sources, dependencies) and `build(ctx: BuildContext) -> None` (the one build step).
"""

import hashlib
import importlib.util
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from pygbag_like.errors import RuntimeBuildError
from pygbag_like.resources import resource_dir
from pygbag_like.runtime.process import run_logged

# Part of every component's cache key: bump it when a BuildContext helper (cmake flags, the
# environment) changes what components are built with, so that they are rebuilt.
BUILD_API_VERSION = "3"
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Source:
    """A pinned source archive.

    `debian_package` names the Debian source package whose `.orig` tarball this is (fetched with
    `apt-get source`, or from the Debian archive's pool when `debian_release` names a release
    other than the host's); `pypi_project` names a PyPI project whose sdist this is.
    `upstream_url` records where the same release is published upstream.
    """

    filename: str
    sha256: str
    upstream_url: str
    debian_package: str | None = None
    pypi_project: str | None = None
    debian_release: str | None = None

    def __post_init__(self) -> None:
        if not self.filename or "/" in self.filename:
            raise ValueError(f"source file name {self.filename!r} must be a plain file name")
        if not _SHA256.fullmatch(self.sha256):
            raise ValueError(f"{self.filename}: sha256 must be 64 lowercase hex digits")
        if (self.debian_package is None) == (self.pypi_project is None):
            raise ValueError(f"{self.filename}: give exactly one of debian_package, pypi_project")
        if self.debian_release and not self.debian_package:
            raise ValueError(f"{self.filename}: debian_release needs debian_package")


@dataclass(frozen=True)
class Recipe:
    """Declarative description of one C component."""

    name: str
    version: str
    source: Source | None = None  # extracted into ctx.src; None for link/bundle steps
    depends: tuple[str, ...] = ()
    # Files under sdl_port/ (besides the recipe) whose content is part of the cache key.
    inputs: tuple[str, ...] = ()
    # Patch files under sdl_port/, applied with `patch -p1` to the source before building.
    patches: tuple[str, ...] = ()
    # Modules of this package the build step runs (their code is part of the key too).
    code: tuple[str, ...] = ()
    # Rough build cost (about minutes on 2 cores); long chains are started first.
    cost: int = 1

    def __post_init__(self) -> None:
        if self.name in self.depends:
            raise ValueError(f"recipe {self.name} depends on itself")


@dataclass(frozen=True)
class LoadedRecipe:
    """A recipe with its build function and the bytes that define it."""

    recipe: Recipe
    build: Callable[["BuildContext"], None]
    definition_hash: str


@dataclass
class BuildContext:
    """What a recipe's build step gets: folders, dependencies and a logged command runner."""

    name: str
    src: Path  # the extracted source archive (its top-level folder), else build_dir
    build_dir: Path  # scratch folder, removed after the build
    prefix: Path  # install here; becomes the component's cached folder
    deps: Mapping[str, Path]  # dependency name -> its installed prefix
    versions: Mapping[str, str]  # this recipe and its dependencies: name -> version
    env: dict[str, str]
    log_path: Path
    jobs: int
    sdl_port: Path
    # Build folders -> the fixed names that stand for them in outputs (runtime/reproducible.py)
    path_map: Mapping[str, str] = field(default_factory=dict)

    def run(self, cmd: Sequence[str | os.PathLike], cwd: Path | None = None,
            env: Mapping[str, str] | None = None, capture: bool = False) -> str:
        """Run a command in `cwd` (default: the sources), logged; raise on failure.

        Returns its stdout when `capture` (otherwise stdout goes to the log too)."""
        return run_logged(cmd, log_path=self.log_path, step=self.name, cwd=cwd or self.src,
                          env={**self.env, **(env or {})}, capture=capture)

    def dep(self, name: str) -> Path:
        """Installed prefix of a dependency."""
        return self.deps[name]

    @property
    def python_dirname(self) -> str:
        """`python3.11` for the python recipe: the name of its include and stdlib folders."""
        major, minor = self.versions["python"].split(".")[:2]
        return f"python{major}.{minor}"

    def cmake(self, source_dir: Path, options: Mapping[str, str]) -> None:
        """Configure, build and install a CMake project with emcmake into `prefix`."""
        build = self.build_dir / "cmake"
        prefixes = ";".join(str(p) for p in self.deps.values())
        args = [
            "emcmake", "cmake", "-S", source_dir, "-B", build, "-G", "Unix Makefiles",
            "-DCMAKE_BUILD_TYPE=Release", f"-DCMAKE_INSTALL_PREFIX={self.prefix}",
            f"-DCMAKE_PREFIX_PATH={prefixes}", f"-DCMAKE_FIND_ROOT_PATH={prefixes}",
            "-DBUILD_SHARED_LIBS=OFF",
        ]
        args += [f"-D{key}={value}" for key, value in options.items()]
        self.run(args, cwd=self.build_dir)
        self.run(["cmake", "--build", build, "-j", str(self.jobs)], cwd=self.build_dir)
        self.run(["cmake", "--install", build], cwd=self.build_dir)


def recipes_dir() -> Path:
    """The folder holding one recipe module per component."""
    return resource_dir("sdl_port") / "recipes"


def _load_module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_pack_recipe_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise RuntimeBuildError(f"cannot load recipe {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_recipes(folder: Path | None = None) -> dict[str, LoadedRecipe]:
    """Load every recipe module in `folder` (default: sdl_port/recipes), keyed by name."""
    folder = folder or recipes_dir()
    sdl_port = folder.parent
    loaded: dict[str, LoadedRecipe] = {}
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        module = _load_module(path)
        recipe: Recipe = module.RECIPE
        digest = hashlib.sha256(path.read_bytes())
        for rel in (*recipe.inputs, *recipe.patches):
            for input_path in sorted(_expand_input(sdl_port / rel)):
                digest.update(input_path.relative_to(sdl_port).as_posix().encode())
                digest.update(input_path.read_bytes())
        for code_module in recipe.code:
            spec = importlib.util.find_spec(code_module)
            if spec is None or spec.origin is None:
                raise RuntimeBuildError(f"recipe {recipe.name}: no module {code_module}")
            digest.update(code_module.encode() + Path(spec.origin).read_bytes())
        loaded[recipe.name] = LoadedRecipe(recipe, module.build, digest.hexdigest())
    for item in loaded.values():
        for dep in item.recipe.depends:
            if dep not in loaded:
                raise RuntimeBuildError(f"recipe {item.recipe.name} depends on unknown {dep!r}")
    return loaded


def _expand_input(path: Path) -> list[Path]:
    if path.is_dir():
        return [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return [path]
