"""SDL2: window, input, timers and audio on top of the browser."""

from pygbag_like.runtime.recipe import BuildContext, Recipe, Source

RECIPE = Recipe(
    name="sdl2",
    version="2.26.5",
    cost=4,
    source=Source(
        filename="libsdl2_2.26.5+dfsg.orig.tar.gz",
        sha256="b3f2c822151804125d08db94c65852f711c2e5df2145a59da120748dc32eb9c3",
        debian_package="libsdl2",
        upstream_url="https://github.com/libsdl-org/SDL/releases/download/release-2.26.5/SDL2-2.26.5.tar.gz",
    ),
    # Closing the audio device left its Web Audio callback in place, which then ran on the
    # freed device: pages died after pygame.quit() and pygame.init().
    # The emscripten video driver had no clipboard (text stayed inside SDL): it now writes
    # to the browser's clipboard and takes what the player pastes into the page (Ctrl+V is
    # no longer swallowed, so the browser sends the paste).
    # A horizontal wheel or trackpad swipe reached games in pixels (MOUSEWHEEL x=100 where
    # the vertical one gives 1): scaled as the vertical one is (as SDL 2.28+ does).
    patches=("sdl2-audio-close-callback.patch", "sdl2-emscripten-clipboard.patch",
             "sdl2-emscripten-wheel-x.patch"),
)


def build(ctx: BuildContext) -> None:
    ctx.cmake(ctx.src, {"SDL_SHARED": "OFF", "SDL_STATIC": "ON", "SDL_TEST": "OFF",
                        "SDL_PTHREADS": "OFF", "SDL_THREADS": "OFF"})
