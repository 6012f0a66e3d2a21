"""SDL2_mixer: WAV, OGG Vorbis (stb_vorbis), MP3 (dr_mp3) and FLAC (dr_flac), no extra libs."""

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source

RECIPE = Recipe(
    name="sdl2_mixer",
    version="2.6.2",
    source=Source(
        filename="libsdl2-mixer_2.6.2+dfsg.orig.tar.xz",
        sha256="648d9545a92a4839b5edecc775d54608516bc8963d609a8d2193df94518ca072",
        debian_package="libsdl2-mixer",
        upstream_url="https://github.com/libsdl-org/SDL_mixer/releases/download/release-2.6.2/SDL2_mixer-2.6.2.tar.gz",
    ),
    depends=("sdl2",),
)


def build(ctx: BuildContext) -> None:
    ctx.cmake(ctx.src, {
        "SDL2MIXER_VENDORED": "OFF", "SDL2MIXER_SAMPLES": "OFF", "SDL2MIXER_DEPS_SHARED": "OFF",
        "SDL2MIXER_CMD": "OFF", "SDL2MIXER_WAVE": "ON",
        "SDL2MIXER_FLAC": "ON", "SDL2MIXER_FLAC_LIBFLAC": "OFF", "SDL2MIXER_FLAC_DRFLAC": "ON",
        "SDL2MIXER_MP3": "ON", "SDL2MIXER_MP3_DRMP3": "ON", "SDL2MIXER_MP3_MPG123": "OFF",
        "SDL2MIXER_VORBIS": "STB", "SDL2MIXER_OPUS": "OFF", "SDL2MIXER_MOD": "OFF",
        "SDL2MIXER_MIDI": "OFF",
    })
