"""The runtime folder: the linked wasm variants plus the data bundle.

The bundle (`runtime.data`) holds the pyc-only stdlib zip, pygame's Python package and our
modules (plboot.py and the browser fixes it applies), mounted at / in the browser. Kept apart from
the link so that changing plboot.py takes seconds.
"""

import shutil

from pygbag_like.datafile import write_data_file
from pygbag_like.runtime.layout import RUNTIME_DATA, VARIANTS
from pygbag_like.runtime.recipe import BuildContext, Recipe

RECIPE = Recipe(
    name="runtime",
    version="1",
    depends=("wasm", "python", "pygame_ce"),
    inputs=("launcher/plboot.py", "launcher/plpygame.py", "launcher/plasyncio.py",
            "launcher/pljs.py", "launcher/js.py", "launcher/plnet.py"),
)


def build(ctx: BuildContext) -> None:
    for variant in VARIANTS:
        for name in variant.files:
            shutil.copy2(ctx.dep("wasm") / name, ctx.prefix / name)
    stage = ctx.build_dir / "bundle"
    lib_dir = stage / "usr" / "local" / "lib" / ctx.python_dirname
    shutil.copytree(ctx.dep("python") / "assets", stage)
    shutil.copytree(ctx.dep("pygame_ce") / "python" / "pygame", lib_dir / "pygame")
    for module in RECIPE.inputs:
        shutil.copy2(ctx.sdl_port / module, lib_dir)
    files = sorted(p for p in stage.rglob("*") if p.is_file())
    write_data_file([(p.relative_to(stage).as_posix(), p) for p in files],
                    ctx.prefix / RUNTIME_DATA)
