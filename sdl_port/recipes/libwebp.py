"""libwebp: WebP decoding for SDL2_image."""

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source

RECIPE = Recipe(
    name="libwebp",
    version="1.2.4",
    cost=2,
    source=Source(
        filename="libwebp_1.2.4.orig.tar.gz",
        sha256="7bf5a8a28cc69bcfa8cb214f2c3095703c6b73ac5fba4d5480c205331d9494df",
        debian_package="libwebp",
        upstream_url="https://storage.googleapis.com/downloads.webmproject.org/releases/webp/libwebp-1.2.4.tar.gz",
    ),
)

TOOLS = ("ANIM_UTILS", "CWEBP", "DWEBP", "GIF2WEBP", "IMG2WEBP", "VWEBP", "WEBPINFO",
         "WEBPMUX", "EXTRAS", "WEBP_JS")


def build(ctx: BuildContext) -> None:
    options = {f"WEBP_BUILD_{tool}": "OFF" for tool in TOOLS}
    options |= {"WEBP_ENABLE_SIMD": "OFF", "WEBP_USE_THREAD": "OFF",
                "WEBP_BUILD_LIBWEBPMUX": "OFF"}
    ctx.cmake(ctx.src, options)
