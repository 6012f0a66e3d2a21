"""FreeType: font rasterising for SDL2_ttf (pygame.font) and pygame.freetype."""

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source

RECIPE = Recipe(
    name="freetype",
    version="2.12.1",
    source=Source(
        filename="freetype_2.12.1+dfsg.orig.tar.xz",
        sha256="7dedb6b9adf331559daea614a83b8de42a753e685ec8e1c4bdb4529eb880b0d1",
        debian_package="freetype",
        upstream_url="https://download.savannah.gnu.org/releases/freetype/freetype-2.12.1.tar.xz",
    ),
    depends=("zlib",),
)


def build(ctx: BuildContext) -> None:
    # Our zlib, for gzip-compressed fonts: with zlib disabled FreeType compiles its own copy,
    # whose symbols clash with zlib's at the final link. TTF/OTF need nothing else.
    disabled = ("BZIP2", "PNG", "HARFBUZZ", "BROTLI")
    options = {f"FT_DISABLE_{dep}": "TRUE" for dep in disabled}
    options |= {"FT_REQUIRE_ZLIB": "TRUE",
                "ZLIB_ROOT": str(ctx.dep("zlib")),
                "ZLIB_LIBRARY": str(ctx.dep("zlib") / "lib" / "libz.a"),
                "ZLIB_INCLUDE_DIR": str(ctx.dep("zlib") / "include")}
    ctx.cmake(ctx.src, options)
