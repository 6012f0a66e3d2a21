"""The on-screen gamepad (`touch-controls` in the config): its buttons and the keys they press.

A game names keys as pygame does (`pygame.key.name`: "space", "left", "a", "left shift");
the page sends each button's key as the browser's own keyboard events, so SDL and the game
see it as a key of a real keyboard. SDL reads the scancode from `code` and the key from the
legacy `keyCode` (and `location` for the right-hand modifiers).
"""

import difflib
import string
from collections.abc import Mapping
from dataclasses import dataclass

from pygbag_like.errors import ConfigError

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

    Written as a TOML table: touch-controls = {left = "left", right = "right", a = "space"}.
    """
    if not isinstance(value, dict) or not value:
        raise ConfigError(
            f"{key!r} in {source} must be a table of buttons and the keys they press, like "
            f'{{left = "left", right = "right", a = "space"}}, got {value!r}'
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
