"""liblzma (xz-utils): CPython's lzma module (.xz and .lzma files, tarfile's xz mode)."""

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source

RECIPE = Recipe(
    name="xz",
    version="5.4.1",
    source=Source(
        filename="xz-utils_5.4.1.orig.tar.xz",
        sha256="5d9827aa1875b21c288f78864bb26d2650b436ea8d2cad364e4921eb6266a5a5",
        debian_package="xz-utils",
        upstream_url="https://tukaani.org/xz/xz-5.4.1.tar.xz",
    ),
)


def build(ctx: BuildContext) -> None:
    ctx.run(["emconfigure", "./configure", f"--prefix={ctx.prefix}",
             "--host=wasm32-unknown-emscripten", "--disable-shared", "--enable-static",
             "--disable-threads", "--disable-xz",
             "--disable-xzdec", "--disable-lzmadec", "--disable-lzmainfo", "--disable-scripts",
             "--disable-doc", "--disable-nls", "--disable-rpath"], env={"CFLAGS": "-O2"})
    ctx.run(["emmake", "make", f"-j{ctx.jobs}", "-C", "src/liblzma"])
    ctx.run(["emmake", "make", "-C", "src/liblzma", "install"])
