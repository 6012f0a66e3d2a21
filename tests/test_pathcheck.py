import ast

from pygbag_like.pathcheck import (
    files_differing_by_case,
    literal_case_mismatches,
    literals_leaving_folder,
)

RELS = {"main.py", "assets/player.png", "assets/Music/theme.ogg", "README.md"}


def mismatches(py_rel: str, source: str, rels: set[str]) -> list[str]:
    return literal_case_mismatches(py_rel, ast.parse(source), rels)


def test_files_differing_by_case() -> None:
    rels = ["assets/player.png", "main.py", "assets/Player.png", "a.txt", "A.TXT", "b.txt"]
    assert files_differing_by_case(rels) == [
        "A.TXT and a.txt differ only by case",
        "assets/Player.png and assets/player.png differ only by case",
    ]


def test_files_differing_by_case_none() -> None:
    assert files_differing_by_case(["main.py", "assets/a.png", "assets/b.png"]) == []


def test_literal_full_path_with_other_case() -> None:
    source = 'import pygame\n\nimg = pygame.image.load("assets/Player.png")\n'
    assert mismatches("main.py", source, RELS) == [
        'main.py:3: "assets/Player.png" names assets/player.png with different case; '
        "the browser's filesystem is case-sensitive"
    ]


def test_literal_suffix_with_other_case() -> None:
    source = 'import os\npath = os.path.join("assets", "Player.png")\n'
    warnings = mismatches("game/util.py", source, RELS)
    assert warnings == [
        'game/util.py:2: "Player.png" names assets/player.png with different case; '
        "the browser's filesystem is case-sensitive"
    ]


def test_literal_folder_with_other_case() -> None:
    source = 'MUSIC = "assets/music/"\n'
    warnings = mismatches("main.py", source, RELS)
    assert len(warnings) == 1
    assert "names assets/Music with different case" in warnings[0]


def test_exact_matches_do_not_warn() -> None:
    source = (
        'a = "assets/player.png"\n'
        'b = "player.png"\n'
        'c = "./assets/Music/theme.ogg"\n'
        'd = "README.md"\n'
        'e = "assets\\\\player.png"\n'
    )
    assert mismatches("main.py", source, RELS) == []


def test_exact_match_wins_over_case_insensitive_one() -> None:
    rels = {"main.py", "a/Icon.png", "b/icon.png"}
    assert mismatches("main.py", 'x = "Icon.png"\ny = "icon.png"\n', rels) == []


def test_non_path_strings_are_ignored() -> None:
    source = 'print("Hello")\nx = "MAIN"\ny = "unknown.png"\nz = """multi\nline.PNG"""\n'
    assert mismatches("main.py", source, RELS) == []


def test_paths_leaving_the_packed_folder_are_named() -> None:
    source = ('a = "../graphics/player.png"\nb = "graphics/../x.png"\n'
              'c = "../../music/theme.ogg"\nd = "..\\\\fonts\\\\f.ttf"\n')
    tree = ast.parse(source)
    from_top = literals_leaving_folder("main.py", tree, "")
    assert [w.split(":")[1] for w in from_top] == ["1", "3", "4"]
    assert "the packed folder's top" in from_top[0] and "--main" in from_top[0]
    from_code = literals_leaving_folder("code/level.py", tree, "code")
    assert [w.split(":")[1] for w in from_code] == ["3"]
    assert "the game runs from code/" in from_code[0]
