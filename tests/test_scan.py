import os
from pathlib import Path

import pytest

from pygbag_like import scan
from pygbag_like.errors import ScanError
from pygbag_like.scan import GameFile, ScanResult, scan_game


def make_game(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in {"main.py": "print('hi')\n", **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def rels(result: ScanResult) -> list[str]:
    return [game_file.rel for game_file in result.files]


def test_lists_files_sorted_with_sizes(tmp_path: Path) -> None:
    game = make_game(tmp_path / "game", {"b.txt": "bb", "assets/a.png": b"\x89PNG", "a.txt": ""})
    result = scan_game(game)
    assert rels(result) == ["a.txt", "assets/a.png", "b.txt", "main.py"]
    assert result.files[1] == GameFile(
        rel="assets/a.png", path=game.resolve() / "assets" / "a.png", size=4
    )
    assert result.warnings == ()


def test_default_exclusions(tmp_path: Path) -> None:
    excluded = [
        ".git/config",
        ".hg/store",
        ".svn/entries",
        "__pycache__/main.cpython-311.pyc",
        "lib/__pycache__/x.pyc",
        "lib/old.pyc",
        ".venv/bin/python",
        "venv/lib/site.py",
        "myenv/pyvenv.cfg",
        "myenv/lib/mod.py",
        ".env",
        ".idea/workspace.xml",
        ".vscode/settings.json",
        ".mypy_cache/x",
        ".pytest_cache/x",
        ".ruff_cache/x",
        "node_modules/x.js",
        "build/web/index.html",
        "build/web.zip",
        ".DS_Store",
        "assets/Thumbs.db",
        ".packignore",
    ]
    kept = ["lib/util.py", "build/notes.txt", "assets/web/x.png", "environment.txt"]
    game = make_game(tmp_path, dict.fromkeys(excluded + kept, ""))
    assert rels(scan_game(game)) == sorted([*kept, "main.py"])


def test_packignore_with_negation(tmp_path: Path) -> None:
    game = make_game(
        tmp_path,
        {
            ".packignore": "# logs\n*.log\n!keep.log\ndocs/\n",
            "debug.log": "",
            "keep.log": "",
            "sub/other.log": "",
            "docs/readme.md": "",
            "data.txt": "",
        },
    )
    assert rels(scan_game(game)) == ["data.txt", "keep.log", "main.py"]


def test_config_excludes_apply_after_packignore(tmp_path: Path) -> None:
    game = make_game(
        tmp_path, {".packignore": "*.psd\n", "art.psd": "", "big.wav": "", "keep.psd": ""}
    )
    assert rels(scan_game(game, excludes=["*.wav", "!keep.psd"])) == ["keep.psd", "main.py"]


def test_bad_pattern_is_reported(tmp_path: Path) -> None:
    game = make_game(tmp_path, {})
    with pytest.raises(ScanError, match="the excludes setting"):
        scan_game(game, excludes=["\\"])


def test_out_dir_inside_game_is_skipped(tmp_path: Path) -> None:
    game = make_game(tmp_path, {"dist/index.html": "", "dist/game.data": "", "a.txt": ""})
    assert rels(scan_game(game, extra_excluded=[game / "dist"])) == ["a.txt", "main.py"]


def test_missing_main_py(tmp_path: Path) -> None:
    (tmp_path / "game.py").write_text("")
    with pytest.raises(
        ScanError, match=r"^no main\.py in .*; the entry point of a game is main\.py"
    ):
        scan_game(tmp_path)


def test_main_py_with_other_case_is_named(tmp_path: Path) -> None:
    (tmp_path / "Main.py").write_text("")
    with pytest.raises(ScanError, match=r"found Main\.py: rename it"):
        scan_game(tmp_path)


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(ScanError, match="is empty"):
        scan_game(tmp_path)


def test_missing_folder_and_file_root(tmp_path: Path) -> None:
    with pytest.raises(ScanError, match="does not exist"):
        scan_game(tmp_path / "nope")
    (tmp_path / "file").write_text("")
    with pytest.raises(ScanError, match="is not a folder"):
        scan_game(tmp_path / "file")


def test_syntax_error_message(tmp_path: Path) -> None:
    game = make_game(tmp_path, {"main.py": "import pygame\nx = (\n"})
    with pytest.raises(ScanError) as caught:
        scan_game(game)
    assert str(caught.value) == "main.py:2: '(' was never closed"


def test_syntax_error_in_package_module(tmp_path: Path) -> None:
    game = make_game(tmp_path, {"main.py": "import game.util\n", "game/__init__.py": "",
                                "game/util.py": "def f(:\n    pass\n"})
    with pytest.raises(ScanError, match=r"^game/util\.py:1: invalid syntax"):
        scan_game(game)


def test_non_utf8_python_source(tmp_path: Path) -> None:
    game = make_game(tmp_path, {"main.py": b"# caf\xe9\nprint(1)\n"})
    with pytest.raises(ScanError, match=r"^main\.py: byte 0xe9 at offset 5 is not UTF-8"):
        scan_game(game)


def test_compile_warnings_become_scan_warnings(tmp_path: Path) -> None:
    game = make_game(tmp_path, {"main.py": "x = 1\nassert (x, 'always true')\n"})
    (warning,) = scan_game(game).warnings
    assert warning.startswith("main.py:2: assertion is always true")


def test_escaping_file_symlink_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("secret")
    game = make_game(tmp_path / "game", {})
    (game / "assets").mkdir()
    (game / "assets" / "link.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(ScanError) as caught:
        scan_game(game)
    message = str(caught.value)
    assert message.startswith("assets/link.txt is a symlink to ")
    assert str(tmp_path / "secret.txt") in message
    assert "outside the game folder" in message


def test_escaping_dir_symlink_is_refused(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "x.png").write_text("")
    game = make_game(tmp_path / "game", {})
    (game / "shared").symlink_to(tmp_path / "shared", target_is_directory=True)
    with pytest.raises(ScanError, match=r"^shared is a symlink to .*shared, outside the game"):
        scan_game(game)


def test_escaping_symlink_in_packignore_is_skipped(tmp_path: Path) -> None:
    game = make_game(tmp_path / "game", {".packignore": "link\n"})
    (game / "link").symlink_to(tmp_path, target_is_directory=True)
    assert rels(scan_game(game)) == ["main.py"]


def test_internal_symlinks_are_followed(tmp_path: Path) -> None:
    game = make_game(tmp_path / "game", {"assets/a.png": b"png"})
    (game / "alias.png").symlink_to(game / "assets" / "a.png")
    (game / "more").symlink_to("assets", target_is_directory=True)
    result = scan_game(game)
    assert rels(result) == ["alias.png", "assets/a.png", "main.py", "more/a.png"]
    assert [game_file.size for game_file in result.files] == [3, 3, 12, 3]


def test_symlink_loop_is_refused(tmp_path: Path) -> None:
    game = make_game(tmp_path, {})
    (game / "sub").mkdir()
    (game / "sub" / "up").symlink_to("..", target_is_directory=True)
    with pytest.raises(ScanError, match=r"^sub/up links to the folder holding it"):
        scan_game(game)


def test_broken_symlink_is_refused(tmp_path: Path) -> None:
    game = make_game(tmp_path, {})
    (game / "gone.png").symlink_to(game / "missing.png")
    with pytest.raises(ScanError, match=r"^gone\.png is a broken symlink"):
        scan_game(game)


def test_non_utf8_file_name(tmp_path: Path) -> None:
    game = make_game(tmp_path, {})
    with open(os.path.join(os.fsencode(game), b"bad\xff.png"), "wb"):
        pass
    with pytest.raises(ScanError) as caught:
        scan_game(game)
    assert str(caught.value).startswith("the name b'bad\\xff.png' is not valid UTF-8: rename it")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path: Path) -> None:
    game = make_game(tmp_path, {"secret.png": "x"})
    (game / "secret.png").chmod(0)
    with pytest.raises(ScanError, match=r"^cannot read secret\.png: Permission denied"):
        scan_game(game)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Works as root too: opening this one file fails as a mode-000 file would for a normal user.
    game = make_game(tmp_path, {"assets/secret.png": "x"})
    real_open = open

    def open_denying_secret(path: Path, mode: str = "r") -> object:
        if Path(path).name == "secret.png":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, mode)

    monkeypatch.setattr(scan, "open", open_denying_secret, raising=False)
    with pytest.raises(ScanError) as caught:
        scan_game(game)
    assert str(caught.value) == (
        "cannot read assets/secret.png: Permission denied; fix its permissions or list it in "
        ".packignore"
    )


def test_fifo_is_refused(tmp_path: Path) -> None:
    game = make_game(tmp_path, {})
    os.mkfifo(game / "pipe")
    with pytest.raises(ScanError, match=r"^pipe is not a regular file"):
        scan_game(game)


def test_case_warnings_are_included(tmp_path: Path) -> None:
    game = make_game(
        tmp_path,
        {
            "main.py": 'import pygame\nimg = pygame.image.load("assets/Hero.png")\n',
            "assets/hero.png": "",
            "assets/Tile.png": "",
            "assets/tile.png": "",
        },
    )
    assert scan_game(game).warnings == (
        "assets/Tile.png and assets/tile.png differ only by case",
        'main.py:2: "assets/Hero.png" names assets/hero.png with different case; '
        "the browser's filesystem is case-sensitive",
    )


def test_results_are_deterministic(tmp_path: Path) -> None:
    game = make_game(tmp_path, {f"d{i % 7}/f{i}.txt": str(i) for i in range(50)})
    assert scan_game(game) == scan_game(game)
    assert rels(scan_game(game)) == sorted(rels(scan_game(game)))


def test_pep_263_coding_line_is_honoured(tmp_path: Path) -> None:
    source = "# -*- coding: latin-1 -*-\nname = 'caf\xe9'\nprint(name)\n".encode("latin-1")
    game = make_game(tmp_path, {"main.py": source})
    assert rels(scan_game(game)) == ["main.py"]


def test_unknown_coding_line_is_one_line_error(tmp_path: Path) -> None:
    game = make_game(tmp_path, {"main.py": b"# coding: klingon\nx = 1\n"})
    with pytest.raises(ScanError, match=r"^main\.py: .*klingon"):
        scan_game(game)


def test_code_nested_too_deeply_is_one_line_error(tmp_path: Path) -> None:
    chain = "x" + ".a" * 1500
    game = make_game(tmp_path, {"main.py": f"{chain}\n", "deep.py": "x = " + "(" * 300 + ")" * 300})
    with pytest.raises(ScanError, match=r"^(main|deep)\.py"):
        scan_game(game)


def test_thousand_levels_of_folders(tmp_path: Path) -> None:
    game = make_game(tmp_path / "game", {})
    deep = game
    for _ in range(1000):
        deep = deep / "d"
        deep.mkdir()  # os.makedirs recurses once per level: too deep for it
    (deep / "bottom.txt").write_text("x")
    try:
        assert rels(scan_game(game))[0].count("/") == 1000
    finally:  # bottom up: shutil.rmtree (and pytest's clean-up) recurses once per level
        (deep / "bottom.txt").unlink()
        while deep != game:
            deep.rmdir()
            deep = deep.parent


def test_self_symlink_is_one_line_error(tmp_path: Path) -> None:
    game = make_game(tmp_path, {})
    (game / "loop").symlink_to("loop")
    with pytest.raises(ScanError, match=r"^cannot read loop: Too many levels of symbolic"):
        scan_game(game)


def test_dotenv_files_are_never_packed_unless_negated(tmp_path: Path) -> None:
    secrets = [".env.local", ".env.production", "config/.env.development", ".env"]
    game = make_game(tmp_path, {**dict.fromkeys(secrets, "KEY=1"), ".env.example": "KEY="})
    assert rels(scan_game(game)) == ["main.py"]
    (game / ".packignore").write_text("!.env.example\n")
    assert rels(scan_game(game)) == [".env.example", "main.py"]


def test_gitignore_applies_when_there_is_no_packignore(tmp_path: Path) -> None:
    game = make_game(tmp_path, {
        ".gitignore": "save.json\n/notes/\n*.log\n!keep.log\n",
        "save.json": "{}", "notes/todo.txt": "", "a.log": "", "keep.log": "",
        "levels/.gitignore": "generated/\n/local.txt\n",
        "levels/generated/x.lvl": "", "levels/sub/generated/y.lvl": "",
        "levels/local.txt": "", "levels/sub/local.txt": "", "levels/one.lvl": "",
    })
    assert rels(scan_game(game)) == ["keep.log", "levels/one.lvl", "levels/sub/local.txt",
                                     "main.py"]
    (game / ".packignore").write_text("*.lvl\n")  # a .packignore replaces .gitignore files
    assert rels(scan_game(game)) == ["a.log", "keep.log", "levels/local.txt",
                                     "levels/sub/local.txt", "main.py", "notes/todo.txt",
                                     "save.json"]


def test_outputs_and_their_zip_are_never_packed(tmp_path: Path) -> None:
    from pygbag_like.output import mark_output

    game = make_game(tmp_path, {"dist/index.html": "", "old/index.html": "", "dist.zip": "z"})
    mark_output(game / "old")
    result = scan_game(game, extra_excluded=[game / "dist", game / "dist.zip"])
    assert rels(result) == ["main.py"]


def test_entry_point_in_a_subfolder(tmp_path: Path) -> None:
    game = tmp_path / "project"
    make_game(game / "code", {"main.py": 'img = "../graphics/player.png"\n'})
    (game / "graphics").mkdir()
    (game / "graphics" / "player.png").write_bytes(b"png")
    found = scan_game(game)  # the one main.py, in code/ (clear-code-projects' layout)
    assert found.entry_point == "code/main.py"
    assert found.warnings == ("no main.py: code/main.py is the entry point (the one main.py "
                              "here; set main = \"...\" to choose)",)
    result = scan_game(game, entry_point="code/main.py")
    assert rels(result) == ["code/main.py", "graphics/player.png"]
    assert result.warnings == ()
    make_game(game / "tools", {"main.py": "print('level editor')\n"})
    with pytest.raises(ScanError, match=r"several in its folders \(code/main\.py, "
                                        r"tools/main\.py\): choose one with --main"):
        scan_game(game)
    (game / "tools" / "main.py").unlink()
    inner = scan_game(game / "code")  # the old way: .. leaves what was packed
    assert inner.warnings and "leads outside the packed folder" in inner.warnings[0]


def test_the_one_script_using_pygame_is_the_entry_point(tmp_path: Path) -> None:
    game = tmp_path / "shooter"
    game.mkdir()
    (game / "shooter_tut13.py").write_text("import pygame\nimport button\n")
    (game / "button.py").write_text("class Button:\n    pass\n")
    (game / "tools").mkdir()
    (game / "tools" / "make_levels.py").write_text("import pygame\n")
    result = scan_game(game)
    assert result.entry_point == "shooter_tut13.py"
    assert any(w.startswith("no main.py: shooter_tut13.py is the entry point") for w in
               result.warnings)
    (game / "editor.py").write_text("import pygame\n")
    with pytest.raises(ScanError, match=r"several scripts .*editor\.py, shooter_tut13\.py"):
        scan_game(game)
    assert scan_game(game, entry_point="editor.py").entry_point == "editor.py"
    # Of several, the one that runs when started as a script (ehmatthes' Alien Invasion).
    (game / "shooter_tut13.py").write_text("import pygame\nif __name__ == '__main__':\n"
                                           "    pygame.init()\n")
    result = scan_game(game)
    assert result.entry_point == "shooter_tut13.py"
    assert any("(the one script here that uses pygame and runs when started;" in w
               for w in result.warnings)


def test_the_one_script_with_a_main_guard_is_the_entry_point(tmp_path: Path) -> None:
    """knchess/tetris: tetris.py starts the game through app.py, which with view.py uses
    pygame; only tetris.py has `if __name__ == "__main__":`."""
    game = make_game(tmp_path, {"app.py": "import pygame\nimport view\n",
                                "view.py": "import pygame\n",
                                "tetris.py": "import app\nif __name__ == '__main__':\n"
                                             "    app.run()\n"})
    (game / "main.py").unlink()
    result = scan_game(game)
    assert result.entry_point == "tetris.py"
    assert any('(the one script here with if __name__ == "__main__";' in w
               for w in result.warnings)
    (game / "make_levels.py").write_text("import json\nif __name__ == '__main__':\n"
                                          "    print(json.dumps([]))\n")
    assert scan_game(game).entry_point == "tetris.py"  # a tool that never reaches pygame


def test_syntax_errors_only_stop_a_pack_in_modules_the_game_imports(tmp_path: Path) -> None:
    game = make_game(tmp_path, {"main.py": "import level\n", "level.py": "x = 1\n",
                                "old/yaml2.py": "print 'python 2'\n"})
    result = scan_game(game)
    assert any(w.startswith("old/yaml2.py:1:") and "not imported by the game" in w
               for w in result.warnings)
    (game / "level.py").write_text("def broken(:\n")
    with pytest.raises(ScanError, match=r"^level\.py:1:"):
        scan_game(game)


def test_working_dir_follows_the_paths_the_code_names(tmp_path: Path) -> None:
    project = make_game(tmp_path / "project", {
        "code/main.py": "import settings\n",
        "code/settings.py": 'PLAYER = "graphics/player.png"\nLEVEL = "data/map.csv"\n',
        "graphics/player.png": b"png", "data/map.csv": "1,2",
    })
    result = scan_game(project, entry_point="code/main.py")
    assert result.working_dir == ""
    assert any("code/main.py runs from the top folder: " in w for w in result.warnings)
    (project / "code" / "settings.py").write_text('PLAYER = "../graphics/player.png"\n')
    assert scan_game(project, entry_point="code/main.py").working_dir == "code"


def test_no_entry_point_names_the_scripts_using_pygame_in_its_folders(tmp_path: Path) -> None:
    game = tmp_path / "repo"  # tasdikrahman/spaceShooter's layout, packed from its top
    game.mkdir()
    (game / "setup.py").write_text("from setuptools import setup\n")
    make_game(game / "spaceshooter", {"spaceShooter.py": "import pygame\n"})
    (game / "spaceshooter" / "main.py").unlink()
    with pytest.raises(ScanError, match=r"no script at its top uses pygame; in its folders: "
                                        r"spaceshooter/spaceShooter\.py: choose the game's "
                                        r"script with --main spaceshooter/spaceShooter\.py"):
        scan_game(game)
    (game / "spaceshooter" / "spaceShooter.py").write_text("print('no pygame')\n")
    with pytest.raises(ScanError, match=r"the entry point of a game is main\.py"):
        scan_game(game)


def test_of_several_pygame_modules_the_one_that_opens_the_window_is_the_entry_point(
        tmp_path: Path) -> None:
    game = tmp_path / "phflorg"  # olesk75/adventures-in-pygame: nine modules use pygame
    game.mkdir()
    (game / "phflorg.py").write_text("import pygame as pg\nfrom level import Level\n"
                                     "screen = pg.display.set_mode((640, 480))\n"
                                     "while True:\n    pg.display.update()\n")
    (game / "level.py").write_text("import pygame as pg\nclass Level:\n    def run(self):\n"
                                   "        while True:\n            pg.display.set_mode((1, 1))\n")
    (game / "player.py").write_text("import pygame\nSPEED = 3\n")
    result = scan_game(game)
    assert result.entry_point == "phflorg.py"
    assert any("phflorg.py is the entry point (the one script here that opens the window"
               in warning for warning in result.warnings)


def test_git_lfs_pointers_are_named(tmp_path: Path) -> None:
    # SpaghettiArchitect/simple_platformer keeps its PNGs in Git LFS: a clone without git lfs
    # holds 130-byte pointers, which pack bundled without a word.
    pointer = ("version https://git-lfs.github.com/spec/v1\n"
               "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
               "size 12345\n")
    game = make_game(tmp_path, {f"assets/{name}.png": pointer for name in "abcd"})
    (game / "assets" / "real.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    warnings = [w for w in scan_game(game).warnings if "Git LFS" in w]
    assert warnings == ["assets/a.png, assets/b.png, assets/c.png and 1 more are Git LFS "
                        "pointers, not the file itself: run `git lfs pull` in the game's "
                        "repository, then pack again"]
