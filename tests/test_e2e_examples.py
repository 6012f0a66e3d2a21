"""End to end: pack each example, serve it with nginx under a sub-path, play it in Chromium."""

import shutil

import pytest

from tests.e2e import REPO, open_game, pack

pytestmark = [pytest.mark.runtime, pytest.mark.browser]

EXAMPLES = ["async_sprites", "keyboard_mouse", "save_game"]


@pytest.fixture(scope="module")
def published(runtime, nginx, tmp_path_factory):
    """Each example packed by the real CLI and published below /games/<name>/ on nginx."""
    urls = {}
    for name in EXAMPLES:
        game = tmp_path_factory.mktemp("examples") / name
        shutil.copytree(REPO / "examples" / name, game)
        result = pack(game)
        assert result.returncode == 0, result.stderr
        urls[name] = nginx.publish(game / "build" / "web", f"games/{name}")
    return urls


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_runs_reacts_to_input_and_ends(published, browser, name):
    session = open_game(browser, published[name])
    try:
        session.click_start()
        assert session.wait_for_line("started"), session.console[-20:]
        assert session.canvas_changes(), "the canvas did not change between two frames"
        # Keys must reach the game even when nothing on the page has the focus.
        session.page.evaluate("document.activeElement && document.activeElement.blur()")
        session.page.keyboard.press("Space")
        assert session.wait_for_line("key space"), session.console[-20:]
        session.page.locator("#canvas").click(position={"x": 200, "y": 150})
        assert session.wait_for_line("click "), session.console[-20:]
        x, y = map(int, session.lines("click ")[-1].split()[1:3])
        # The 640x480 canvas is scaled to fit the 800x600 page: 1.25 CSS pixels per pixel.
        assert abs(x - 160) <= 3 and abs(y - 120) <= 3, (x, y)
        session.page.keyboard.press("Escape")
        assert session.wait_for_line("game over"), session.console[-20:]
        assert session.wait_for_state("ended") == "ended"
        assert not session.errors, session.errors
        assert not session.console_errors, session.console_errors
    finally:
        session.page.close()


def test_save_file_survives_a_reload(published, browser):
    session = open_game(browser, published["save_game"])
    try:
        session.click_start()
        assert session.wait_for_line("new save"), session.console[-20:]
        session.page.keyboard.press("Space")
        session.page.keyboard.press("Space")
        assert session.wait_for_line("saved 2"), session.console[-20:]
        session.console.clear()
        session.page.reload()
        session.click_start()
        assert session.wait_for_line("loaded 2"), session.console[-20:]
    finally:
        session.page.close()


def test_packed_page_uses_relative_urls_only(published, nginx):
    folder = nginx.www / "games" / "async_sprites"
    for name in ("index.html", "loader.js"):
        text = (folder / name).read_text()
        assert "http://" not in text and "https://" not in text, name
        assert 'src="/' not in text and 'href="/' not in text, name
