"""The final link: launcher + CPython + pygame-ce + SDL2 family into one .js/.wasm per variant.

All variants (runtime/layout.py) come from the same objects: the plain one (fastest; asyncio
games are stepped by the page once per frame) and the asyncify one (whole-program asyncify,
so blocking `while True:` loops can give the frame back to the browser), each also with
numpy's C modules linked in and registered as builtin modules (only games importing numpy
get those: docs/numpy.md).
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
             "libwebp", "zlib", "bzip2", "numpy"),
    inputs=("launcher/launcher.c",),
)

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
    "-sDEFAULT_LIBRARY_FUNCS_TO_INCLUDE=['$autoResumeAudioContext','$dynCall','$stringToNewUTF8']",
    "-sUSE_SDL=0", "-lGL", "-sMAX_WEBGL_VERSION=2",
    # NAME.js.symbols (kept in the wasm component, not shipped): wasm function index ->
    # name, to read a trap's stack (`wasm-function[10942]`) without a debug build.
    "--emit-symbol-map",
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
    found += [ctx.dep("zlib") / "lib" / "libz.a", ctx.dep("bzip2") / "lib" / "libbz2.a"]
    return found


def extra_inittab(modules: dict[str, str]) -> str:
    """C source of `pl_extra_inittab()`, which launcher.c calls before Python starts: it
    registers `modules` (dotted name -> init function) as builtin modules.

    Each init function runs with `_Py_PackageContext` set to the module's dotted name, as
    CPython's loader of shared extensions does: a module made by PyModule_Create then gets
    its full name (`numpy.core._multiarray_umath`, not `_multiarray_umath`), and so do its
    functions' `__module__`, which pickle imports them by."""
    lines = ["#include <Python.h>", ""]
    for index, (name, init) in enumerate(sorted(modules.items())):
        lines += [f"PyMODINIT_FUNC {init}(void);", "",
                  f"static PyObject *pl_init_{index}(void)", "{",
                  "    const char *saved = _Py_PackageContext;",
                  f'    _Py_PackageContext = "{name}";',
                  f"    PyObject *module = {init}();",
                  "    _Py_PackageContext = saved;",
                  "    return module;", "}", ""]
    lines += ["int", "pl_extra_inittab(void)", "{"]
    lines += [f'    if (PyImport_AppendInittab("{name}", pl_init_{index}) < 0) {{ return -1; }}'
              for index, (name, _) in enumerate(sorted(modules.items()))]
    lines += ["    return 0;", "}", ""]
    return "\n".join(lines)


def _compile(ctx: BuildContext, source: Path, includes: list[str]) -> Path:
    obj = ctx.build_dir / f"{source.stem}.o"
    ctx.run(["emcc", "-O2", *includes, "-c", source, "-o", obj])
    return obj


def build(ctx: BuildContext) -> None:
    includes = [f"-I{ctx.dep('python')}/include/{ctx.python_dirname}",
                *(f"-I{ctx.dep(n)}/include/SDL2" for n in ("sdl2", "sdl2_ttf"))]
    launcher = _compile(ctx, ctx.sdl_port / "launcher" / "launcher.c", includes)
    numpy = json.loads((ctx.dep("numpy") / "numpy.json").read_text())
    numpy_archives = [ctx.dep("numpy") / "lib" / name for name in numpy["archives"]]
    tables = {False: ctx.build_dir / "inittab_none.c", True: ctx.build_dir / "inittab_numpy.c"}
    tables[False].write_text(extra_inittab({}))
    tables[True].write_text(extra_inittab(numpy["modules"]))
    inittab = {with_numpy: _compile(ctx, path, includes) for with_numpy, path in tables.items()}
    for variant in VARIANTS:
        flags = [*COMMON_LINK_FLAGS, *(ASYNCIFY_FLAGS if variant.asyncify else [])]
        inputs = [launcher, inittab[variant.numpy],
                  *(numpy_archives if variant.numpy else []), *_archives(ctx)]
        ctx.run(["emcc", *flags, *inputs, "-o", ctx.prefix / variant.js])
