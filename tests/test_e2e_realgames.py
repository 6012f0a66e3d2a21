"""Real third-party games run as their authors wrote them: each game of tests/realgames is
packed with the real command line, served by nginx under a sub-path and played in Chromium
for a few seconds, with the keys it uses, without an error.

Where each game comes from and what it exercises: the README's "Real games" table.
"""

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e import REPO, open_game, pack

pytestmark = [pytest.mark.runtime, pytest.mark.browser, pytest.mark.usefixtures("runtime")]

REALGAMES = REPO / "tests" / "realgames"
HOLD_MS = 200  # games reading pygame.key.get_pressed() or mouse.get_pressed() need held input


@dataclass(frozen=True)
class Game:
    folder: str
    main: str | None = None  # --main: the pygame-ce examples share one folder, not one entry
    animates: bool = True  # frames change with no input; else the input must change them
    keys: tuple[str, ...] = ()  # pressed in turn, each held HOLD_MS
    click: tuple[int, int] | None = None  # clicked before the keys, in the game's pixels
    ends: bool = False  # may end by itself during the run (body[data-state=ended])
    runtime: str | None = None  # the runtime variant pack must choose, where it matters

    @property
    def name(self) -> str:
        return Path(self.main).stem if self.main else self.folder


GAMES = [
    # The player is hit sooner or later: the round ends and main() returns.
    Game("pygame_ce_examples", "aliens.py", keys=("ArrowLeft", "Space", "ArrowRight", "Space"),
         ends=True),
    Game("pygame_ce_examples", "chimp.py", click=(200, 60)),  # a click punches the chimp
    Game("pygame_ce_examples", "stars.py", click=(100, 100)),  # a click moves the centre
    Game("pygame_ce_examples", "moveit.py", keys=("ArrowUp", "ArrowLeft")),
    Game("pygame_ce_examples", "textinput.py", keys=("KeyH", "KeyI", "Enter")),
    Game("pygame_ce_examples", "liquid.py", keys=("Space",), ends=True),  # any key quits
    # numpy and pygame.surfarray: a new gradient every 500 ms, waiting in event.wait()
    Game("pygame_ce_examples", "vgrade.py", runtime="python-asyncify-numpy"),
    # Written with asyncio for pygbag: the lighter plain runtime, though its pipes have a
    # tick() method like Clock's.
    Game("flappybird", keys=("Space", "ArrowUp", "Space"), runtime="python"),
    # Static title screen ("Press a key to begin") until a key goes up.
    Game("kcc_shmup", animates=False, keys=("Space", "ArrowLeft", "Space", "ArrowRight")),
    Game("kcc_jumpy", animates=False, keys=("Space", "ArrowLeft", "Space", "ArrowRight")),
    Game("kcc_snake", keys=("ArrowUp", "ArrowLeft", "ArrowDown")),  # Space would pause it
    # The car stands still until Up (accelerate) is held.
    Game("kcc_race", animates=False, keys=("ArrowUp", "ArrowUp", "ArrowLeft", "ArrowUp")),
    # A static menu: the START button (drawn at 270,170, 261x99) starts the level.
    Game("russ_shooter", animates=False, click=(400, 220),
         keys=("KeyD", "KeyW", "Space", "KeyA")),
    Game("dfp_shadows", keys=("KeyD", "KeyS")),
    Game("dfp_grass", keys=("KeyE",)),
    # A static menu: Enter opens "Play", Enter on its "Start" starts the game.
    Game("pygame_menu_selector", animates=False, keys=("ArrowDown", "ArrowUp", "Enter", "Enter")),
]


@pytest.fixture(scope="module")
def games_copy(tmp_path_factory) -> Path:
    """A copy of tests/realgames to pack (nothing is ever written into the original)."""
    copy = tmp_path_factory.mktemp("realgames") / "games"
    shutil.copytree(REALGAMES, copy)
    return copy


def hold_click(session, x: int, y: int) -> None:
    """A held click at (x, y) in the game's pixels (the canvas is scaled to the page)."""
    canvas = session.page.locator("#canvas")
    box = canvas.bounding_box()
    width, height = canvas.evaluate("canvas => [canvas.width, canvas.height]")
    session.page.mouse.move(box["x"] + x * box["width"] / width,
                            box["y"] + y * box["height"] / height)
    session.page.mouse.down()
    session.page.wait_for_timeout(HOLD_MS)
    session.page.mouse.up()


def drawn(session) -> str:
    """What the game has drawn: the canvas's own pixels (a screenshot would also catch the
    page's buttons fading in and out over it)."""
    return session.page.locator("#canvas").evaluate("canvas => canvas.toDataURL()")


def frames_advance(session, seconds: float = 5.0) -> bool:
    """True when the canvas changes within `seconds`."""
    first = drawn(session)
    for _ in range(int(seconds / 0.3)):
        session.page.wait_for_timeout(300)
        if drawn(session) != first:
            return True
    return False


@pytest.mark.parametrize("game", GAMES, ids=[game.name for game in GAMES])
def test_real_game_plays_without_error(game, games_copy, tmp_path, nginx, browser):
    options = ["--main", game.main] if game.main else []
    result = pack(games_copy / game.folder, "--out", str(tmp_path / "web"), *options)
    assert result.returncode == 0, result.stderr
    if game.runtime:
        assert result.stdout.rstrip().endswith(f"runtime: {game.runtime}"), result.stdout
    session = open_game(browser, nginx.publish(tmp_path / "web", f"realgames/{game.name}"))

    def report() -> str:
        return "\n".join([f"state {session.state()}", *session.errors, *session.console[-30:]])

    try:
        session.click_start()
        assert session.state() == "running", report()
        session.page.wait_for_function(
            "performance.getEntriesByName('pl:first-frame').length", timeout=30_000)
        if game.animates:
            assert frames_advance(session), "frames do not advance\n" + report()
        before = drawn(session)
        if game.click:
            hold_click(session, *game.click)
        for key in game.keys:
            session.page.keyboard.down(key)
            session.page.wait_for_timeout(HOLD_MS)
            session.page.keyboard.up(key)
            session.page.wait_for_timeout(HOLD_MS)
        session.page.wait_for_timeout(1500)
        if not game.animates:
            assert drawn(session) != before, "the input changed nothing\n" + report()
        assert session.state() in (("running", "ended") if game.ends else ("running",)), report()
        assert not session.errors, report()
        assert not [line for line in session.console_errors if "Traceback" in line], report()
    finally:
        session.page.close()


def test_a_keyboard_only_game_gets_a_gamepad_on_a_phone(games_copy, tmp_path, nginx, browser):
    """kcc_shmup reads only keys and its folder names no touch-controls: pack guesses a
    gamepad from its keys, and on a phone the gamepad's A (Space) leaves its title screen (the
    game reads Space's key-up); the d-pad then plays on without an error."""
    result = pack(games_copy / "kcc_shmup", "--out", str(tmp_path / "web"))
    assert result.returncode == 0, result.stderr
    assert ('phones: an on-screen gamepad for the keys the game reads, as if its config said '
            'touch-controls = {left = "left", right = "right", a = "space"}') in result.stdout
    session = open_game(browser, nginx.publish(tmp_path / "web", "realgames/shmup-phone"),
                        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = session.page
    try:
        assert session.wait_for_state("ready", timeout=60) == "ready", session.console[-20:]
        page.locator("#pl-start").tap()
        page.wait_for_function(
            "performance.getEntriesByName('pl:first-frame').length", timeout=30_000)
        pad = page.locator("#pl-gamepad")
        assert pad.is_visible()
        assert [button.get_attribute("data-button") for button in
                pad.locator("button").all()] == ["left", "right", "a"]
        title = drawn(session)
        page.wait_for_timeout(1000)
        assert drawn(session) == title, "the title screen is not static"
        pad.locator("[data-button=a]").tap()
        assert frames_advance(session), "A (Space) did not start the game"
        pad.locator("[data-button=right]").tap()
        page.wait_for_timeout(500)
        assert session.state() == "running"
        assert not session.errors, session.errors
        assert not [line for line in session.console_errors if "Traceback" in line]
    finally:
        page.close()
