"""The runtime folder: the linked wasm variants plus `runtime.data`.

`runtime.data` holds the pyc-only stdlib zip, pygame's Python package and our modules
(plboot.py, plpygame.py, plasyncio.py), mounted
at / in the browser. Kept apart from the link so that changing plboot.py takes seconds.
"""

import shutil

from pygbag_like.datafile import write_data_file
from pygbag_like.runtime.recipe import BuildContext, Recipe

RECIPE = Recipe(
    name="runtime",
    version="1",
    depends=("wasm", "python", "pygame_ce"),
    inputs=("launcher/plboot.py", "launcher/plpygame.py", "launcher/plasyncio.py"),
)

LIB_DIR = "usr/local/lib/python3.11"
WASM_FILES = ("python.js", "python.wasm", "python-asyncify.js", "python-asyncify.wasm")


def build(ctx: BuildContext) -> None:
    for name in WASM_FILES:
        shutil.copy2(ctx.dep("wasm") / name, ctx.prefix / name)
    stage = ctx.build_dir / "bundle"
    shutil.copytree(ctx.dep("python") / "assets", stage)
    shutil.copytree(ctx.dep("pygame_ce") / "python" / "pygame", stage / LIB_DIR / "pygame")
    for module in ("plboot.py", "plpygame.py", "plasyncio.py"):
        shutil.copy2(ctx.sdl_port / "launcher" / module, stage / LIB_DIR / module)
    files = sorted(p for p in stage.rglob("*") if p.is_file())
    write_data_file([(p.relative_to(stage).as_posix(), p) for p in files],
                    ctx.prefix / "runtime.data")
