"""zlib: deflate for CPython's zlib module (and through it zipimport of the stdlib)."""

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source

RECIPE = Recipe(
    name="zlib",
    version="1.2.13",
    source=Source(
        filename="zlib_1.2.13.dfsg.orig.tar.bz2",
        sha256="71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1",
        debian_package="zlib",
        upstream_url="https://zlib.net/fossils/zlib-1.2.13.tar.gz",
    ),
)


def build(ctx: BuildContext) -> None:
    ctx.run(["emconfigure", "./configure", "--static", f"--prefix={ctx.prefix}"],
            env={"CFLAGS": "-O2"})
    ctx.run(["emmake", "make", f"-j{ctx.jobs}", "libz.a"])
    ctx.run(["emmake", "make", "install"])
