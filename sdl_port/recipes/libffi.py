"""libffi: calls through C function pointers of any signature, for CPython's ctypes.

3.4.5 is the first release with the wasm32/emscripten port (upstreamed from Pyodide: calls
and closures go through JavaScript and the function table); Debian 12 has 3.4.4, so the
source is Debian 13's, fetched from the Debian archive's pool. The tarball has no configure
script: autoreconf makes it (autoconf, automake and libtool from the host; what they write is
build scaffolding, not part of the library's bytes).
"""

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source

RECIPE = Recipe(
    name="libffi",
    version="3.4.8",
    source=Source(
        filename="libffi_3.4.8.orig.tar.gz",
        sha256="cbb7f0b3b095dc506387ec1e35b891bfb4891d05b90a495bc69a10f2293f80ff",
        debian_package="libffi",
        debian_release="trixie",
        upstream_url="https://github.com/libffi/libffi/releases/download/v3.4.8/libffi-3.4.8.tar.gz",
    ),
    # EM_JS_DEPS (emscripten 3.1.24+) is not in 3.1.6; the link includes those helpers itself.
    patches=("libffi-em-js-deps.patch",),
)


def build(ctx: BuildContext) -> None:
    ctx.run(["autoreconf", "-fi"])
    ctx.run(["emconfigure", "./configure", "--host=wasm32-unknown-emscripten",
             f"--prefix={ctx.prefix}", "--enable-static", "--disable-shared",
             "--disable-dependency-tracking", "--disable-builddir",
             "--disable-multi-os-directory", "--disable-raw-api", "--disable-docs",
             "--disable-exec-static-tramp"], env={"CFLAGS": "-O2"})
    ctx.run(["emmake", "make", f"-j{ctx.jobs}"])
    ctx.run(["emmake", "make", "install"])
