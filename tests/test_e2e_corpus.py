"""Desktop-style games run unmodified: each corpus game is packed, served and played.

The corpus (tests/corpus/) has one game per loop structure; see its README.
"""

import shutil

import pytest

from tests.e2e import REPO, open_game, pack

pytestmark = [pytest.mark.runtime, pytest.mark.browser]

CORPUS = REPO / "tests" / "corpus"
PLAYABLE = ["module_loop", "main_function", "sequential_loops", "nested_loops", "game_class",
            "imported_loop", "sys_exit_in_loop", "asyncio_game", "time_sleep_loop",
            "event_wait", "tick_rate"]


@pytest.fixture(scope="module")
def packed(runtime, nginx, tmp_path_factory):
    """name -> (URL on nginx, pack's stdout+stderr) for every corpus game."""
    results = {}
    for name in [*PLAYABLE, "unsupported_loop"]:
        game = tmp_path_factory.mktemp("corpus") / name
        shutil.copytree(CORPUS / name, game)
        result = pack(game)
        assert result.returncode == 0, result.stderr
        results[name] = (nginx.publish(game / "build" / "web", f"corpus/{name}"),
                         result.stdout + result.stderr)
    return results


@pytest.mark.parametrize("name", PLAYABLE)
def test_desktop_game_runs_unmodified(packed, browser, name):
    url, output = packed[name]
    expected_runtime = "python" if name == "asyncio_game" else "python-asyncify"
    assert f"runtime: {expected_runtime}\n" in output
    session = open_game(browser, url)
    try:
        session.click_start()
        assert session.wait_for_line("started"), session.console[-20:] + session.errors
        assert session.canvas_changes(), "frames do not advance"
        session.page.keyboard.press("KeyA")
        assert session.wait_for_line("key a"), session.console[-20:]
        session.page.locator("#canvas").click(position={"x": 40, "y": 40})
        assert session.wait_for_line("click "), session.console[-20:]
        assert session.wait_for_line("game over", timeout=40), session.console[-20:]
        assert session.wait_for_state("ended", "failed") == "ended", session.console[-20:]
        assert not session.errors and not session.console_errors, (
            session.errors + session.console_errors)
    finally:
        session.page.close()


def test_space_moves_a_multi_phase_game_along(packed, browser):
    session = open_game(browser, packed["sequential_loops"][0])
    try:
        session.click_start()
        assert session.wait_for_line("phase title")
        session.page.keyboard.press("Space")
        assert session.wait_for_line("phase play", timeout=5), session.console[-20:]
    finally:
        session.page.close()


def test_clock_tick_keeps_the_asked_rate_and_ticks_are_milliseconds(packed, browser):
    session = open_game(browser, packed["tick_rate"][0])
    try:
        session.click_start()
        assert session.wait_for_line("fps ", timeout=30), session.console[-20:]
        assert session.wait_for_line("ticks "), session.console[-20:]  # printed after fps
        fps = float(session.lines("fps ")[-1].split()[1])
        ticks = int(session.lines("ticks ")[-1].split()[1])
        assert 27.0 <= fps <= 33.0, fps  # asked for 30, within 10%
        assert 5000 <= ticks <= 60000, ticks  # 180 frames at 30 FPS is 6 s
    finally:
        session.page.close()


def test_set_timer_events_arrive(packed, browser):
    session = open_game(browser, packed["event_wait"][0])
    try:
        session.click_start()
        assert session.wait_for_line("timer 5", timeout=10), session.console[-20:]
    finally:
        session.page.close()


def test_loop_without_yield_point_gets_a_warning_with_file_and_line(packed):
    _, output = packed["unsupported_loop"]
    source = (CORPUS / "unsupported_loop" / "main.py").read_text().splitlines()
    warnings = [line for line in output.splitlines() if "never gives control back" in line]
    assert warnings, output
    location = warnings[0].split("warning: ")[1].split(":")
    assert location[0] == "main.py"
    assert source[int(location[1]) - 1].lstrip().startswith("while")
