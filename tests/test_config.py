from dataclasses import fields
from pathlib import Path

import pytest

from pygbag_like.config import KNOWN_KEYS, GameConfig, load_config
from pygbag_like.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def game(tmp_path: Path) -> Path:
    folder = tmp_path / "space-game"
    folder.mkdir()
    return folder


def test_defaults(game: Path) -> None:
    assert load_config(game) == GameConfig(title="space-game")
    config = load_config(game)
    assert (config.width, config.height, config.pixel_art) == (800, 600, False)
    assert (config.icon, config.template, config.out, config.excludes) == (None, None, None, ())
    assert config.background == "#000000"


def test_known_keys_follow_the_dataclass() -> None:
    assert tuple(field.name for field in fields(GameConfig)) == KNOWN_KEYS
    assert "pixel_art" in KNOWN_KEYS


def test_pyproject_tool_pack(game: Path) -> None:
    write(
        game / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.pack]\ntitle = "Space!"\npixel-art = true\n'
        'width = 320\nheight = 240\nexcludes = ["*.psd"]\nicon = "icon.png"\n',
    )
    config = load_config(game)
    assert config == GameConfig(
        title="Space!", pixel_art=True, width=320, height=240, excludes=("*.psd",), icon="icon.png"
    )


def test_pyproject_without_tool_pack(game: Path) -> None:
    write(game / "pyproject.toml", '[project]\nname = "x"\n[tool.ruff]\nline-length = 90\n')
    assert load_config(game) == GameConfig(title="space-game")


def test_pack_toml_top_level(game: Path) -> None:
    write(game / "pack.toml", 'pixel_art = true\nwidth = 30\nbackground = "#fff"\n')
    assert load_config(game) == GameConfig(
        title="space-game", pixel_art=True, width=30, background="#fff"
    )


def test_cli_overrides_win_and_none_is_ignored(game: Path) -> None:
    write(game / "pack.toml", 'title = "File"\nwidth = 320\nout = "dist"\n')
    config = load_config(game, {"width": 640, "title": None, "excludes": ["*.wav"], "out": None})
    assert config == GameConfig(title="File", width=640, out="dist", excludes=("*.wav",))


def test_both_files_with_settings(game: Path) -> None:
    write(game / "pyproject.toml", "[tool.pack]\nwidth = 320\n")
    write(game / "pack.toml", "width = 640\n")
    with pytest.raises(ConfigError, match="hold settings: keep one of them"):
        load_config(game)


def test_both_files_but_one_without_settings(game: Path) -> None:
    write(game / "pyproject.toml", '[project]\nname = "x"\n')
    write(game / "pack.toml", "width = 640\n")
    assert load_config(game).width == 640


def test_unknown_key_suggestion(game: Path) -> None:
    write(game / "pack.toml", "pixel_ar = true\n")
    with pytest.raises(ConfigError) as caught:
        load_config(game)
    assert str(caught.value) == (
        f"unknown key 'pixel_ar' in {game / 'pack.toml'}; did you mean 'pixel-art'?"
    )


def test_unknown_key_in_pyproject_without_close_match(game: Path) -> None:
    write(game / "pyproject.toml", "[tool.pack]\nzzz = 1\n")
    with pytest.raises(ConfigError, match=r"unknown key 'zzz' in .*pyproject\.toml \[tool\.pack\]"):
        load_config(game)


def test_key_given_twice(game: Path) -> None:
    write(game / "pack.toml", "pixel-art = true\npixel_art = false\n")
    with pytest.raises(ConfigError, match="given twice"):
        load_config(game)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('width = "800"', "'width' in .* must be a positive integer, got '800'"),
        ("width = 0", "'width' in .* must be a positive integer, got 0"),
        ("height = -5", "'height' in .* must be a positive integer, got -5"),
        ("height = true", "'height' in .* must be a positive integer, got True"),
        ("pixel-art = 1", "'pixel-art' in .* must be true or false, got 1"),
        ("title = 3", "'title' in .* must be a string, got 3"),
        ('excludes = "*.psd"', "'excludes' in .* must be a list of strings, got '\\*.psd'"),
        ("excludes = [1]", "'excludes' in .* must be a list of strings, got \\[1\\]"),
        ('background = "red; x"', "'background' in .* must be a CSS color"),
    ],
)
def test_wrong_types(game: Path, toml: str, message: str) -> None:
    write(game / "pack.toml", toml + "\n")
    with pytest.raises(ConfigError, match=message):
        load_config(game)


def test_override_with_wrong_value(game: Path) -> None:
    with pytest.raises(ConfigError, match="'width' in the command line options must be a positive"):
        load_config(game, {"width": -1})


def test_toml_syntax_error_has_file_and_line(game: Path) -> None:
    write(game / "pack.toml", 'title = "x"\nwidth = \n')
    with pytest.raises(ConfigError) as caught:
        load_config(game)
    assert str(caught.value).startswith(f"{game / 'pack.toml'}:2:")
    assert str(caught.value).endswith("; fix the TOML syntax")


def test_tool_pack_not_a_table(game: Path) -> None:
    write(game / "pyproject.toml", "[tool]\npack = 3\n")
    with pytest.raises(ConfigError, match="must be a table"):
        load_config(game)


def test_non_utf8_toml(game: Path) -> None:
    (game / "pack.toml").write_bytes(b'title = "caf\xe9"\n')
    with pytest.raises(ConfigError, match="is not valid UTF-8"):
        load_config(game)


def test_canvas_size_is_bounded(tmp_path):
    with pytest.raises(ConfigError, match=r"'width' in the command line options must be at most"):
        load_config(tmp_path, {"width": 100_000_000_000})
    (tmp_path / "pack.toml").write_text("height = 20000\n")
    with pytest.raises(ConfigError, match=r"'height' .* at most 16384"):
        load_config(tmp_path)


def test_main_names_a_python_file_inside_the_game(tmp_path):
    assert load_config(tmp_path, {"main": "code\\main.py"}).main == "code/main.py"
    assert load_config(tmp_path).main is None  # main.py, or the one script there is
    for bad in ("../main.py", "/abs/main.py", "code/main.txt"):
        with pytest.raises(ConfigError, match=r"'main' .* must be a \.py file inside"):
            load_config(tmp_path, {"main": bad})


def test_touch_controls_orientation_and_background_audio(game: Path) -> None:
    write(game / "pack.toml", 'orientation = "landscape"\nbackground-audio = true\n'
          '[touch-controls]\na = "Space"\nleft = "left"\nstart = "return"\n')
    config = load_config(game)
    assert config.touch_controls == (("left", "left"), ("a", "space"), ("start", "return"))
    assert (config.orientation, config.background_audio) == ("landscape", True)
    assert load_config(game.parent).touch_controls is None  # not set: guessed by pack
    write(game / "pack.toml", "touch-controls = false\n")
    assert load_config(game).touch_controls == ()  # no gamepad, not even a guessed one
    assert load_config(game).touch_keyboard is None  # not set: guessed by pack
    write(game / "pack.toml", "touch-keyboard = false\n")
    assert load_config(game).touch_keyboard is False


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('touch-controls = "space"', "'touch-controls' in .* must be a table of buttons"),
        ("touch-controls = {}", "'touch-controls' in .* must be a table of buttons"),
        ("touch-controls = true", "must be a table of buttons .*, or false for none"),
        ('touch-controls = {jump = "space"}',
         "there is no button 'jump'; the buttons are up, down, left, right, a, b, x, y"),
        ('touch-controls = {a = "spce"}',
         "button 'a' presses an unknown key 'spce'; did you mean 'space'\\?"),
        ('touch-controls = {a = "K_SPACE_BAR_X"}', "named as pygame.key.name\\(\\) names them"),
        ("touch-controls = {a = 32}", "button 'a' presses an unknown key 32"),
        ('orientation = "sideways"', "'orientation' in .* must be one of any, landscape, portrait"),
        ('background-audio = "yes"', "'background-audio' in .* must be true or false"),
        ("touch-keyboard = 1", "'touch-keyboard' in .* must be true or false"),
    ],
)
def test_wrong_phone_settings(game: Path, toml: str, message: str) -> None:
    write(game / "pack.toml", toml + "\n")
    with pytest.raises(ConfigError, match=message):
        load_config(game)
