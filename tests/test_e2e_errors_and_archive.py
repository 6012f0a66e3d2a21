"""End to end: a crashing game shows its traceback; the itch.io zip runs from a static host."""

import shutil
import zipfile

import pytest

from e2e import REPO, open_game, pack

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
