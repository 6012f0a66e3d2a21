"""SDL2_image: PNG, JPEG (stb), GIF, BMP, TGA, WebP, QOI, PNM, PCX, XPM, LBM, SVG, XCF, XV."""

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source

RECIPE = Recipe(
    name="sdl2_image",
    version="2.6.3",
    source=Source(
        filename="libsdl2-image_2.6.3+dfsg.orig.tar.gz",
        sha256="6ab05c624f6c7a5d2701e36d6b16079be8c6445fca29f6f0a85eb8e746b4b3d6",
        debian_package="libsdl2-image",
        upstream_url="https://github.com/libsdl-org/SDL_image/releases/download/release-2.6.3/SDL2_image-2.6.3.tar.gz",
    ),
    depends=("sdl2", "libwebp"),
)


def build(ctx: BuildContext) -> None:
    ctx.cmake(ctx.src, {
        "SDL2IMAGE_VENDORED": "OFF", "SDL2IMAGE_SAMPLES": "OFF", "SDL2IMAGE_DEPS_SHARED": "OFF",
        "SDL2IMAGE_BACKEND_STB": "ON", "SDL2IMAGE_WEBP": "ON", "SDL2IMAGE_AVIF": "OFF",
        "SDL2IMAGE_JXL": "OFF", "SDL2IMAGE_TIF": "OFF",
    })
