"""The on-screen gamepad (`touch-controls` in the config): its buttons and the keys they press.

A game names keys as pygame does (`pygame.key.name`: "space", "left", "a", "left shift");
the page sends each button's key as the browser's own keyboard events, so SDL and the game
see it as a key of a real keyboard. SDL reads the scancode from `code` and the key from the
legacy `keyCode` (and `location` for the right-hand modifiers).
"""

import difflib
import json
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

from pygbag_like.errors import ConfigError
from pygbag_like.keyuse import ARROW_KEYS, InputUse

# Where they sit: a d-pad at the bottom left, four action buttons at the bottom right,
# start and select at the top.
BUTTONS = ("up", "down", "left", "right", "a", "b", "x", "y", "start", "select")


@dataclass(frozen=True)
class DomKey:
    """The fields of a browser KeyboardEvent for one key."""

    code: str  # physical key: "KeyA", "Space", "ArrowLeft"
    key: str  # what it types or means: "a", " ", "ArrowLeft"
    key_code: int  # the legacy keyCode
    location: int = 0  # 1: the left one of a pair, 2: the right one


def _key_table() -> dict[str, DomKey]:
    keys = {letter: DomKey(f"Key{letter.upper()}", letter, ord(letter.upper()))
            for letter in string.ascii_lowercase}
    keys |= {digit: DomKey(f"Digit{digit}", digit, ord(digit)) for digit in string.digits}
    keys |= {f"f{n}": DomKey(f"F{n}", f"F{n}", 111 + n) for n in range(1, 13)}
    named = {
        "space": ("Space", " ", 32), "return": ("Enter", "Enter", 13),
        "escape": ("Escape", "Escape", 27), "tab": ("Tab", "Tab", 9),
        "backspace": ("Backspace", "Backspace", 8), "delete": ("Delete", "Delete", 46),
        "insert": ("Insert", "Insert", 45), "home": ("Home", "Home", 36),
        "end": ("End", "End", 35), "page up": ("PageUp", "PageUp", 33),
        "page down": ("PageDown", "PageDown", 34),
        "left": ("ArrowLeft", "ArrowLeft", 37), "up": ("ArrowUp", "ArrowUp", 38),
        "right": ("ArrowRight", "ArrowRight", 39), "down": ("ArrowDown", "ArrowDown", 40),
        "-": ("Minus", "-", 189), "=": ("Equal", "=", 187), ",": ("Comma", ",", 188),
        ".": ("Period", ".", 190), "/": ("Slash", "/", 191), ";": ("Semicolon", ";", 186),
        "'": ("Quote", "'", 222), "[": ("BracketLeft", "[", 219),
        "]": ("BracketRight", "]", 221), "\\": ("Backslash", "\\", 220),
        "`": ("Backquote", "`", 192),
    }
    keys |= {name: DomKey(*fields) for name, fields in named.items()}
    for side, location in (("left", 1), ("right", 2)):
        for name, code, key, key_code in (("shift", "Shift", "Shift", 16),
                                          ("ctrl", "Control", "Control", 17),
                                          ("alt", "Alt", "Alt", 18)):
            keys[f"{side} {name}"] = DomKey(f"{code}{side.title()}", key, key_code, location)
    return keys


KEYS: Mapping[str, DomKey] = _key_table()
KEY_NAMING = ("keys are named as pygame.key.name() names them: 'a', '1', 'space', 'return', "
              "'left', 'left shift', 'f1'")


def _did_you_mean(word: str, choices: list[str], otherwise: str) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f"did you mean {close[0]!r}?" if close else otherwise


def checked_touch_controls(key: str, value: object, source: str) -> tuple[tuple[str, str], ...]:
    """`touch-controls` as (button, key name) pairs in BUTTONS order, else a ConfigError.

    Written as a TOML table: touch-controls = {left = "left", right = "right", a = "space"};
    `false` is no gamepad (not even the one guessed from the game's keys).
    """
    if value is False:
        return ()
    if not isinstance(value, dict) or not value:
        raise ConfigError(
            f"{key!r} in {source} must be a table of buttons and the keys they press, like "
            f'{{left = "left", right = "right", a = "space"}}, or false for none, got {value!r}'
        )
    for button, name in value.items():
        if button not in BUTTONS:
            raise ConfigError(f"{key!r} in {source}: there is no button {button!r}; the buttons "
                              f"are {', '.join(BUTTONS)}")
        if not isinstance(name, str) or name.lower() not in KEYS:
            hint = _did_you_mean(str(name).lower(), list(KEYS), KEY_NAMING)
            raise ConfigError(f"{key!r} in {source}: button {button!r} presses an unknown key "
                              f"{name!r}; {hint}")
    return tuple((button, value[button].lower()) for button in BUTTONS if button in value)


def page_controls(pairs: tuple[tuple[str, str], ...]) -> dict[str, DomKey]:
    """The page's view of the gamepad: each button with the browser fields of its key."""
    return {button: KEYS[name] for button, name in pairs}


# The d-pad takes the arrow keys, else W, A, S, D; the menu buttons Return and Escape; the
# action buttons the other keys the game names most (Space first). No button for function
# keys, keys only read with a modifier (Ctrl+C) or keys that end the game.
DPAD_KEYS = {"up": ("up", "w"), "down": ("down", "s"), "left": ("left", "a"),
             "right": ("right", "d")}
MENU_KEYS = {"start": "return", "select": "escape"}
ACTION_BUTTONS = ("a", "b", "x", "y")
_FUNCTION_KEY = re.compile(r"f\d+")


def guessed_controls(use: InputUse) -> tuple[tuple[str, str], ...]:
    """The gamepad for a game whose config names none; () when it reads no key a button
    could press, or reads the mouse or touches (a tap plays it) and moves by no keys."""
    keys = [key for key in use.keys if key in KEYS and not _FUNCTION_KEY.fullmatch(key)
            and key not in use.quitting and key not in use.with_modifier_only]
    letters = {letter for _, letter in DPAD_KEYS.values()}
    if ARROW_KEYS.intersection(keys):
        # Beside the arrows, W, A, S, D are the arrows' alternates, or all four a second
        # player's, or else actions (a fighting game's A, S, D; a platformer's W to jump).
        alternates = letters & use.arrow_alternates
        moving = alternates or (letters if letters <= set(keys) else set())
    else:
        # Alone they move only as a set: A and D, or three of them (Mario's A jumps, S runs).
        moving = letters if {"a", "d"} <= set(keys) or len(letters & set(keys)) >= 3 else set()
    chosen: dict[str, str] = {}
    for button, (arrow, letter) in DPAD_KEYS.items():
        if arrow in keys:
            chosen[button] = arrow
        elif letter in moving and letter in keys:
            chosen[button] = letter
    if use.pointer and len(chosen) < 2:
        return ()
    chosen |= {button: key for button, key in MENU_KEYS.items() if key in keys}
    keys = [key for key in keys if key not in chosen.values() and key not in moving]
    actions = sorted(keys, key=lambda key: key != "space")[:len(ACTION_BUTTONS)]
    if not actions and "start" in chosen:  # Return is the game's only action
        actions = [chosen["start"]]
    chosen |= dict(zip(ACTION_BUTTONS, actions, strict=False))
    if set(chosen) <= {"select"}:
        return ()
    return tuple((button, chosen[button]) for button in BUTTONS if button in chosen)


def as_toml(pairs: tuple[tuple[str, str], ...]) -> str:
    """The gamepad as the config line that gives it."""
    table = ", ".join(f"{button} = {json.dumps(key)}" for button, key in pairs)
    return f"touch-controls = {{{table}}}"


def touch_controls_for(configured: tuple[tuple[str, str], ...] | None,
                       use: InputUse) -> tuple[tuple[tuple[str, str], ...], str]:
    """The page's gamepad, and what to tell the developer about it ("" when the config
    chose or there is none). A config that names no gamepad gets the one guessed."""
    if configured is not None:
        return configured, ""
    guessed = guessed_controls(use)
    if not guessed:
        return (), ""
    return guessed, (f"an on-screen gamepad for the keys the game reads, as if its config "
                     f"said {as_toml(guessed)} (write your own, or touch-controls = false "
                     "for none)")


def touch_keyboard_for(configured: bool | None, use: InputUse) -> tuple[bool, str]:
    """Whether the page offers a button that opens the phone's keyboard, and what to tell
    the developer ("" when the config chose or there is none)."""
    if configured is not None:
        return configured, ""
    if not use.text:
        return False, ""
    return True, ("a keyboard button that opens the phone's keyboard, as the game reads "
                  "typed text (touch-keyboard = false for none)")
