"""End to end on a phone (Chromium's mobile emulation: touch, a phone's viewport): tap to
start, the on-screen gamepad, several fingers, the phone's keyboard for text, the rotate
hint, and a page that neither scrolls, zooms nor opens menus. Served by nginx."""

import pytest

from tests.e2e import open_game, pack_source

pytestmark = [pytest.mark.runtime, pytest.mark.browser]

# Prints what it gets; T starts text input, Return stops it.
PHONE_GAME = """
import pygame

pygame.init()
screen = pygame.display.set_mode((480, 270))
print("started", flush=True)
clock = pygame.time.Clock()
while True:
    for event in pygame.event.get():
        if event.type == pygame.KEYDOWN:
            print(f"key {pygame.key.name(event.key)}", flush=True)
            if event.key == pygame.K_t:
                pygame.key.start_text_input()
            elif event.key == pygame.K_RETURN:
                pygame.key.stop_text_input()
        elif event.type == pygame.KEYUP:
            print(f"up {pygame.key.name(event.key)}", flush=True)
        elif event.type == pygame.TEXTINPUT:
            print(f"text {event.text}", flush=True)
        elif event.type == pygame.FINGERDOWN:
            print(f"finger down {event.finger_id}", flush=True)
    screen.fill((20, 70, 40))
    pygame.display.flip()
    clock.tick(30)
"""
SETTINGS = """orientation = "landscape"
[touch-controls]
left = "left"
right = "right"
a = "space"
b = "t"
start = "return"
"""
PHONE = {"has_touch": True, "is_mobile": True, "device_scale_factor": 2}
LANDSCAPE = {"width": 844, "height": 390}
PORTRAIT = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def url(runtime, nginx, tmp_path_factory):
    game = tmp_path_factory.mktemp("phone") / "game"
    return nginx.publish(pack_source(game, PHONE_GAME, SETTINGS), "phone/game")


@pytest.fixture
def phone(url, browser):
    """The game on a phone held sideways, started with a tap."""
    session = open_game(browser, url, viewport=LANDSCAPE, **PHONE)
    assert session.wait_for_state("ready", timeout=60) == "ready", session.console[-20:]
    yield session
    session.page.close()


class Fingers:
    """Touches on the screen through DevTools, several at once (Playwright taps with one)."""

    def __init__(self, page) -> None:
        self.cdp = page.context.new_cdp_session(page)
        self.down: dict[int, dict] = {}

    def center(self, locator) -> dict:
        box = locator.bounding_box()
        return {"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}

    def press(self, finger: int, point: dict) -> None:
        self.down[finger] = {**point, "id": finger}
        self.cdp.send("Input.dispatchTouchEvent",
                      {"type": "touchStart", "touchPoints": list(self.down.values())})

    def lift(self, finger: int) -> None:
        """Lift one finger (DevTools takes the points that end, the others stay down)."""
        self.cdp.send("Input.dispatchTouchEvent",
                      {"type": "touchEnd", "touchPoints": [self.down.pop(finger)]})


def test_tap_starts_and_the_gamepad_presses_keys(phone):
    page = phone.page
    assert page.get_by_text("Tap to start").is_visible()
    assert not page.get_by_text("Click or press a key").is_visible()
    page.locator("#pl-start").tap()
    assert phone.wait_for_line("started"), phone.console[-20:] + phone.errors
    pad = page.locator("#pl-gamepad")
    assert pad.is_visible()
    assert pad.locator("button").count() == 5
    pad.locator("[data-button=a]").tap()
    assert phone.wait_for_line("key space"), phone.console[-20:]
    assert phone.wait_for_line("up space"), phone.console[-20:]
    # Hold left, then press A with a second finger, then let go of both.
    fingers = Fingers(page)
    phone.console.clear()
    fingers.press(1, fingers.center(pad.locator("[data-button=left]")))
    assert phone.wait_for_line("key left"), phone.console[-20:]
    fingers.press(2, fingers.center(pad.locator("[data-button=a]")))
    assert phone.wait_for_line("key space"), phone.console[-20:]
    assert not phone.lines("up left"), "left was let go while still held"
    fingers.lift(2)
    assert phone.wait_for_line("up space"), phone.console[-20:]
    fingers.lift(1)
    assert phone.wait_for_line("up left"), phone.console[-20:]
    assert not phone.errors, phone.errors


def test_a_quick_tap_holds_its_key_long_enough_for_a_frame(phone):
    """A game reading key.get_pressed() once a frame saw no key from a tap shorter than its
    frame: the gamepad holds a key at least 100 ms, and a new tap first lets it go."""
    page = phone.page
    page.locator("#pl-start").tap()
    assert phone.wait_for_line("started"), phone.console[-20:]
    page.evaluate("""() => { window.padKeys = [];
        for (const type of ["keydown", "keyup"]) document.body.addEventListener(type,
            e => { if (e.code === "Space") padKeys.push([type, performance.now()]); }); }""")
    fingers = Fingers(page)
    button = fingers.center(page.locator("[data-button=a]"))
    fingers.press(1, button)
    fingers.lift(1)  # at once: a few milliseconds
    page.wait_for_function("padKeys.length === 2")
    (down, pressed), (up, released) = page.evaluate("padKeys")
    assert (down, up) == ("keydown", "keyup")
    assert released - pressed >= 95, released - pressed
    fingers.press(1, button)
    fingers.lift(1)
    fingers.press(1, button)  # within the first tap's 100 ms, then held
    page.wait_for_function("padKeys.length === 5")
    page.wait_for_timeout(300)  # past the first tap's 100 ms: the held key stays down
    assert [kind for kind, _ in page.evaluate("padKeys")] == [
        "keydown", "keyup", "keydown", "keyup", "keydown"]
    fingers.lift(1)
    page.wait_for_function("padKeys.length === 6")
    page.wait_for_timeout(200)
    assert page.evaluate("padKeys.length") == 6
    assert not phone.errors, phone.errors


def test_several_fingers_reach_the_game_as_touches(phone):
    page = phone.page
    page.locator("#pl-start").tap()
    assert phone.wait_for_line("started"), phone.console[-20:]
    canvas = page.locator("#canvas").bounding_box()
    fingers = Fingers(page)
    fingers.press(1, {"x": canvas["x"] + 100, "y": canvas["y"] + 100})
    fingers.press(2, {"x": canvas["x"] + 300, "y": canvas["y"] + 150})
    assert phone.wait_for_line("finger down", timeout=5), phone.console[-20:]
    page.wait_for_timeout(300)
    assert len(phone.lines("finger down")) == 2, phone.console[-20:]
    fingers.lift(2)
    fingers.lift(1)


def test_the_page_does_not_scroll_zoom_or_open_menus(phone):
    page = phone.page
    page.locator("#pl-start").tap()
    assert phone.wait_for_line("started"), phone.console[-20:]
    touch_action = "id => getComputedStyle(document.getElementById(id)).touchAction"
    assert page.evaluate(touch_action, "pl-stage") == "none"
    assert page.evaluate(touch_action, "canvas") == "none"
    assert page.evaluate("document.scrollingElement.scrollHeight <= innerHeight")
    long_press = """id => document.getElementById(id).dispatchEvent(
        new MouseEvent("contextmenu", {bubbles: true, cancelable: true}))"""
    assert page.evaluate(long_press, "pl-stage") is False  # default prevented: no menu
    assert page.evaluate(long_press, "canvas") is False
    assert page.evaluate("getComputedStyle(document.getElementById('pl-stage'))"
                         ".userSelect") == "none"


def test_the_phone_keyboard_types_into_a_game_that_asks_for_text(phone):
    page = phone.page
    page.locator("#pl-start").tap()
    assert phone.wait_for_line("started"), phone.console[-20:]
    active = "document.activeElement && document.activeElement.id"
    page.locator("[data-button=b]").tap()  # T: the game starts text input
    assert phone.wait_for_line("key t"), phone.console[-20:]
    page.wait_for_function(f"{active} === 'pl-text-input'")
    page.keyboard.insert_text("hé")  # as a phone keyboard types: input events, no keys
    assert phone.wait_for_line("text é"), phone.console[-20:]
    assert phone.lines("text ") == ["text h", "text é"]
    page.locator("[data-button=start]").tap()  # Return: the game stops text input
    assert phone.wait_for_line("key return"), phone.console[-20:]
    page.wait_for_function(f"{active} === 'canvas'")


def test_the_keyboard_button_types_keys_into_a_game_that_reads_them(phone):
    """A game that reads typed keys but never asks for text (a word game, a name entry)
    gets a keyboard button; letters, digits and spaces come as keys and as text."""
    page = phone.page
    page.locator("#pl-start").tap()
    assert phone.wait_for_line("started"), phone.console[-20:]
    active = "document.activeElement && document.activeElement.id"
    button = page.locator("#pl-keyboard")
    assert button.is_visible()
    button.tap()
    page.wait_for_function(f"{active} === 'pl-text-input'")
    phone.console.clear()
    page.keyboard.insert_text("Hi 7!")  # as a phone keyboard types: input events, no keys
    assert phone.wait_for_line("text !"), phone.console[-20:]
    assert phone.lines("key ") == ["key h", "key i", "key space", "key 7"], phone.console
    assert phone.lines("text ") == ["text H", "text i", "text  ", "text 7", "text !"]
    assert phone.lines("up ") == ["up h", "up i", "up space", "up 7"]
    phone.console.clear()
    page.keyboard.press("Backspace")  # a key with its own code: SDL has it, sent once
    assert phone.wait_for_line("up backspace"), phone.console[-20:]
    # A phone's Backspace (Android): no key code, only the field losing a character.
    page.evaluate("""() => {
        const field = document.getElementById("pl-text-input");
        field.value = "";
        field.dispatchEvent(new InputEvent("input", {inputType: "deleteContentBackward"}));
    }""")
    page.wait_for_function("document.getElementById('pl-text-input').value === ' '")
    for _ in range(100):
        if len(phone.lines("key backspace")) >= 2:
            break
        page.wait_for_timeout(100)
    assert len(phone.lines("key backspace")) == 2, phone.console[-20:]
    button.tap()  # the keyboard goes away, the keys are the game's again
    page.wait_for_function(f"{active} === 'canvas'")
    assert not phone.errors, phone.errors


def test_held_the_wrong_way_the_phone_is_asked_to_turn(url, browser):
    session = open_game(browser, url, viewport=PORTRAIT, **PHONE)
    hint = session.page.locator("#pl-rotate")
    try:
        hint.wait_for()
        assert hint.inner_text() == "Turn your phone sideways to play"
        session.page.set_viewport_size(LANDSCAPE)
        hint.wait_for(state="hidden")
    finally:
        session.page.close()
    desktop = open_game(browser, url, viewport={"width": 600, "height": 800})
    try:
        assert desktop.wait_for_state("ready", timeout=60) == "ready"
        assert not desktop.page.locator("#pl-rotate").is_visible()
        assert desktop.page.get_by_text("Click or press a key to start").is_visible()
    finally:
        desktop.page.close()
