"""`[tool.pack]` in pyproject.toml, or pack.toml, plus CLI overrides → a frozen `GameConfig`."""

import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from types import NoneType, UnionType
from typing import get_args, get_origin, get_type_hints

from pygbag_like.errors import ConfigError
from pygbag_like.touchcontrols import checked_touch_controls

PYPROJECT = "pyproject.toml"
PACK_TOML = "pack.toml"


@dataclass(frozen=True)
class GameConfig:
    """The settings of one game; paths are relative to the game folder."""

    title: str
    main: str | None = None  # the entry point; None: main.py, or the one script there is
    icon: str | None = None
    width: int = 800
    height: int = 600
    pixel_art: bool = False
    resize: str = "fit"  # fit: scaled to the page; fixed: its own size; fill: see RESIZE_MODES
    offline: bool = True  # a service worker keeps the game playable with no network
    excludes: tuple[str, ...] = ()
    template: str | None = None
    out: str | None = None
    background: str = "#000000"
    # Phones: the on-screen gamepad, (button, pygame key name) pairs (touchcontrols.py);
    # None: guessed from the keys the game reads; (): none.
    touch_controls: tuple[tuple[str, str], ...] | None = None
    # Phones: a button that opens the phone's keyboard for the game; None: when its code
    # reads typed text (keyuse.py).
    touch_keyboard: bool | None = None
    orientation: str = "any"  # ORIENTATIONS: the way to hold a phone; else a hint is shown
    background_audio: bool = False  # keep playing sound while the page is hidden


KNOWN_KEYS: tuple[str, ...] = tuple(field.name for field in fields(GameConfig))
_HINTS = get_type_hints(GameConfig)
_EXPECTED = {str: "a string", int: "a positive integer", bool: "true or false"}
_TOML_POSITION = re.compile(r"^(?P<msg>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")
_COLOR = re.compile(r"#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]+")
# How the game area uses the page. fit: the game's size, scaled to the page keeping its
# shape; fixed: the game's size, unscaled; fill: a game that asks for a RESIZABLE window gets
# the page's size (and resize events), others are scaled as with fit.
RESIZE_MODES = ("fit", "fixed", "fill")
ORIENTATIONS = ("any", "landscape", "portrait")
_CHOICES = {"resize": RESIZE_MODES, "orientation": ORIENTATIONS}
# Browsers refuse canvases much larger than this (and a game's window never is).
MAX_CANVAS_SIDE = 16384
_BOUNDED = {"width": MAX_CANVAS_SIDE, "height": MAX_CANVAS_SIDE}


def load_config(game_dir: Path, overrides: Mapping[str, object] | None = None) -> GameConfig:
    """Read the game's settings; `overrides` (typed CLI values, None = not given) win over files.

    Settings live in `[tool.pack]` of pyproject.toml or at the top level of pack.toml, never both.
    Keys may be spelled with dashes or underscores.
    """
    pyproject, pack_toml = game_dir / PYPROJECT, game_dir / PACK_TOML
    tool = _read_toml(pyproject).get("tool")
    from_pyproject = tool.get("pack", {}) if isinstance(tool, dict) else {}
    if not isinstance(from_pyproject, dict):
        raise ConfigError(f"tool.pack in {pyproject} must be a table: write [tool.pack] above it")
    from_pack_toml = _read_toml(pack_toml)
    if from_pyproject and from_pack_toml:
        raise ConfigError(
            f"both {pyproject} [tool.pack] and {pack_toml} hold settings: keep one of them"
        )
    values = _checked(from_pyproject, f"{pyproject} [tool.pack]")
    values |= _checked(from_pack_toml, str(pack_toml))
    given = {key: value for key, value in (overrides or {}).items() if value is not None}
    values |= _checked(given, "the command line options")
    values.setdefault("title", game_dir.resolve().name)
    return GameConfig(**values)


def _read_toml(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        with open(path, "rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        where = _TOML_POSITION.match(str(error))
        if where is None:
            raise ConfigError(f"{path}: {error}; fix the TOML syntax") from error
        raise ConfigError(
            f"{path}:{where['line']}:{where['column']}: {where['msg']}; fix the TOML syntax"
        ) from error
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path} is not valid UTF-8: save it as UTF-8") from error
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror}") from error


def _checked(table: Mapping[str, object], source: str) -> dict[str, object]:
    """Settings of `table` by field name, type-checked; `source` names them in errors."""
    values: dict[str, object] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in KNOWN_KEYS:
            raise ConfigError(_unknown_key_message(key, source))
        if name in values:
            raise ConfigError(f"{key!r} is given twice in {source}: keep one spelling")
        values[name] = _checked_value(key, value, _HINTS[name], source)
    return values


def _is_entry_point(value: str) -> bool:
    parts = value.replace("\\", "/").split("/")
    return value.endswith(".py") and not value.startswith("/") and ".." not in parts


def _unknown_key_message(key: str, source: str) -> str:
    dashed = [name.replace("_", "-") for name in KNOWN_KEYS]
    close = difflib.get_close_matches(key.replace("_", "-"), dashed, n=1)
    if close:
        return f"unknown key {key!r} in {source}; did you mean {close[0]!r}?"
    return f"unknown key {key!r} in {source}; the known keys are {', '.join(dashed)}"


def _checked_value(key: str, value: object, hint: object, source: str) -> object:
    """`value` as the field type `hint` wants (lists become tuples), else a ConfigError."""
    name = key.replace("-", "_")
    if name == "touch_controls":
        return checked_touch_controls(key, value, source)
    if get_origin(hint) is tuple:  # tuple[str, ...]
        if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
            return tuple(value)
        raise ConfigError(f"{key!r} in {source} must be a list of strings, got {value!r}")
    if isinstance(hint, UnionType):  # str | None: None is never written, only defaulted
        (hint,) = (arg for arg in get_args(hint) if arg is not NoneType)
    if type(value) is not hint or (hint is int and value <= 0):
        raise ConfigError(f"{key!r} in {source} must be {_EXPECTED[hint]}, got {value!r}")
    bound = _BOUNDED.get(name)
    if bound is not None and value > bound:
        raise ConfigError(f"{key!r} in {source} must be at most {bound}, got {value!r}")
    if name == "main":
        if not _is_entry_point(value):
            raise ConfigError(
                f"{key!r} in {source} must be a .py file inside the game folder, like "
                f"'code/main.py', got {value!r}"
            )
        return value.replace("\\", "/").removeprefix("./")
    choices = _CHOICES.get(name)
    if choices is not None and value not in choices:
        raise ConfigError(f"{key!r} in {source} must be one of {', '.join(choices)}, "
                          f"got {value!r}")
    if name == "background" and not _COLOR.fullmatch(value):
        raise ConfigError(
            f"{key!r} in {source} must be a CSS color like '#1a2b3c' or 'black', got {value!r}"
        )
    return value
