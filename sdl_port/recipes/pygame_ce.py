"""pygame-ce 2.5, statically linked: one archive holding every pygame C module.

With BUILD_STATIC, src_c/base.c is a unity build that includes the other modules and loads
them into sys.modules when `pygame.base` is imported; the four Cython modules of
pygame._sdl2 are turned into C with the host's Cython. The Python part (src_py) is
installed as the `pygame` package for the runtime's data file.
"""

import shutil
import sys

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source

RECIPE = Recipe(
    name="pygame_ce",
    version="2.5.6",
    source=Source(
        filename="pygame_ce-2.5.6.tar.gz",
        sha256="d3d019309d1e76fd19978b01753e8576bd76c66411ac7a4885785f95e68dc261",
        pypi_project="pygame-ce",
        upstream_url="https://github.com/pygame-community/pygame-ce/releases/tag/2.5.6",
    ),
    depends=("python", "sdl2", "sdl2_image", "sdl2_mixer", "sdl2_ttf", "freetype"),
    # Statically loaded submodules were never registered for PyState_FindModule, so
    # pygame.freetype.Font() said FreeType was not initialised. C functions declared with
    # another signature than the one they are called with trap on wasm (bytes(Color),
    # mouse.get_relative_mode, freeing a Window). A Renderer freed after its Window ran GL
    # calls without a context, which throw in the browser. In the static build pixelcopy.c
    # used surface.c's _view_kind, whose numbers for "R", "G", "B", "A" mean other planes in
    # pixelcopy's enum: surfarray.array_alpha() aborted on an assert, array_red() copied the
    # colour key plane. pygame._sdl2.controller and touch were compiled in but never
    # registered; pygame.scrap was left out of the static build (it is in now, over SDL's
    # clipboard). Alpha blits of 4-byte surfaces took 36 times the desktop's time (its SIMD
    # blitters are left out of WebAssembly builds; the generic loop called SDL_GetRGBA
    # twice a pixel): they read the bytes in line now, with the same blending macros.
    # WebAssembly builds refused file objects other than named files ("can't access resource
    # on platform"): every pygame_gui game died on its default font, read from io.BytesIO.
    patches=("pygame-ce-static-module-state.patch", "pygame-ce-function-signatures.patch",
             "pygame-ce-render-owns-window.patch", "pygame-ce-static-pixelcopy-view-kind.patch",
             "pygame-ce-load-controller-touch.patch", "pygame-ce-load-scrap.patch",
             "pygame-ce-wasm-alphablit-8888.patch", "pygame-ce-wasm-file-objects.patch"),
)

C_FILES = ("base.c", "bitmask.c", "rotozoom.c", "SDL_gfx/SDL_gfxPrimitives.c")
CYTHON_MODULES = ("audio", "mixer", "sdl2", "video")


def build(ctx: BuildContext) -> None:
    src_c = ctx.src / "src_c"
    # meson normally computes the version macros with this script.
    macros = ctx.run([sys.executable, "buildconfig/get_version.py", "--macros"],
                     capture=True).split()
    includes = [
        f"-I{ctx.dep('python')}/include/{ctx.python_dirname}",
        f"-I{ctx.dep('freetype')}/include/freetype2",
        *(f"-I{ctx.dep(name)}/include/SDL2"
          for name in ("sdl2", "sdl2_image", "sdl2_mixer", "sdl2_ttf")),
        f"-I{src_c}",
    ]
    cflags = ["-O2", "-DBUILD_STATIC=1", *macros, *includes, "-Wno-unused-command-line-argument"]
    sources = [src_c / name for name in C_FILES]
    cython_dir = src_c / "cython"
    for module in CYTHON_MODULES:
        pyx = cython_dir / "pygame" / "_sdl2" / f"{module}.pyx"
        c_file = ctx.build_dir / f"_sdl2_{module}.c"
        ctx.run([sys.executable, "-m", "cython", "-3", "-I", cython_dir,
                 "--module-name", f"pygame._sdl2.{module}", "-o", c_file, pyx])
        sources.append(c_file)
    objects = []
    for index, source in enumerate(sources):
        obj = ctx.build_dir / f"{index:02d}_{source.stem}.o"
        ctx.run(["emcc", *cflags, "-c", source, "-o", obj])
        objects.append(obj)
    (ctx.prefix / "lib").mkdir(parents=True)
    ctx.run(["emar", "rcs", ctx.prefix / "lib" / "libpygame.a", *objects])
    package = ctx.prefix / "python" / "pygame"
    shutil.copytree(ctx.src / "src_py", package,
                    ignore=shutil.ignore_patterns("meson.build", "__pyinstaller", "__briefcase",
                                                  "*.icns", "__pycache__"))
