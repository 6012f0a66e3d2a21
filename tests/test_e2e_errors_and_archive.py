"""End to end: a crashing game shows its traceback; the itch.io zip runs from a static host."""

import shutil
import zipfile

import pytest

from tests.e2e import REPO, open_game, pack, pack_source

pytestmark = [pytest.mark.runtime, pytest.mark.browser]

CRASHING_GAME = """
import pygame

def explode(frame):
    return frame / 0

pygame.init()
screen = pygame.display.set_mode((320, 240))
clock = pygame.time.Clock()
for frame in range(1000):
    screen.fill((frame % 255, 0, 0))
    pygame.display.flip()
    clock.tick(60)
    if frame == 10:
        print("about to fail")
        explode(frame)
"""

# Plays a looping tone, and fails when a key is pressed.
CRASHING_WITH_SOUND = """
import array
import math
import pygame

pygame.mixer.pre_init(22050, -16, 1)
pygame.init()
screen = pygame.display.set_mode((160, 120))
wave = array.array("h", (int(8000 * math.sin(2 * math.pi * 440 * i / 22050))
                         for i in range(22050)))
pygame.mixer.Sound(buffer=wave).play(loops=-1)
print("playing", flush=True)
clock = pygame.time.Clock()
while True:
    for event in pygame.event.get():
        if event.type == pygame.KEYDOWN:
            raise RuntimeError("failed with the sound on")
    pygame.display.flip()
    clock.tick(30)
"""
AUDIO_STATE = "PygbagLike.page.module.SDL2.audioContext.state"


def test_python_exception_shows_a_traceback_on_the_page_and_console(runtime, nginx, browser,
                                                                      tmp_path):
    game = tmp_path / "crash"
    game.mkdir()
    (game / "main.py").write_text(CRASHING_GAME)
    assert pack(game).returncode == 0
    session = open_game(browser, nginx.publish(game / "build" / "web", "errors/crash"))
    try:
        session.click_start()
        assert session.wait_for_state("failed", timeout=30) == "failed"
        overlay = session.page.locator("#pl-error-text").inner_text()
        assert "Traceback (most recent call last)" in overlay
        assert 'File "/game/main.py", line 5, in explode' in overlay
        assert "ZeroDivisionError: division by zero" in overlay
        assert session.page.locator("#pl-error").is_visible()
        assert any("ZeroDivisionError" in line for line in session.console_errors)
    finally:
        session.page.close()


def test_audio_stops_when_the_game_fails(runtime, nginx, browser, tmp_path):
    url = nginx.publish(pack_source(tmp_path / "noisy", CRASHING_WITH_SOUND), "errors/noisy")
    session = open_game(browser, url)
    try:
        session.click_start()
        assert session.wait_for_line("playing"), session.console[-20:] + session.errors
        assert session.page.evaluate(AUDIO_STATE) == "running"
        session.page.keyboard.press("Space")
        assert session.wait_for_state("failed") == "failed"
        assert "failed with the sound on" in session.page.locator("#pl-error-text").inner_text()
        session.page.wait_for_function(f"{AUDIO_STATE} !== 'running'", timeout=5000)
    finally:
        session.page.close()


def test_archive_unzipped_on_a_static_host_plays(runtime, nginx, browser, tmp_path):
    game = tmp_path / "async_sprites"
    shutil.copytree(REPO / "examples" / "async_sprites", game)
    result = pack(game, "--archive")
    assert result.returncode == 0, result.stderr
    archive = game / "build" / "web.zip"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert "index.html" in names
        assert all(not n.startswith(("/", "..")) and "/../" not in n for n in names)
        zf.extractall(nginx.www / "itch" / "html5" / "abc123")
    first = archive.read_bytes()
    assert pack(game, "--archive").returncode == 0
    assert archive.read_bytes() == first, "the zip must be deterministic"
    url = f"http://127.0.0.1:{nginx.port}/itch/html5/abc123/index.html"
    session = open_game(browser, url)
    try:
        session.click_start()
        assert session.wait_for_line("started"), session.console[-10:]
        assert not session.errors and not session.console_errors
    finally:
        session.page.close()
