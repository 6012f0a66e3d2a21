"""The runtime, through `pack exec`: formats, fonts, pygame modules, stdlib, exit statuses.

Each test writes a script (and fixtures it makes itself) into a temp folder and runs it in
headless Chromium with the real `pack exec` command line.
"""

import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests import media

pytestmark = [pytest.mark.runtime, pytest.mark.browser]


def run_exec(folder: Path, script: str, *args: str, timeout: float = 60,
             options: Sequence[str] = ()) -> subprocess.CompletedProcess:
    (folder / "script.py").write_text(textwrap.dedent(script))
    return subprocess.run(
        [sys.executable, "-m", "pygbag_like", "exec", "--timeout", str(timeout), *options,
         str(folder / "script.py"), *args],
        capture_output=True, text=True, timeout=timeout + 60,
    )


def test_every_image_format_loads_and_png_saves(runtime, tmp_path):
    formats = media.make_images(tmp_path / "img")
    result = run_exec(tmp_path, f"""
        import os
        os.environ["SDL_VIDEODRIVER"] = "emscripten"
        import pygame
        pygame.init()
        failed = 0
        for name in {sorted(formats)!r}:
            try:
                surface = pygame.image.load("img/" + name)
                r, g, b, _ = surface.get_at((0, 0))
                red = r > 150 and g < 90 and b < 90
                ok = surface.get_height() == 8 and (red or name == "img.pgm")
                print(name, surface.get_size(), (r, g, b), "ok" if ok else "WRONG")
                failed += not ok
            except Exception as exc:
                print(name, "FAILED", exc)
                failed += 1
        surface = pygame.Surface((5, 4))
        surface.fill((1, 2, 3))
        pygame.image.save(surface, "saved.png")
        back = pygame.image.load("saved.png")
        print("saved png", back.get_size(), tuple(back.get_at((0, 0)))[:3])
        print("extended", pygame.image.get_extended())
        raise SystemExit(failed)
    """)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in formats:
        assert f"{name} " in result.stdout
    assert "saved png (5, 4) (1, 2, 3)" in result.stdout
    assert "extended True" in result.stdout


def test_every_audio_format_decodes_to_the_right_length(runtime, tmp_path):
    names = media.make_sounds(tmp_path / "snd")
    result = run_exec(tmp_path, f"""
        import pygame
        pygame.mixer.init()
        print("mixer", pygame.mixer.get_init())
        for name in {names!r}:
            sound = pygame.mixer.Sound("snd/" + name)
            print(name, "length %.3f" % sound.get_length())
            pygame.mixer.music.load("snd/" + name)
            pygame.mixer.music.play()
            pygame.mixer.music.stop()
            print(name, "music ok")
    """)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "mixer (44100," in result.stdout or "mixer (48000," in result.stdout
    for name in names:
        line = next(x for x in result.stdout.splitlines() if x.startswith(f"{name} length"))
        length = float(line.split()[-1])
        # SDL_mixer 2.6's dr_mp3 keeps the encoder's delay and padding (it ignores the LAME
        # gapless header), which adds up to about two MP3 frames of silence.
        extra = 0.1 if name.endswith(".mp3") else 0.02
        assert media.SOUND_SECONDS - 0.02 <= length <= media.SOUND_SECONDS + extra, line
        assert f"{name} music ok" in result.stdout


def test_fonts_freetype_and_pygame_modules(runtime, tmp_path):
    fonts = media.make_fonts(tmp_path / "fonts")
    result = run_exec(tmp_path, f"""
        import pygame, pygame.freetype
        pygame.init()
        default = pygame.font.Font(None, 24).render("Hello", True, (255, 255, 255))
        print("default font", default.get_width() > 20, default.get_height() > 10)
        sys_font = pygame.font.SysFont("Arial", 20).render("Hi", True, (255, 255, 255))
        print("sysfont fallback", sys_font.get_width() > 5)
        for name in {fonts!r}:
            image = pygame.font.Font("fonts/" + name, 40).render("AA", True, (255, 255, 255))
            print(name, "font", image.get_width() > 20)
            ft = pygame.freetype.Font("fonts/" + name, 40)
            surface, rect = ft.render("A", (255, 255, 255))
            print(name, "freetype", rect.width > 5)
        pygame.freetype.init()
        surface, rect = pygame.freetype.Font(None, 30).render("Hi", (255, 255, 255))
        print("freetype default", rect.width > 5)

        screen = pygame.Surface((64, 64))
        pygame.draw.circle(screen, (255, 0, 0), (32, 32), 10)
        pygame.draw.rect(screen, (0, 255, 0), (0, 0, 8, 8))
        pygame.draw.line(screen, (0, 0, 255), (0, 63), (63, 63))
        print("draw", tuple(screen.get_at((32, 32)))[:3], tuple(screen.get_at((2, 2)))[:3])
        rotated = pygame.transform.rotozoom(screen, 45, 0.5)
        scaled = pygame.transform.smoothscale(screen, (128, 32))
        flipped = pygame.transform.flip(screen, True, False)
        print("transform", rotated.get_width() > 30, scaled.get_size(), flipped.get_size())
        screen.set_colorkey((0, 0, 0))
        mask = pygame.mask.from_surface(screen)
        print("mask", mask.count() > 0)
        class Ball(pygame.sprite.Sprite):
            def __init__(self, x):
                super().__init__()
                self.image = pygame.Surface((4, 4))
                self.rect = self.image.get_rect(topleft=(x, 0))
        group = pygame.sprite.Group(Ball(0), Ball(2), Ball(50))
        hits = pygame.sprite.spritecollide(Ball(1), group, False)
        print("sprite", len(group), len(hits))
        from pygame._sdl2 import controller, touch
        controller.init()
        print("controller", controller.get_init(), controller.get_count(),
              "touch", touch.get_num_devices() >= 0)
    """)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "default font True True" in out
    assert "sysfont fallback True" in out
    for name in fonts:
        assert f"{name} font True" in out and f"{name} freetype True" in out
    assert "freetype default True" in out
    assert "draw (255, 0, 0) (0, 255, 0)" in out
    assert "transform True (128, 32) (64, 64)" in out
    assert "mask True" in out
    assert "sprite 3 2" in out
    assert "controller True 0 touch True" in out


STDLIB = ["asyncio", "json", "zlib", "random", "dataclasses", "enum", "typing", "re", "pathlib",
          "datetime", "decimal", "logging", "math", "collections", "itertools", "functools",
          "heapq", "bisect", "struct", "base64", "hashlib", "csv", "io", "copy", "time",
          "textwrap", "string", "fractions", "statistics", "bz2", "gzip", "zipfile",
          "xml.etree.ElementTree", "pickle", "uuid", "array", "operator", "abc", "contextlib"]


def test_stdlib_modules_games_use_import_and_work(runtime, tmp_path):
    result = run_exec(tmp_path, f"""
        import importlib
        for name in {STDLIB!r}:
            importlib.import_module(name)
        import json, zlib, decimal, random, datetime, pathlib
        assert json.loads(json.dumps({{"a": [1, 2]}})) == {{"a": [1, 2]}}
        assert zlib.decompress(zlib.compress(b"x" * 100)) == b"x" * 100
        assert str(decimal.Decimal("1.1") + decimal.Decimal("2.2")) == "3.3"
        random.seed(1)
        import sysconfig
        print("sysconfig", sysconfig.get_config_var("VERSION"))
        pathlib.Path("out.txt").write_text("saved")
        print("cwd", pathlib.Path.cwd(), pathlib.Path("out.txt").read_text())
        print("imported", {len(STDLIB)})
    """)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"imported {len(STDLIB)}" in result.stdout
    assert "cwd /game saved" in result.stdout
    assert "sysconfig 3.11" in result.stdout


CTYPES_SCRIPT = """
    import ctypes, sys
    from ctypes import (CFUNCTYPE, POINTER, Structure, addressof, c_char, c_double, c_int,
                        c_int64, c_uint8, cast, create_string_buffer, memmove, sizeof,
                        string_at)

    class Point(Structure):
        _fields_ = [("x", c_int), ("y", c_double), ("big", c_int64)]

    point = Point(3, 2.5, 1 << 40)
    buffer = create_string_buffer(b"hello", 8)
    memmove(buffer, b"HE", 2)
    print("sizes", sizeof(c_int), sizeof(ctypes.c_void_p), sizeof(Point))
    print("struct", point.x, point.y, point.big == 1 << 40)
    print("buffer", buffer.value, string_at(addressof(buffer), 5))
    print("cast", list(cast(buffer, POINTER(c_uint8))[:2]))
    array = (c_char * 3).from_buffer_copy(b"abc")
    print("array", array.raw)

    # A Python function called back from C: a libffi closure in the function table.
    add = CFUNCTYPE(c_int64, c_int, c_int64, c_double)(lambda a, b, c: a + b + int(c))
    print("callback", add(1, 1 << 40, 2.0) == 3 + (1 << 40))
    twice = CFUNCTYPE(c_int, c_int)(lambda v: v * 2)
    as_pointer = cast(twice, ctypes.c_void_p).value
    print("through pointer", CFUNCTYPE(c_int, c_int)(as_pointer)(21))

    try:
        ctypes.CDLL("libc.so.6")
    except OSError as exc:
        print("dlopen refused:", exc)
    # ctypes.pythonapi finds CPython's stable ABI, functions and variables.
    from_string = ctypes.pythonapi.PyBytes_FromString
    from_string.restype, from_string.argtypes = ctypes.py_object, [ctypes.c_char_p]
    print("pythonapi", from_string(b"made in C"),
          ctypes.c_ulong.in_dll(ctypes.pythonapi, "Py_Version").value == sys.hexversion)
    try:
        ctypes.pythonapi.PyFrame_LocalsToFast
    except AttributeError as exc:
        print("dlsym refused:", exc)
    import ctypes.util
    print("find_library", ctypes.util.find_library("c"))
    print("done", sys.platform)
"""


@pytest.mark.parametrize("variant", [[], ["--asyncify"]], ids=["plain", "asyncify"])
def test_ctypes_calls_and_callbacks_without_a_dynamic_linker(runtime, tmp_path, variant):
    result = run_exec(tmp_path, CTYPES_SCRIPT, options=variant)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "sizes 4 4 24" in out
    assert "struct 3 2.5 True" in out
    assert "buffer b'HEllo' b'HEllo'" in out
    assert "cast [72, 69]" in out
    assert "array b'abc'" in out
    assert "callback True" in out
    assert "through pointer 42" in out
    assert "dlopen refused: libc.so.6: cannot load a shared library in the browser" in out
    assert "pythonapi b'made in C' True" in out
    assert "dlsym refused: PyFrame_LocalsToFast: symbol not found" in out
    assert "done emscripten" in out


PASTE_INTO_THE_PAGE = (
    "var data = new DataTransfer(); data.setData('text/plain', 'pasted by the player');"
    "document.body.dispatchEvent(new ClipboardEvent('paste', "
    "{clipboardData: data, bubbles: true}));"
)


def test_scrap_copies_and_takes_what_is_pasted_into_the_page(runtime, tmp_path):
    result = run_exec(tmp_path, f"""
        import warnings
        import js, pygame, pygame.scrap as scrap
        pygame.init()
        pygame.display.set_mode((32, 32))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            scrap.init()
        print("empty", scrap.has_text(), repr(scrap.get_text()))
        scrap.put_text("copied in the game")
        print("copied", scrap.has_text(), scrap.get_text())
        js.eval({PASTE_INTO_THE_PAGE!r})
        print("pasted", scrap.get_text())
        print("bytes", scrap.get(pygame.SCRAP_TEXT))
    """)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "empty False ''" in result.stdout
    assert "copied True copied in the game" in result.stdout
    assert "pasted pasted by the player" in result.stdout
    assert "bytes b'pasted by the player" in result.stdout


def test_a_loop_that_only_polls_events_lets_the_browser_run(runtime, tmp_path):
    # Waiting for something without drawing (a key, the end of the music): the browser must
    # get frames, or its timers, input and audio never come.
    result = run_exec(tmp_path, """
        import time
        import js, pygame
        pygame.init()
        pygame.display.set_mode((32, 32))
        fired = []
        js.setTimeout(lambda: fired.append(True), 50)
        start = time.monotonic()
        while not fired and time.monotonic() - start < 5:
            pygame.event.pump()
        print("fired" if fired else "never fired", round(time.monotonic() - start, 1))
    """, options=["--asyncify"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fired 0." in result.stdout, result.stdout


def test_a_waiting_loop_gives_the_browser_every_frame_and_a_paced_one_is_not_slowed(
        runtime, tmp_path):
    # A "press a key" loop that draws nothing gave the browser a frame only every 100 ms:
    # the page ran at 10 frames a second and the audio, played from the same thread, had a
    # gap each time. Now each frame the browser paints is given; a loop whose Clock.tick
    # sleeps has given the browser its frames already and keeps its pace.
    result = run_exec(tmp_path, """
        import time
        import js, pygame
        pygame.init()
        pygame.display.set_mode((32, 32))
        pygame.display.flip()
        js.eval("window.painted = 0; (function count() { window.painted += 1;"
                " requestAnimationFrame(count); })()")
        time.sleep(0.2)
        for name, fps in (("waiting", 0), ("paced", 20)):
            clock = pygame.time.Clock()
            before, loops, start = js.eval("window.painted"), 0, time.monotonic()
            while time.monotonic() - start < 2:
                pygame.event.get()
                if fps:
                    clock.tick(fps)
                loops += 1
            print(name, "painted", js.eval("window.painted") - before, "loops", loops)
    """, options=["--asyncify"])
    assert result.returncode == 0, result.stdout + result.stderr
    counts = {line.split()[0]: (int(line.split()[2]), int(line.split()[4]))
              for line in result.stdout.splitlines() if " painted " in line}
    waiting_frames, _ = counts["waiting"]
    assert waiting_frames >= 50, result.stdout  # 2 s at 60 Hz: 120; every 100 ms: 20
    _, paced_loops = counts["paced"]
    assert paced_loops >= 36, result.stdout  # 2 s at 20 a second: 40; a frame more each: 30


def test_exit_status_arguments_and_output(runtime, tmp_path):
    result = run_exec(tmp_path, """
        import sys
        print("args", sys.argv[1:])
        print("to stderr", file=sys.stderr)
        sys.exit(3)
    """, "one", "two words")
    assert result.returncode == 3
    assert "args ['one', 'two words']" in result.stdout
    assert "to stderr" in result.stderr


def test_uncaught_exception_gives_traceback_and_failure(runtime, tmp_path):
    result = run_exec(tmp_path, """
        def broken():
            return 1 / 0
        print("before")
        broken()
    """)
    assert result.returncode == 1
    assert "before" in result.stdout
    assert "Traceback (most recent call last)" in result.stderr
    assert "ZeroDivisionError: division by zero" in result.stderr
    assert 'script.py", line 3' in result.stderr


def test_syntax_error_fails(runtime, tmp_path):
    result = run_exec(tmp_path, "print('unclosed'\n")
    assert result.returncode == 1
    assert "SyntaxError" in result.stderr


def test_time_out_stops_a_script_that_never_ends(runtime, tmp_path):
    result = run_exec(tmp_path, """
        import time
        print("sleeping")
        while True:
            time.sleep(0.1)
    """, timeout=8)
    assert result.returncode == 124
    assert "timed out" in result.stderr
    assert "sleeping" in result.stdout


def test_time_out_stops_a_script_that_never_yields(runtime, tmp_path):
    started = time.monotonic()
    result = run_exec(tmp_path, """
        print("spinning", flush=True)
        while True:
            pass
    """, timeout=5)
    assert result.returncode == 124, result.stderr
    assert "timed out" in result.stderr
    assert time.monotonic() - started < 60


def test_memory_grows_for_a_300_mb_allocation(runtime, tmp_path):
    result = run_exec(tmp_path, """
        block = bytearray(300 * 1024 * 1024)
        block[-1] = 7
        print("allocated", len(block) >> 20, block[-1])
    """)
    assert result.returncode == 0, result.stderr
    assert "allocated 300 7" in result.stdout


def test_names_that_differ_by_case_or_use_backslashes_fall_back_to_the_file(runtime, tmp_path):
    (tmp_path / "Assets").mkdir()
    (tmp_path / "Assets" / "data.txt").write_text("found it")
    media.make_images(tmp_path / "img")
    result = run_exec(tmp_path, """
        import os
        os.environ["SDL_VIDEODRIVER"] = "emscripten"
        import pygame
        print(open("assets/DATA.TXT").read())
        print("image", pygame.image.load("IMG/IMG.PNG").get_size())
        print("windows", open("Assets\\\\data.txt").read(), open(".\\\\ASSETS\\\\Data.txt").read())
        for missing in ("assets/nothing.txt", "Assets\\\\nothing.txt"):
            try:
                open(missing)
            except FileNotFoundError:
                print("missing stays missing")
        with open("Assets\\\\new.txt", "w") as file:  # a new file: the name as written
            file.write("written")
        print("read back", open("Assets\\\\new.txt").read())
    """)
    assert result.returncode == 0, result.stderr
    assert "found it" in result.stdout and "image (12, 8)" in result.stdout
    assert "windows found it found it" in result.stdout
    assert result.stdout.count("missing stays missing") == 2
    assert "read back written" in result.stdout
    assert "DATA.TXT does not exist: using data.txt" in result.stderr
    assert "\\data.txt does not exist: using /" in result.stderr


def test_window_keeps_the_asked_size_and_updates_are_time_sliced(runtime, tmp_path):
    result = run_exec(tmp_path, """
        import os, time
        os.environ["SDL_VIDEODRIVER"] = "emscripten"
        import pygame
        screen = pygame.display.set_mode((640, 360), pygame.RESIZABLE)
        print("size", screen.get_size())
        start = time.perf_counter()
        n = 0
        while n < 1000:  # a blocking loop: the asyncify runtime
            screen.fill((n % 255, 0, 0))
            pygame.display.update()
            n += 1
        print("seconds", time.perf_counter() - start)
    """)
    assert result.returncode == 0, result.stderr
    assert "size (640, 360)" in result.stdout  # not the page's scaled size
    seconds = float(result.stdout.split("seconds ")[1].split()[0])
    # Giving a whole frame back per update made 1000 updates last 1000 frames (16.7 s).
    assert seconds < 8, seconds


def test_fullscreen_keeps_the_asked_size_and_the_game_keeps_its_update_wrapper(runtime,
                                                                              tmp_path):
    # SDL made the canvas alone fullscreen at the screen's size: a game laid out for
    # 1366x768 was cut off and the page's error panel hidden (wsadkiewicz/DanteGames).
    # The first-frame mark put pygame's update back after the first frame, over a wrapper
    # the game had put there (a profiler, an FPS counter).
    result = run_exec(tmp_path, """
        import os
        os.environ["SDL_VIDEODRIVER"] = "emscripten"
        import js, pygame
        pygame.init()
        screen = pygame.display.set_mode((1366, 768), pygame.FULLSCREEN)
        print("size", screen.get_size(), "fullscreen", bool(screen.get_flags() & pygame.FULLSCREEN))
        js.eval("window.toggled = 0; window.addEventListener('pl-toggle-fullscreen',"
                " function () { window.toggled += 1; })")
        print("toggle", pygame.display.toggle_fullscreen(), js.eval("window.toggled"))
        updates = []
        update = pygame.display.update
        pygame.display.update = lambda *args: updates.append(1) or update(*args)
        for _ in range(3):
            pygame.display.update()
        print("wrapped updates", len(updates))
    """)
    assert result.returncode == 0, result.stderr
    assert "size (1366, 768) fullscreen False" in result.stdout, result.stdout
    assert "toggle 1 1" in result.stdout, result.stdout
    assert "wrapped updates 3" in result.stdout, result.stdout


def test_fonts_and_images_load_from_file_objects(runtime, tmp_path):
    # pygame_gui reads its default font from io.BytesIO: every pygame_gui game died on
    # "can't access resource on platform" (mattjpoole/minesweeper).
    media.make_images(tmp_path / "img")
    result = run_exec(tmp_path, """
        import io, os, zipfile
        import pygame
        pygame.init()
        png = open("img/img.png", "rb").read()
        print("bytesio image", pygame.image.load(io.BytesIO(png)).get_size())
        print("hinted image", pygame.image.load(io.BytesIO(png), "x.png").get_size())
        with open("img/img.png", "rb") as file:
            print("file image", pygame.image.load(file).get_size())
        with zipfile.ZipFile("assets.zip", "w") as archive:
            archive.writestr("sprites/img.png", png)
        with zipfile.ZipFile("assets.zip") as archive, archive.open("sprites/img.png") as member:
            print("zip image", pygame.image.load(member).get_size())
        font_path = os.path.join(os.path.dirname(pygame.__file__),
                                 pygame.font.get_default_font())
        font = pygame.font.Font(io.BytesIO(open(font_path, "rb").read()), 20)
        print("bytesio font", font.size("hello")[1] > 0)
    """)
    assert result.returncode == 0, result.stderr
    for line in ("bytesio image (12, 8)", "hinted image (12, 8)", "file image (12, 8)",
                 "zip image (12, 8)", "bytesio font True"):
        assert line in result.stdout, result.stdout + result.stderr


def test_a_thread_is_refused_with_a_reason(runtime, tmp_path):
    result = run_exec(tmp_path, """
        import threading
        try:
            threading.Thread(target=print).start()
        except RuntimeError as error:
            print("refused:", error)
        print("timer", threading.Timer(1, print).__class__.__name__)
    """)
    assert result.returncode == 0, result.stderr
    assert "refused: threads cannot start in the browser: a web page runs the game on one" in (
        result.stdout)


def test_pygbag_style_platform_window_and_js(runtime, tmp_path):
    result = run_exec(tmp_path, """
        import asyncio, sys, platform
        print("platform", sys.platform)
        window = platform.window
        window.document.title = "from python"
        print("title", platform.document.title)
        print("max", window.Math.max(3, 7))
        numbers = window.JSON.parse("[1, 2, 3]")
        print("array", len(numbers), list(numbers))
        print("to_py", window.JSON.parse('{"a": [1, 2]}').to_py())
        made = platform.document.createElement("div")
        made.id = "made"
        platform.document.body.appendChild(made)
        print("found", platform.document.getElementById("made").id)
        try:
            window.JSON.parse("{bad")
        except platform.JSException as error:
            print("raised", "SyntaxError" in str(error))
        import js
        print("js", js.document.title)
        heard = []
        window.setTimeout(lambda: heard.append("called back"), 0)

        async def main():
            print("awaited", await window.Promise.resolve(42))
            response = await window.fetch("index.html")  # a file the page's server has
            print("fetched", "<html" in (await response.text()))
            for _ in range(30):
                await asyncio.sleep(0.01)
                if heard:
                    break
            print("callback", heard)

        asyncio.run(main())
    """)
    assert result.returncode == 0, result.stderr
    for line in ("platform emscripten", "title from python", "max 7", "array 3 [1, 2, 3]",
                 "to_py {'a': [1, 2]}", "found made", "raised True", "js from python",
                 "awaited 42", "fetched True",
                 "callback ['called back']"):
        assert line in result.stdout, (line, result.stdout, result.stderr)


def test_os_exit_ends_the_script_with_its_code(runtime, tmp_path):
    result = run_exec(tmp_path, """
        import os
        print("leaving", flush=True)
        os._exit(3)
    """)
    assert result.returncode == 3, result.stderr
    assert "leaving" in result.stdout


# Alpha blits over surface formats, as the generic loop of pygame-ce 2.5.6 blends them (hashes
# of the results from the runtime before pygame-ce-wasm-alphablit-8888.patch, which reads
# 4-byte pixels in line): "source destination blanket-alpha" -> sha256 prefix of RGBA bytes.
GENERIC_ALPHA_BLITS = {
    "argb display None": "4f1b0f11341e456e",
    "argb display 128": "05c12e2eee72950c",
    "argb argb None": "f831017b865f645c",
    "argb argb 128": "686872a21bcae25e",
    "argb xrgb None": "18eadb3863ba6c67",
    "argb xrgb 128": "639b8fd8a5cfd4cc",
    "argb rgb24 None": "618e3c897894a9ff",
    "argb rgb24 128": "1aeefb9872b96f87",
    "argb rgb16 None": "255f47be0beba795",
    "argb rgb16 128": "1f82eada805c7735",
    "argb bgra None": "ec0badc1e2a1bd7b",
    "argb bgra 128": "0a1eaf0dd6e5a9b4",
    "abgr display None": "e1c9815ccdf451c5",
    "abgr display 128": "7b7816040298a9bc",
    "abgr argb None": "b5e5abd0bdd3075c",
    "abgr argb 128": "bd47bc21a0a7f454",
    "abgr xrgb None": "2f600181bf5867dd",
    "abgr xrgb 128": "5613b5711d0f8274",
    "abgr rgb24 None": "d53ee23eaa053bb5",
    "abgr rgb24 128": "9b1c049798b095a8",
    "abgr rgb16 None": "1f55958b489d6dd8",
    "abgr rgb16 128": "eba8b9cbd7641f4e",
    "abgr bgra None": "ecfe5fb026cb3930",
    "abgr bgra 128": "48704b070988b0ff",
    "converted display None": "6617741ffc4bbae8",
    "converted display 128": "b71e1cd76a29e81d",
    "converted argb None": "4377cdd00d7d34a9",
    "converted argb 128": "36b5b4040a87035d",
    "converted xrgb None": "95c2bb4b08ab1df9",
    "converted xrgb 128": "8f0987c66017ca3f",
    "converted rgb24 None": "04b6810e1e323c40",
    "converted rgb24 128": "458e52665d985959",
    "converted rgb16 None": "266e0acb4f5fc802",
    "converted rgb16 128": "5ef1320943735c34",
    "converted bgra None": "041d3451e25f0dd2",
    "converted bgra 128": "e9ef8d42248f0bda",
}


def test_alpha_blits_give_the_pixels_of_pygames_generic_loop(runtime, tmp_path):
    result = run_exec(tmp_path, """
        import hashlib, random, zlib
        import pygame
        pygame.init()
        pygame.display.set_mode((64, 48))
        rng = random.Random(7)

        def noise(size, flags=0, depth=32, masks=None):
            s = pygame.Surface(size, flags, depth, masks) if masks else pygame.Surface(
                size, flags, depth)
            for y in range(size[1]):
                for x in range(size[0]):
                    s.set_at((x, y), (rng.randrange(256), rng.randrange(256),
                                      rng.randrange(256),
                                      rng.choice((0, 1, 77, 128, 200, 254, 255))))
            return s

        sources = {
            "argb": lambda: noise((23, 17), pygame.SRCALPHA),
            "abgr": lambda: noise((23, 17), pygame.SRCALPHA, 32,
                                  (0xFF, 0xFF00, 0xFF0000, 0xFF000000)),
            "converted": lambda: noise((23, 17), pygame.SRCALPHA).convert_alpha(),
        }
        destinations = {
            "display": lambda: pygame.display.get_surface(),
            "argb": lambda: noise((64, 48), pygame.SRCALPHA),
            "xrgb": lambda: noise((64, 48)),
            "rgb24": lambda: noise((64, 48), 0, 24),
            "rgb16": lambda: noise((64, 48), 0, 16),
            "bgra": lambda: noise((64, 48), pygame.SRCALPHA, 32,
                                  (0xFF00, 0xFF0000, 0xFF000000, 0xFF)),
        }
        for source, make_source in sources.items():
            for destination, make_destination in destinations.items():
                for blanket in (None, 128):
                    where = (7, 9)
                    rng.seed(zlib.crc32(repr((source, destination, blanket, where)).encode()))
                    src, dst = make_source(), make_destination()
                    if destination == "display":
                        dst.blit(noise((64, 48)), (0, 0))
                    if blanket is not None:
                        src.set_alpha(blanket)
                    dst.blit(src, where)
                    dst.subsurface((3, 2, 40, 30)).blit(src.subsurface((2, 1, 15, 12)), (1, 1))
                    digest = hashlib.sha256(pygame.image.tobytes(dst, "RGBA")).hexdigest()
                    print("blit", source, destination, blanket, digest[:16])
    """)
    assert result.returncode == 0, result.stderr
    got = {" ".join(line.split()[1:4]): line.split()[4]
           for line in result.stdout.splitlines() if line.startswith("blit ")}
    assert got == GENERIC_ALPHA_BLITS
