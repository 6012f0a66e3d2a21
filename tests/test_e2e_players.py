"""End to end, as players meet a game: in an itch.io-like cross-site iframe, with pointer
lock, fullscreen, Play again, a hidden tab, and the page's sizing modes; served by nginx."""

import pytest

from tests.e2e import PlaySession, open_game, pack_source

pytestmark = [pytest.mark.runtime, pytest.mark.browser]

# Prints what it gets; counts its plays in a saved file; R asks for relative mouse mode,
# G for a grab with a hidden cursor, C crashes, Escape ends it.
PLAYER_GAME = """
import pygame

try:
    with open("plays.txt") as file:
        plays = int(file.read())
except FileNotFoundError:
    plays = 0
with open("plays.txt", "w") as file:
    file.write(str(plays + 1))
print(f"play {plays + 1}", flush=True)
pygame.init()
screen = pygame.display.set_mode((320, 240))
print("started", flush=True)
clock = pygame.time.Clock()
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.KEYDOWN:
            print(f"key {pygame.key.name(event.key)}", flush=True)
            if event.key == pygame.K_ESCAPE:
                running = False
            elif event.key == pygame.K_r:
                pygame.mouse.set_relative_mode(True)
            elif event.key == pygame.K_g:
                pygame.mouse.set_visible(False)
                pygame.event.set_grab(True)
            elif event.key == pygame.K_c:
                raise RuntimeError("crashed on request")
        elif event.type == pygame.KEYUP:
            print(f"up {pygame.key.name(event.key)}", flush=True)
        elif event.type == pygame.MOUSEBUTTONDOWN:
            print(f"click {event.pos[0]} {event.pos[1]}", flush=True)
        elif event.type == pygame.MOUSEMOTION:
            print(f"motion {event.rel[0]} {event.rel[1]}", flush=True)
        elif event.type == pygame.MOUSEWHEEL:
            print(f"wheel {event.x} {event.y}", flush=True)
    screen.fill((30, 60, 90))
    pygame.display.flip()
    clock.tick(30)
print("game over", flush=True)
"""

# A tone that loops until the page closes.
TONE = """
import array
import math
import pygame

pygame.mixer.pre_init(22050, -16, 1)
pygame.init()
screen = pygame.display.set_mode((160, 120))
wave = array.array("h", (int(4000 * math.sin(2 * math.pi * 440 * i / 22050))
                         for i in range(22050)))
pygame.mixer.Sound(buffer=wave).play(loops=-1)
print("playing", flush=True)
clock = pygame.time.Clock()
while True:
    pygame.event.get()
    pygame.display.flip()
    clock.tick(30)
"""

# A RESIZABLE 640x360 window that reports its size and each resize.
RESIZABLE = """
import pygame

pygame.init()
screen = pygame.display.set_mode((640, 360), pygame.RESIZABLE)
print(f"size {screen.get_width()} {screen.get_height()}", flush=True)
clock = pygame.time.Clock()
while True:
    for event in pygame.event.get():
        if event.type == pygame.VIDEORESIZE:
            surface = pygame.display.get_surface()
            print(f"resized {event.w} {event.h} surface {surface.get_width()} "
                  f"{surface.get_height()}", flush=True)
    screen.fill((90, 30, 30))
    pygame.display.flip()
    clock.tick(30)
"""

GAMES = {
    "player": (PLAYER_GAME, ""),
    "tone": (TONE, ""),
    "tone-background": (TONE, "background-audio = true\n"),
    "fit": (RESIZABLE, 'resize = "fit"\n'),
    "fill": (RESIZABLE, 'resize = "fill"\n'),
}
AUDIO_STATE = "PygbagLike.page.module.SDL2.audioContext.state"
# The parent page of an itch.io-like embed: the game in an iframe of another site.
PARENT_PAGE = """<!doctype html>
<meta charset="utf-8">
<title>A game page</title>
<body style="margin: 0; background: #eee">
<p id="outside" style="height: 80px; margin: 0">The jam page around the game</p>
<iframe id="game" src="{url}" width="640" height="480" allow="autoplay; fullscreen"
  style="border: 0"></iframe>
</body>
"""


@pytest.fixture(scope="module")
def published(runtime, nginx, tmp_path_factory):
    """Each game packed by the real CLI and published below /players/<name>/ on nginx."""
    folder = tmp_path_factory.mktemp("players")
    return {name: nginx.publish(pack_source(folder / name, source, settings), f"players/{name}")
            for name, (source, settings) in GAMES.items()}


@pytest.fixture
def embedded(published, nginx, browser):
    """The player game in an iframe on a page of another site (localhost vs 127.0.0.1),
    as itch.io embeds games from its own CDN: (session, the game's frame)."""
    parent = nginx.www / "embed"
    parent.mkdir(exist_ok=True)
    (parent / "index.html").write_text(PARENT_PAGE.format(url=published["player"]))
    session = open_game(browser, f"http://localhost:{nginx.port}/embed/index.html")
    frame = session.page.frame_locator("#game")
    yield session, frame
    session.page.close()


def frame_state(session: PlaySession, states: list[str]) -> str:
    """Wait until the game frame's body[data-state] is one of `states`; return it."""
    game = session.page.frame(url=lambda url: "/players/player/" in url)
    game.wait_for_function("states => states.includes(document.body.dataset.state)",
                           arg=states, timeout=60000)
    return game.evaluate("document.body.dataset.state")


def test_keys_reach_a_game_in_a_cross_site_iframe_after_a_click_outside(embedded):
    session, frame = embedded
    assert frame_state(session, ["ready"]) == "ready"
    frame.locator("#pl-start").click()
    assert session.wait_for_line("started"), session.console[-20:]
    session.page.keyboard.press("Space")
    assert session.wait_for_line("key space"), session.console[-20:]
    for attempt in range(2):
        session.page.locator("#outside").click()  # the parent page has the keys now
        session.console.clear()
        frame.locator("#canvas").click(position={"x": 100, "y": 100})
        assert session.wait_for_line("click "), session.console[-20:]
        session.page.keyboard.press("Space")
        assert session.wait_for_line("key space", timeout=5), (attempt, session.console[-20:])
    assert not session.errors, session.errors


def test_a_cross_site_iframe_without_storage_tells_the_player_once(embedded):
    session, frame = embedded
    frame_state(session, ["ready"])
    frame.locator("#pl-start").click()
    assert session.wait_for_line("play 1"), session.console[-20:]
    notices = frame.locator("#pl-notice p")
    notices.first.wait_for()
    assert notices.count() == 1
    assert "will not be kept" in notices.first.inner_text()
    assert frame.locator("#pl-notice").is_visible()


def moved_while_locked(session) -> bool:
    """Move the locked mouse until the game sees a MOUSEMOTION. One move right after the lock
    was not seen once in CI under load (not reproduced here in 8 runs beside 3 busy loops), so
    a few moves are made, as a player's hand would; none seen in 20 s still fails."""
    for step in range(1, 6):
        session.page.mouse.move(400 + 20 * step, 300 + 10 * step)
        if session.wait_for_line("motion ", timeout=4):
            return True
    return False


def test_pointer_lock_on_click_released_by_escape_not_seen_by_the_game(published, browser):
    session = open_game(browser, published["player"])
    page = session.page
    locked = "document.pointerLockElement && document.pointerLockElement.id"
    try:
        session.click_start()
        assert session.wait_for_line("started"), session.console[-20:]
        page.keyboard.press("KeyR")  # pygame.mouse.set_relative_mode(True)
        assert session.wait_for_line("key r"), session.console[-20:]
        page.mouse.click(400, 300)
        page.wait_for_function(locked)
        assert page.evaluate(locked) == "canvas"
        session.console.clear()
        assert moved_while_locked(session), (session.console[-20:], session.errors)
        page.keyboard.press("Escape")
        page.wait_for_function(f"!({locked})")
        page.keyboard.press("Space")  # comes after any Escape the game would have got
        assert session.wait_for_line("key space"), (session.console[-20:], session.errors)
        assert not session.lines("key escape"), "the Escape that freed the mouse went on"
        page.mouse.click(400, 300)  # the game still wants the mouse: locked again
        page.wait_for_function(locked)
        assert session.state() == "running"
    finally:
        page.close()


def test_the_wheel_scrolls_by_steps_both_ways(published, browser):
    """A step of the wheel or a trackpad swipe of 100 pixels is one step, sideways too (SDL
    2.26 gave the horizontal one in pixels: 100; fixed by sdl2-emscripten-wheel-x.patch)."""
    session = open_game(browser, published["player"])
    try:
        session.click_start()
        assert session.wait_for_line("started"), session.console[-20:]
        session.page.mouse.move(200, 200)
        session.page.mouse.wheel(0, 100)  # down
        assert session.wait_for_line("wheel "), session.console[-20:]
        assert session.lines("wheel ") == ["wheel 0 -1"], session.console[-20:]
        session.console.clear()
        session.page.mouse.wheel(100, 0)  # right
        assert session.wait_for_line("wheel "), session.console[-20:]
        assert session.lines("wheel ") == ["wheel 1 0"], session.console[-20:]
    finally:
        session.page.close()


def test_grab_with_a_hidden_cursor_locks_the_pointer(published, browser):
    session = open_game(browser, published["player"])
    try:
        session.click_start()
        assert session.wait_for_line("started"), session.console[-20:]
        session.page.keyboard.press("KeyG")  # mouse.set_visible(False); event.set_grab(True)
        assert session.wait_for_line("key g")
        session.page.mouse.click(400, 300)
        session.page.wait_for_function("document.pointerLockElement !== null")
        assert session.state() == "running", session.console[-20:]
    finally:
        session.page.close()


def test_the_first_escape_only_leaves_fullscreen(published, browser):
    session = open_game(browser, published["player"])
    page = session.page
    try:
        session.click_start()
        assert session.wait_for_line("started"), session.console[-20:]
        page.mouse.move(300, 300)  # the button shows while the mouse moves
        page.locator("#pl-fullscreen").click()
        page.wait_for_function("document.fullscreenElement !== null")
        page.keyboard.press("Escape")
        page.wait_for_function("document.fullscreenElement === null")
        page.keyboard.press("Space")
        assert session.wait_for_line("key space")
        assert not session.lines("key escape") and not session.lines("up escape")
        assert session.state() == "running"
        page.keyboard.press("Escape")  # not fullscreen now: the game's
        assert session.wait_for_line("game over"), session.console[-20:]
        assert session.wait_for_state("ended") == "ended"
    finally:
        page.close()


# What SDL, emscripten and saves.js listen to on the window and the document.
RUNTIME_EVENTS = {"keydown", "keyup", "keypress", "mouseup", "resize", "focus", "blur",
                  "visibilitychange", "fullscreenchange", "pointerlockchange", "beforeunload",
                  "pagehide"}


def window_listeners(page) -> list[str]:
    """The listeners on `window` and `document` for RUNTIME_EVENTS (DevTools' view)."""
    cdp = page.context.new_cdp_session(page)
    types = []
    for target in ("window", "document"):
        handle = cdp.send("Runtime.evaluate", {"expression": target})["result"]["objectId"]
        listeners = cdp.send("DOMDebugger.getEventListeners", {"objectId": handle})
        types += [f"{target} {listener['type']}" for listener in listeners["listeners"]
                  if listener["type"] in RUNTIME_EVENTS]
    cdp.detach()
    return sorted(types)


def test_play_again_restarts_without_downloading_and_keeps_saving(published, browser):
    session = open_game(browser, "about:blank")
    page = session.page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(published["player"])
    again = page.locator("#pl-again")
    try:
        session.click_start()
        assert session.wait_for_line("play 1"), session.console[-20:]
        assert not again.is_visible()
        page.keyboard.press("KeyA")
        page.locator("#canvas").click()
        assert session.wait_for_line("click "), session.console[-20:]
        first_run_listeners = window_listeners(page)
        assert "window keyup" in first_run_listeners  # SDL's
        page.keyboard.press("Escape")
        assert session.wait_for_state("ended") == "ended"
        downloaded = list(requests)
        assert any(url.endswith(".wasm") for url in downloaded)
        requests.clear()
        again.click()
        assert session.wait_for_line("play 2"), session.console[-20:]  # the save was kept
        assert session.wait_for_state("running") == "running"
        page.keyboard.press("KeyA")
        assert session.wait_for_line("key a"), session.console[-20:]
        page.keyboard.press("KeyC")  # a crash: Play again from the error overlay too
        assert session.wait_for_state("failed") == "failed"
        assert "crashed on request" in page.locator("#pl-error-text").inner_text()
        again.click()
        assert session.wait_for_line("play 3"), session.console[-20:]
        assert session.wait_for_state("running") == "running"
        assert not page.locator("#pl-error").is_visible()
        session.console.clear()
        page.keyboard.press("KeyB")
        page.locator("#canvas").click()
        assert session.wait_for_line("click "), session.console[-20:]
        assert session.lines("key b") == ["key b"]
        assert window_listeners(page) == first_run_listeners, "the old games' listeners stayed"
        assert requests == [], f"Play again downloaded: {requests}"
        assert not session.errors, session.errors
    finally:
        page.close()


HIDE = """hidden => {
  Object.defineProperty(document, "visibilityState", {configurable: true,
    get: () => hidden ? "hidden" : "visible"});
  Object.defineProperty(document, "hidden", {configurable: true, get: () => hidden});
  document.dispatchEvent(new Event("visibilitychange"));
}"""


@pytest.mark.parametrize(("game", "paused"), [("tone", True), ("tone-background", False)])
def test_sound_pauses_while_the_page_is_hidden(published, browser, game, paused):
    session = open_game(browser, published[game])
    page = session.page
    try:
        session.click_start()
        assert session.wait_for_line("playing"), session.console[-20:] + session.errors
        page.wait_for_function(f"{AUDIO_STATE} === 'running'")
        page.evaluate(HIDE, True)
        if paused:
            page.wait_for_function(f"{AUDIO_STATE} === 'suspended'")
        else:
            page.wait_for_timeout(500)
            assert page.evaluate(AUDIO_STATE) == "running"
        page.evaluate(HIDE, False)
        page.wait_for_function(f"{AUDIO_STATE} === 'running'")
    finally:
        page.close()


def test_a_resizable_game_keeps_its_size_with_fit(published, browser):
    session = open_game(browser, published["fit"])
    try:
        session.click_start()
        assert session.wait_for_line("size "), session.console[-20:] + session.errors
        assert session.lines("size ") == ["size 640 360"]
        canvas = session.page.evaluate("[canvas.width, canvas.height, canvas.clientWidth, "
                                       "canvas.clientHeight]")
        assert canvas == [640, 360, 800, 450], canvas  # scaled to the 800x600 page
        session.page.set_viewport_size({"width": 700, "height": 500})
        session.page.wait_for_function("canvas.clientWidth === 700")
        assert session.page.evaluate("[canvas.width, canvas.height]") == [640, 360]
        assert not session.lines("resized ")
    finally:
        session.page.close()


def test_a_resizable_game_gets_the_page_size_and_resize_events_with_fill(published, browser):
    session = open_game(browser, published["fill"])
    try:
        session.click_start()
        assert session.wait_for_line("size "), session.console[-20:] + session.errors
        assert session.lines("size ") == ["size 800 600"]
        session.page.set_viewport_size({"width": 700, "height": 500})
        assert session.wait_for_line("resized 700 500"), session.console[-20:]
        assert session.lines("resized ")[-1] == "resized 700 500 surface 700 500"
        assert session.page.evaluate("[canvas.width, canvas.height]") == [700, 500]
    finally:
        session.page.close()


def test_the_fullscreen_button_is_a_drawing_and_hides_while_playing(published, browser):
    session = open_game(browser, published["player"])
    page = session.page
    button = page.locator("#pl-fullscreen")
    opacity = "getComputedStyle(document.getElementById('pl-fullscreen')).opacity"
    try:
        assert button.locator("svg").count() == 1
        assert button.inner_text().strip() == ""  # no font glyph to miss
        session.click_start()
        assert session.wait_for_line("started"), session.console[-20:]
        page.wait_for_function(f"{opacity} === '0'", timeout=10000)  # the mouse rests
        page.mouse.move(200, 200)
        page.mouse.move(220, 210)
        page.wait_for_function(f"{opacity} === '1'")
    finally:
        page.close()


def test_no_context_menu_anywhere_on_the_game_area(published, browser):
    session = open_game(browser, published["fit"])  # 800x450 on an 800x600 page: bars
    page = session.page
    try:
        session.click_start()
        assert session.wait_for_line("size "), session.console[-20:]
        page.evaluate("window.menus = []; addEventListener('contextmenu', "
                      "e => menus.push(e.defaultPrevented))")
        page.mouse.click(400, 300, button="right")  # on the canvas
        page.mouse.click(400, 20, button="right")  # on the bar above it
        page.wait_for_function("menus.length === 2")
        assert page.evaluate("menus") == [True, True]
    finally:
        page.close()
