"""bzip2: CPython's bz2 module."""

import shutil

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source

RECIPE = Recipe(
    name="bzip2",
    version="1.0.8",
    source=Source(
        filename="bzip2_1.0.8.orig.tar.gz",
        sha256="ab5a03176ee106d3f0fa90e381da478ddae405918153cca248e682cd0c4a2269",
        debian_package="bzip2",
        upstream_url="https://sourceware.org/pub/bzip2/bzip2-1.0.8.tar.gz",
    ),
)


def build(ctx: BuildContext) -> None:
    ctx.run(["emmake", "make", f"-j{ctx.jobs}", "CC=emcc", "AR=emar", "RANLIB=emranlib",
             "CFLAGS=-O2 -D_FILE_OFFSET_BITS=64", "libbz2.a"])
    (ctx.prefix / "lib").mkdir(parents=True)
    (ctx.prefix / "include").mkdir(parents=True)
    shutil.copy2(ctx.src / "libbz2.a", ctx.prefix / "lib")
    shutil.copy2(ctx.src / "bzlib.h", ctx.prefix / "include")
