"""Bad input through the real `pack` command line: one clear line, non-zero exit, no output."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pygbag_like import cli, scan


def make_game(folder: Path, main: str = "print('hi')\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "main.py").write_text(main)
    return folder


def run_cli(capsys, *argv: str) -> tuple[int, list[str]]:
    code = cli.main(list(argv))
    err = capsys.readouterr().err.strip().splitlines()
    return code, err


def assert_clean_failure(code: int, err: list[str], game: Path, fragment: str) -> None:
    assert code != 0
    assert len(err) == 1, err
    assert err[0].startswith("pack: error: ")
    assert fragment in err[0], err[0]
    assert not (game / "build").exists()


def test_missing_main_py(tmp_path, capsys):
    game = tmp_path / "game"
    game.mkdir()
    (game / "other.py").write_text("x = 1\n")
    code, err = run_cli(capsys, str(game))
    assert_clean_failure(code, err, game, "main.py")


def test_empty_folder(tmp_path, capsys):
    game = tmp_path / "empty"
    game.mkdir()
    code, err = run_cli(capsys, str(game))
    assert_clean_failure(code, err, game, "empty")


def test_not_a_folder(tmp_path, capsys):
    code, err = run_cli(capsys, str(tmp_path / "nope"))
    assert code == 2 and len(err) == 1 and "not a folder" in err[0]


def test_syntax_error_is_reported_as_file_and_line(tmp_path, capsys):
    game = make_game(tmp_path / "game", "x = 1\nif x\n    pass\n")
    code, err = run_cli(capsys, str(game))
    assert_clean_failure(code, err, game, "main.py:2:")


def test_unreadable_file(tmp_path, capsys, monkeypatch):
    game = make_game(tmp_path / "game")
    (game / "secret.png").write_bytes(b"x")

    def denying_open(path, *args, **kwargs):
        if Path(path).name == "secret.png":
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(scan, "open", denying_open, raising=False)
    code, err = run_cli(capsys, str(game))
    assert_clean_failure(code, err, game, "secret.png")


def test_symlink_escaping_the_folder(tmp_path, capsys):
    game = make_game(tmp_path / "game")
    (tmp_path / "outside.txt").write_text("private")
    (game / "link.txt").symlink_to(tmp_path / "outside.txt")
    code, err = run_cli(capsys, str(game))
    assert_clean_failure(code, err, game, "link.txt")


def test_non_utf8_file_name(tmp_path, capsys):
    game = make_game(tmp_path / "game")
    with open(os.path.join(os.fsencode(game), b"bad\xff.png"), "wb") as f:
        f.write(b"x")
    code, err = run_cli(capsys, str(game))
    assert_clean_failure(code, err, game, "bad")


def test_unknown_config_key_suggests_the_right_one(tmp_path, capsys):
    game = make_game(tmp_path / "game")
    (game / "pack.toml").write_text('pixel_ar = true\n')
    code, err = run_cli(capsys, str(game))
    assert_clean_failure(code, err, game, "'pixel_ar'")
    assert "pixel" in err[0].split("did you mean")[1]


def test_port_in_use(tmp_path):
    game = make_game(tmp_path / "game")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "pygbag_like", str(game), "--serve", "--port", str(port)],
            capture_output=True, text=True, timeout=60,
        )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "already in use" in lines[0], result.stderr
    assert not (game / "build").exists()


@pytest.mark.parametrize("argv", [["runtime"], ["runtime", "bogus"], ["exec"]])
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(argv)
    assert caught.value.code == 2


@pytest.mark.runtime
def test_failure_while_writing_leaves_no_partial_output(runtime, tmp_path, capsys):
    game = make_game(tmp_path / "game")
    (game / "icon.png").write_bytes(b"not an image")
    code, err = run_cli(capsys, str(game), "--icon", "icon.png")
    assert code != 0 and len(err) == 1 and "icon.png" in err[0]
    build = game / "build"
    assert not build.exists() or not any(build.iterdir())


@pytest.mark.runtime
def test_a_failed_repack_keeps_the_previous_output(runtime, tmp_path, capsys):
    game = make_game(tmp_path / "game")
    assert run_cli(capsys, str(game))[0] == 0
    index = (game / "build" / "web" / "index.html").read_text()
    (game / "main.py").write_text("if True\n")
    code, err = run_cli(capsys, str(game))
    assert code != 0 and "main.py:1" in err[0]
    assert (game / "build" / "web" / "index.html").read_text() == index
    assert sorted(p.name for p in (game / "build").iterdir()) == ["web"]


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_bad_port_is_one_line(tmp_path, capsys, port):
    game = make_game(tmp_path / "game")
    with pytest.raises(SystemExit) as caught:
        cli.main([str(game), "--serve", "--port", port])
    err = capsys.readouterr().err.strip().splitlines()
    assert caught.value.code == 2 and len(err) == 1 and "--port" in err[0], err


def test_help_lists_the_commands_and_the_game_options(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert caught.value.code == 0
    for text in ("runtime", "exec", "GAME_DIR", "--serve", "--archive", "--version"):
        assert text in out, text


def test_version(capsys):
    from pygbag_like import __version__

    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out.strip() == f"pack (pygbag_like) {__version__}"


def test_a_game_folder_named_like_a_command(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_game(tmp_path / "runtime", "if True\n")  # a syntax error: fails before any runtime
    with pytest.raises(SystemExit):
        cli.main(["runtime"])
    err = capsys.readouterr().err
    assert "to pack a game folder named runtime, write pack ./runtime" in err
    code, err_lines = run_cli(capsys, "./runtime")
    assert code != 0 and err_lines == ["pack: error: main.py:1: expected ':'"]


def test_sources_folder_must_exist(tmp_path, capsys):
    missing = tmp_path / "nonexistent"
    code, err = run_cli(capsys, "runtime", "build", "--sources", str(missing))
    assert code == 2 and len(err) == 1 and "no such folder" in err[0]
    assert not missing.exists()


def test_new_makes_a_game_folder_that_packs(tmp_path, capsys):
    from pygbag_like.scan import scan_game

    game = tmp_path / "space-race"
    code, _ = run_cli(capsys, "new", str(game))
    assert code == 0
    assert sorted(p.name for p in game.iterdir()) == [".packignore", "assets", "main.py",
                                                      "pack.toml"]
    assert 'title = "Space Race"' in (game / "pack.toml").read_text()
    assert scan_game(game).entry_point == "main.py"  # it compiles, and nothing is ignored
    code, err = run_cli(capsys, "new", str(game))
    assert code == 2 and "already exists" in err[0]
