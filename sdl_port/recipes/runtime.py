"""The runtime folder: the linked wasm variants and the compiled Python modules.

Every module of the standard library, of pygame, of numpy and of the launcher (plboot.py and
the browser fixes it applies) is compiled to a .pyc, kept one file each (packs copy the ones
a game needs) and all together in one store (pages fetch the others from it when imported),
with an index of what each imports (pygbag_like/modulestore.py). Kept apart from the link so
that changing plboot.py takes seconds.
"""

import json
import shutil
import sys

from pygbag_like.datafile import write_data_file, write_gzip_copy
from pygbag_like.modulestore import LIB_ROOT, UNSHIPPED_DATA, index_sources
from pygbag_like.runtime.layout import (
    MODULE_FILES,
    MODULE_INDEX,
    MODULE_STORE,
    VARIANTS,
)
from pygbag_like.runtime.recipe import BuildContext, Recipe

RECIPE = Recipe(
    name="runtime",
    version="2",
    depends=("wasm", "python", "pygame_ce", "numpy"),
    inputs=("compile_pyc.py", "launcher/plboot.py", "launcher/plpygame.py",
            "launcher/plasyncio.py", "launcher/pljs.py", "launcher/js.py", "launcher/plnet.py"),
    code=("pygbag_like.modulestore", "pygbag_like.imports", "pygbag_like.datafile"),
)
LAUNCHER_MODULES = tuple(name.removeprefix("launcher/") for name in RECIPE.inputs
                         if name.startswith("launcher/"))
PROVIDED_BY_LAUNCHER = ("_pl", "pygame.base")  # registered in launcher.c


def build(ctx: BuildContext) -> None:
    for variant in VARIANTS:
        for name in variant.files:
            shutil.copy2(ctx.dep("wasm") / name, ctx.prefix / name)
            write_gzip_copy(ctx.prefix / name)
    sources = ctx.build_dir / "sources"
    shutil.copytree(ctx.dep("python") / "stdlib", sources)
    shutil.copytree(ctx.dep("pygame_ce") / "python" / "pygame", sources / "pygame")
    shutil.copytree(ctx.dep("numpy") / "python" / "numpy", sources / "numpy")
    for module in LAUNCHER_MODULES:
        shutil.copy2(ctx.sdl_port / "launcher" / module, sources / module)
    compiled = ctx.prefix / MODULE_FILES
    ctx.run([shutil.which(ctx.python_dirname, path=ctx.env.get("PATH")) or sys.executable,
             "-S", ctx.sdl_port / "compile_pyc.py", sources, compiled, LIB_ROOT])
    data = _data_files(sources, compiled)
    native = json.loads((ctx.dep("python") / "modules.json").read_text())
    # numpy's C modules, and sqlite3's and lzma's, are builtin in the numpy variants only;
    # the other variants leave those packages out of what a page ships and lists
    # (Variant.missing_packages).
    numpy = json.loads((ctx.dep("numpy") / "numpy.json").read_text())["modules"]
    extras = json.loads((ctx.dep("python") / "link.json").read_text())["extra_modules"]
    index = index_sources(
        {p.relative_to(sources).as_posix(): p.read_bytes() for p in sources.rglob("*.py")},
        provided=[*native["builtin"], *native["frozen"], *PROVIDED_BY_LAUNCHER, *numpy,
                  *extras],
        data=data)
    index.save(ctx.prefix / MODULE_INDEX)
    files = sorted(p for p in compiled.rglob("*") if p.is_file())
    write_data_file([(p.relative_to(compiled).as_posix(), p) for p in files],
                    ctx.prefix / MODULE_STORE)


def _data_files(sources, compiled) -> dict[str, tuple[str, ...]]:
    """Non-Python files of packages (pygame's default font...), copied next to the .pyc
    files; package name -> their paths below the modules' root."""
    data: dict[str, list[str]] = {}
    for path in sorted(sources.rglob("*")):
        if not path.is_file() or path.suffix in (".py", ".pyc") or path.name.endswith(
                UNSHIPPED_DATA) or "__pycache__" in path.parts:
            continue
        rel = path.relative_to(sources)
        package = ".".join(rel.parent.parts)
        if not package:
            continue
        (compiled / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, compiled / rel)
        data.setdefault(package, []).append(rel.as_posix())
    return {package: tuple(files) for package, files in data.items()}
