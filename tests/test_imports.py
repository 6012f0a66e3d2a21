"""Which game modules the entry point reaches, and what it imports from elsewhere."""

import ast

from pygbag_like.imports import import_graph


def graph(sources: dict[str, str], entry: str = "main.py"):
    return import_graph({rel: ast.parse(text) for rel, text in sources.items()}, entry)


def test_follows_imports_through_packages_and_relative_imports():
    result = graph({
        "main.py": "import json\nfrom game import scenes\n",
        "game/__init__.py": "from .util import helper\n",
        "game/scenes.py": "from . import sprites\nimport pytmx.util_pygame\n",
        "game/sprites.py": "import pygame\n",
        "game/util.py": "from ..shared import x\n",
        "tools/unused.py": "import requests\n",
    })
    assert result.reachable == {"main.py", "game/__init__.py", "game/scenes.py",
                                "game/sprites.py", "game/util.py"}
    roots = {item.module.split(".")[0] for item in result.external}
    assert roots == {"json", "pygame", "pytmx", "shared"}
    pytmx = next(item for item in result.external if item.module == "pytmx.util_pygame")
    assert (pytmx.rel, pytmx.line) == ("game/scenes.py", 2)


def test_names_imported_from_a_package_are_not_taken_for_modules():
    result = graph({"main.py": "from pygame import Rect, mixer\nfrom os.path import join\n"})
    assert {item.module for item in result.external} == {"pygame", "os.path"}


def test_entry_point_folder_is_the_import_root():
    result = graph({"code/main.py": "import level\n", "code/level.py": "import settings\n",
                    "code/settings.py": "", "level.py": "import nothing\n"}, "code/main.py")
    assert result.reachable == {"code/main.py", "code/level.py", "code/settings.py"}
    assert result.external == ()


def test_imports_guarded_by_import_error_are_optional():
    result = graph({"main.py": "try:\n    import numpy\nexcept ImportError:\n    numpy = None\n"
                               "try:\n    import yaml\nexcept ValueError:\n    pass\n"
                               "try:\n    import toml\nexcept:\n    pass\n"})
    optional = {item.module: item.optional for item in result.external}
    assert optional == {"numpy": True, "yaml": False, "toml": True}


def test_folders_without_init_are_namespace_packages_of_the_game():
    # A real game (tbuhlnielsen/zombie-survival) keeps its scenes in core/ and constants/
    # with no __init__.py: pack called them missing third-party packages, did not read the
    # scenes and gave their blocking loops the plain runtime.
    result = graph({
        "main.py": "from core.scenes.start import StartScene\nfrom constants.settings import *\n",
        "core/scenes/start.py": "from core.tools import resources\nimport pytmx\n",
        "core/tools/resources.py": "import json\n",
        "constants/settings.py": "TITLE = 'x'\n",
    })
    assert result.reachable == {"main.py", "core/scenes/start.py", "core/tools/resources.py",
                                "constants/settings.py"}
    assert {item.module for item in result.external} == {"pytmx", "json"}
    assert not result.missing
