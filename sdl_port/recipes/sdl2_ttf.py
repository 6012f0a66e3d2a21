"""SDL2_ttf: TrueType/OpenType text for pygame.font."""

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source

RECIPE = Recipe(
    name="sdl2_ttf",
    version="2.20.1",
    source=Source(
        filename="libsdl2-ttf_2.20.1+dfsg.orig.tar.xz",
        sha256="89a5712f569ef3444b3388561eaa3cfa2ddfe2551c3146efac774a88c2e2e8af",
        debian_package="libsdl2-ttf",
        upstream_url="https://github.com/libsdl-org/SDL_ttf/releases/download/release-2.20.1/SDL2_ttf-2.20.1.tar.gz",
    ),
    depends=("sdl2", "freetype"),
)


def build(ctx: BuildContext) -> None:
    ctx.cmake(ctx.src, {"SDL2TTF_VENDORED": "OFF", "SDL2TTF_SAMPLES": "OFF",
                        "SDL2TTF_HARFBUZZ": "OFF"})
