"""The final link: launcher + CPython + pygame-ce + SDL2 family into one .js/.wasm per variant.

Both variants (runtime/layout.py) come from the same objects: the plain one (fastest; asyncio
games are stepped by the page once per frame) and the asyncify one (whole-program asyncify,
so blocking `while True:` loops can give the frame back to the browser).
"""

import json
from pathlib import Path

from pygbag_like.runtime.layout import VARIANTS
from pygbag_like.runtime.recipe import BuildContext, Recipe

RECIPE = Recipe(
    name="wasm",
    version="1",
    cost=2,
    depends=("python", "pygame_ce", "sdl2", "sdl2_image", "sdl2_mixer", "sdl2_ttf", "freetype",
             "libwebp", "zlib", "bzip2", "libffi"),
    inputs=("launcher/launcher.c", "launcher/dlfcn.c"),
)

LAUNCHER_SOURCES = ("launcher.c", "dlfcn.c")

EXPORTED_FUNCTIONS = ["_pl_init", "_pl_call", "_malloc", "_free"]
RUNTIME_METHODS = ["FS", "ccall", "cwrap", "UTF8ToString"]
COMMON_LINK_FLAGS = [
    "-O2",
    "-sALLOW_MEMORY_GROWTH=1", "-sINITIAL_MEMORY=33554432", "-sMAXIMUM_MEMORY=2147483648",
    "-sWASM_BIGINT", "-sFORCE_FILESYSTEM=1", "-sENVIRONMENT=web",
    "-sMODULARIZE=1", "-sEXPORT_NAME=createPythonModule", "-sINVOKE_RUN=0", "-sEXIT_RUNTIME=0",
    f"-sEXPORTED_FUNCTIONS={json.dumps(EXPORTED_FUNCTIONS)}",
    f"-sEXPORTED_RUNTIME_METHODS={json.dumps(RUNTIME_METHODS)}",
    # SDL2's audio code calls these JS helpers; without them mixer.init() throws.
    # stringToNewUTF8: the launcher's JavaScript bridge returns its replies with it.
    # libffi's JavaScript (ctypes' calls and callbacks) uses the table helpers.
    "-sDEFAULT_LIBRARY_FUNCS_TO_INCLUDE=['$autoResumeAudioContext','$dynCall','$stringToNewUTF8',"
    "'$getWasmTableEntry','$setWasmTableEntry']",
    # ctypes callbacks (CFUNCTYPE; `import ctypes` makes one) are new entries in the table.
    "-sALLOW_TABLE_GROWTH=1",
    # No dynamic linker: launcher/dlfcn.c answers dlopen()/dlsym() instead of aborting.
    "-Wl,--wrap=dlopen,--wrap=dlsym",
    "-sUSE_SDL=0", "-lGL", "-sMAX_WEBGL_VERSION=2",
]
ASYNCIFY_FLAGS = ["-sASYNCIFY=1", "-sASYNCIFY_STACK_SIZE=131072",
                  "-sASYNCIFY_IMPORTS=['pl_js_wait_frame']"]
# Archives in link order: users before the libraries they use.
ARCHIVES = [
    ("pygame_ce", "libpygame.a"),
    ("sdl2_image", "libSDL2_image.a"), ("sdl2_mixer", "libSDL2_mixer.a"),
    ("sdl2_ttf", "libSDL2_ttf.a"), ("freetype", "libfreetype.a"),
    ("libwebp", "libwebp.a"), ("sdl2", "libSDL2.a"),
]


def _archives(ctx: BuildContext) -> list[Path]:
    found = [ctx.dep(dep) / "lib" / name for dep, name in ARCHIVES]
    python = ctx.dep("python")
    link = json.loads((python / "link.json").read_text())
    found += [python / "lib" / name for name in link["archives"]]
    found += [ctx.dep("zlib") / "lib" / "libz.a", ctx.dep("bzip2") / "lib" / "libbz2.a",
              ctx.dep("libffi") / "lib" / "libffi.a"]
    return found


def build(ctx: BuildContext) -> None:
    includes = [f"-I{ctx.dep('python')}/include/{ctx.python_dirname}",
                *(f"-I{ctx.dep(n)}/include/SDL2" for n in ("sdl2", "sdl2_ttf"))]
    objects = []
    for source in LAUNCHER_SOURCES:
        objects.append(ctx.build_dir / Path(source).with_suffix(".o").name)
        ctx.run(["emcc", "-O2", *includes, "-c", ctx.sdl_port / "launcher" / source,
                 "-o", objects[-1]])
    link_inputs = [*objects, *_archives(ctx)]
    for variant in VARIANTS:
        flags = [*COMMON_LINK_FLAGS, *(ASYNCIFY_FLAGS if variant.asyncify else [])]
        ctx.run(["emcc", *flags, *link_inputs, "-o", ctx.prefix / variant.js])
