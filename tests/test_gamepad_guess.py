"""The on-screen gamepad guessed for a game whose config names none: which keys and pointer
input its code reads (keyuse.py), and the buttons those keys get (touchcontrols.py)."""

import ast
from pathlib import Path

import pytest

from pygbag_like.keyuse import InputUse, input_use, key_name
from pygbag_like.touchcontrols import guessed_controls, touch_controls_for, touch_keyboard_for

REAL_GAMES = Path(__file__).parent / "realgames"


def use_of(*sources: str) -> InputUse:
    return input_use(ast.parse(source) for source in sources)


def real_game(name: str) -> InputUse:
    return input_use(ast.parse(path.read_text(encoding="utf-8", errors="replace"))
                     for path in sorted((REAL_GAMES / name).rglob("*.py")))


def test_modules_in_any_order_give_the_keys_in_a_fixed_order() -> None:
    modules = ["if k[K_z]: pass\n", "if k[K_x]: pass\n", "if k[K_c]: pass\n"]
    assert use_of(*modules).keys == ("z", "x", "c")
    assert use_of(*reversed(modules)).keys == ("c", "x", "z")  # pack gives them sorted


@pytest.mark.parametrize(("constant", "name"), [
    ("K_a", "a"), ("K_7", "7"), ("K_SPACE", "space"), ("K_RETURN", "return"),
    ("K_LSHIFT", "left shift"), ("K_PAGEUP", "page up"), ("K_F11", "f11"),
    ("K_LEFTBRACKET", "["), ("K_KP_ENTER", None), ("K_AUDIOPLAY", None), ("KEYDOWN", None),
])
def test_key_constants_by_pygame_name(constant: str, name: str | None) -> None:
    assert key_name(constant) == name


def test_keys_most_named_first_and_pointer_reads() -> None:
    use = use_of("import pygame\n"
                 "keys = pygame.key.get_pressed()\n"
                 "if keys[pygame.K_LEFT] or keys[pygame.K_LEFT]: pass\n",
                 "from pygame.locals import *\nif event.key == K_SPACE: pass\n")
    assert use == InputUse(keys=("left", "space"), pointer=False)
    for reads_pointer in ("if event.type == pygame.MOUSEBUTTONDOWN: pass",
                          "if e.type == FINGERDOWN: pass",
                          "x, y = pygame.mouse.get_pos()",
                          "from pygame import mouse\nmouse.get_pressed()",
                          "import pygame_gui"):
        assert use_of(reads_pointer).pointer, reads_pointer
    assert not use_of("pygame.mouse.set_visible(False)").pointer


@pytest.mark.parametrize("source", [
    "if keys[K_LEFT] or keys[K_a]: x -= 1\nif keys[K_RIGHT] or keys[K_d]: x += 1\n",
    "if event.key in (K_LEFT, K_a): x -= 1\nelif event.key in [K_RIGHT, K_d]: x += 1\n",
    "if event.key == K_LEFT: x -= 1\nelif event.key == K_a: x -= 1\n"
    "if event.key == K_d: x += 1\n",
    "MOVES = {K_LEFT: -1, K_a: -1, K_RIGHT: 1, K_d: 1, K_SPACE: 0}\n",
])
def test_letters_doing_what_an_arrow_does_are_its_alternates(source: str) -> None:
    assert use_of(source).arrow_alternates == {"a", "d"} - (
        {"d"} if "K_RIGHT" not in source else set())


def test_letters_with_actions_of_their_own_are_not_alternates() -> None:
    fighter = use_of("if event.key == K_LEFT: x -= 1\nelif event.key == K_RIGHT: x += 1\n"
                     "elif event.key == K_a: punch()\nelif event.key == K_s: kick()\n"
                     "elif event.key == K_d: block()\n")
    assert fighter.arrow_alternates == frozenset()


def test_arrows_go_on_the_dpad_space_first_among_actions() -> None:
    use = InputUse(keys=("z", "escape", "space", "left", "right", "up", "return", "f3"),
                   pointer=False)
    assert guessed_controls(use) == (
        ("up", "up"), ("left", "left"), ("right", "right"), ("a", "space"), ("b", "z"),
        ("start", "return"), ("select", "escape"))


def test_wasd_is_a_dpad_only_as_a_set() -> None:
    wasd = InputUse(keys=("w", "a", "s", "d", "space"), pointer=False)
    assert guessed_controls(wasd) == (("up", "w"), ("down", "s"), ("left", "a"),
                                      ("right", "d"), ("a", "space"))
    arrows_and_wasd = InputUse(keys=("left", "right", "a", "d", "space"), pointer=False,
                               arrow_alternates=frozenset({"a", "d"}))
    assert guessed_controls(arrows_and_wasd) == (
        ("left", "left"), ("right", "right"), ("a", "space"))
    two_players = InputUse(keys=("left", "right", "up", "down", "w", "a", "s", "d"),
                           pointer=False)
    assert guessed_controls(two_players) == (
        ("up", "up"), ("down", "down"), ("left", "left"), ("right", "right"))
    fighter = InputUse(keys=("left", "right", "up", "a", "s", "d"), pointer=False)
    assert guessed_controls(fighter) == (
        ("up", "up"), ("left", "left"), ("right", "right"), ("a", "a"), ("b", "s"), ("x", "d"))
    jump_on_w_too = InputUse(keys=("left", "right", "up", "w", "a", "d", "z"), pointer=False,
                             arrow_alternates=frozenset({"w"}))
    assert guessed_controls(jump_on_w_too) == (
        ("up", "up"), ("left", "left"), ("right", "right"), ("a", "a"), ("b", "d"), ("x", "z"))
    # Super Mario Bros. in pygame: arrows move, A jumps, S runs.
    mario = InputUse(keys=("right", "left", "down", "a", "s", "return"), pointer=False)
    assert guessed_controls(mario) == (
        ("down", "down"), ("left", "left"), ("right", "right"), ("a", "a"), ("b", "s"),
        ("start", "return"))


def test_keys_that_end_the_game_or_need_a_modifier_get_no_button() -> None:
    use = use_of(
        "import sys, pygame\n"
        "from pygame.locals import *\n"
        "def terminate():\n    pygame.quit()\n    sys.exit()\n"
        "for event in pygame.event.get():\n"
        "    if event.type == KEYDOWN and event.key == K_ESCAPE:\n        terminate()\n"
        "    elif event.key == K_q:\n"
        "        pygame.event.post(pygame.event.Event(pygame.QUIT))\n"
        "    elif event.key == K_c and pygame.key.get_mods() & KMOD_CTRL:\n"
        "        sys.exit()\n"
        "    elif event.key == K_v and event.mod & KMOD_CTRL:\n        paste()\n"
        "    elif event.key == K_SPACE:\n        jump()\n"
        "    if event.key == K_LEFT: move(-1)\n"
        "    if event.key == K_RIGHT: move(1)\n")
    assert use.quitting == {"escape", "q", "c"}
    assert use.with_modifier_only == {"c", "v"}
    assert guessed_controls(use) == (("left", "left"), ("right", "right"), ("a", "space"))

    snake = use_of(  # the tutorial snake: C plays again, Q quits through a flag
        "import pygame\nfrom pygame.locals import *\n"
        "def gameLoop():\n"
        "    while not game_over:\n"
        "        for event in pygame.event.get():\n"
        "            if event.key == K_c:\n                gameLoop()\n"
        "            if event.key == K_q:\n                game_over = True\n"
        "            if event.key == K_m:\n                pygame.mixer.quit()\n"
        "    pygame.quit()\n    quit()\n")
    assert snake.quitting == frozenset()
    once = use_of("import sys\nfrom pygame.locals import *\n"
                  "if event.key == K_RETURN and menu:\n    start()\n"
                  "if event.key == K_RETURN and over:\n    sys.exit()\n")
    assert once.quitting == frozenset()  # Return starts the game too: it keeps its button
    menu = use_of("import sys\nfrom pygame.locals import *\n"
                  "if event.key == K_RETURN:\n"
                  "    if choice == 'Quit':\n        sys.exit()\n"
                  "    start()\n")
    assert menu.quitting == frozenset()  # Return picks a menu entry, Quit among them
    assert guessed_controls(menu) == (("a", "return"), ("start", "return"))


def test_at_most_four_action_buttons_and_return_alone_is_one() -> None:
    many = InputUse(keys=tuple("qwertyuiop"), pointer=False)
    assert guessed_controls(many) == (("a", "q"), ("b", "w"), ("x", "e"), ("y", "r"))
    enter_only = InputUse(keys=("return",), pointer=False)
    assert guessed_controls(enter_only) == (("a", "return"), ("start", "return"))


def test_pointer_games_get_one_only_when_they_move_by_keys() -> None:
    # Flappy Bird: a tap flaps (Up does too); Alien Invasion: a click on Play, then the
    # arrows move the ship and Space fires.
    assert guessed_controls(InputUse(keys=("up", "space"), pointer=True)) == ()
    assert guessed_controls(InputUse(keys=("left", "right", "space"), pointer=True)) == (
        ("left", "left"), ("right", "right"), ("a", "space"))
    assert guessed_controls(InputUse(keys=("escape",), pointer=False)) == ()
    assert guessed_controls(InputUse(keys=("f11",), pointer=False)) == ()
    assert guessed_controls(InputUse(keys=(), pointer=False)) == ()


def test_the_config_wins_and_the_developer_is_told_what_was_guessed() -> None:
    use = InputUse(keys=("left", "right", "space"), pointer=False)
    assert touch_controls_for((("a", "x"),), use) == ((("a", "x"),), "")
    assert touch_controls_for((), use) == ((), "")
    controls, note = touch_controls_for(None, use)
    assert controls == (("left", "left"), ("right", "right"), ("a", "space"))
    assert 'touch-controls = {left = "left", right = "right", a = "space"}' in note
    assert "touch-controls = false for none" in note
    assert touch_controls_for(None, InputUse(keys=("space",), pointer=True)) == ((), "")


def test_real_games() -> None:
    """Keyboard games get a gamepad (their Escape quits: no button); games a tap plays,
    with no keys to move by, get none."""
    assert guessed_controls(real_game("kcc_snake")) == (
        ("up", "up"), ("down", "down"), ("left", "left"), ("right", "right"), ("a", "space"))
    assert guessed_controls(real_game("kcc_shmup")) == (
        ("left", "left"), ("right", "right"), ("a", "space"))
    assert guessed_controls(real_game("russ_shooter"))[:3] == (
        ("up", "w"), ("left", "a"), ("right", "d"))  # and the mouse aims
    for tapped in ("flappybird", "dfp_grass", "pygame_menu_selector"):
        assert guessed_controls(real_game(tapped)) == (), tapped


@pytest.mark.parametrize(("source", "reads_text"), [
    ("if event.type == pygame.KEYDOWN:\n    name += event.unicode\n", True),
    ("if event.type == pygame.TEXTINPUT:\n    name += event.text\n", True),
    ("letter = pygame.key.name(event.key)\n", True),
    ("pygame.key.start_text_input()\n", True),
    ("if event.key == pygame.K_SPACE:\n    jump()\n", False),
])
def test_games_reading_typed_text_get_a_keyboard_button(source: str, reads_text: bool) -> None:
    use = use_of(source)
    assert use.text is reads_text
    assert touch_keyboard_for(None, use)[0] is reads_text
    assert touch_keyboard_for(False, use) == (False, "")  # the config decides
    assert touch_keyboard_for(True, use) == (True, "")
    if reads_text:
        assert "touch-keyboard = false for none" in touch_keyboard_for(None, use)[1]


def test_a_key_read_by_a_function_an_if_that_quits_calls_is_a_quitting_key() -> None:
    # leerob/Space_Invaders: Escape quits through a predicate; a Select button ended the game.
    use = use_of("def should_exit(evt):\n"
                 "    return evt.type == QUIT or (evt.type == KEYUP and evt.key == K_ESCAPE)\n"
                 "for e in event.get():\n"
                 "    if self.should_exit(e):\n"
                 "        sys.exit()\n"
                 "    if e.key == K_SPACE:\n"
                 "        shoot()\n")
    assert use.quitting == {"escape"}
    assert guessed_controls(use) == (("a", "space"),)


@pytest.mark.parametrize("source", [
    # cluddles/pygame-asteroids: Escape ends `while keep_running():`.
    "def keep_running():\n    keys = pygame.key.get_pressed()\n"
    "    if keys[pygame.K_ESCAPE]:\n        return False\n    return True\n"
    "while keep_running():\n    if keys[K_SPACE]:\n        shoot()\n",
    "running = True\nwhile running:\n    if event.key == K_ESCAPE:\n        running = False\n"
    "    elif event.key == K_SPACE:\n        shoot()\n",
    "while self.running:\n    if event.key == K_ESCAPE:\n        self.running = False\n"
    "    if event.key == K_SPACE:\n        shoot()\n",
    "while True:\n    if event.key == K_ESCAPE:\n        raise SystemExit\n"
    "    if event.key == K_SPACE:\n        shoot()\n",
])
def test_keys_that_end_the_game_loop_are_quitting_keys(source: str) -> None:
    use = use_of(source)
    assert use.quitting == {"escape"}, use
    assert guessed_controls(use) == (("a", "space"),)


def test_a_flag_set_false_for_a_loop_that_is_not_the_games_is_not_quitting() -> None:
    use = use_of("waiting = True\nwhile waiting:\n    if event.key == K_RETURN:\n"
                 "        waiting = False\nrunning = True\nwhile running:\n"
                 "    if event.key == K_ESCAPE:\n        running = False\npygame.quit()\n")
    assert use.quitting == {"escape"}  # Return leaves the title screen: Start keeps it
