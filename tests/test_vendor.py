"""Third-party packages: bundled when pure Python, refused when compiled, named when missing."""

import ast
from collections.abc import Sequence
from pathlib import Path

import pytest

from pygbag_like.errors import ScanError
from pygbag_like.onimport import BROWSER_MARKERS
from pygbag_like.runtime.recipe import load_recipes
from pygbag_like.vendor import SITE_DIR, resolve_dependencies


def install(site: Path, name: str, files: dict[str, str], requires: Sequence[str] = ()) -> None:
    """A distribution as pip leaves it: its files and a .dist-info with RECORD; `requires`:
    its Requires-Dist lines."""
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n"
                                   + "".join(f"Requires-Dist: {line}\n" for line in requires))
    (info / "LICENSE").write_text("MIT")
    for rel, text in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text)
    record = [*files, f"{info.name}/METADATA", f"{info.name}/LICENSE", f"{info.name}/RECORD"]
    (info / "RECORD").write_text("".join(f"{rel},,\n" for rel in record))


@pytest.fixture
def game(tmp_path: Path) -> Path:
    game = tmp_path / "game"
    site = game / ".venv" / "lib" / "python3.11" / "site-packages"
    site.mkdir(parents=True)
    (game / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    install(site, "tilemaps", {"tilemaps/__init__.py": "from .loader import load\n",
                               "tilemaps/loader.py": "import xmlhelper\nimport json\n",
                               "tilemaps/pyglet_view.py": "import pyglet_not_installed\n"})
    install(site, "xmlhelper", {"xmlhelper.py": "import os\n"})
    install(site, "fastmath", {"fastmath/__init__.py": "from ._core import *\n",
                               "fastmath/_core.cpython-311-x86_64-linux-gnu.so": "ELF"})
    return game


def resolve(game: Path, main: str):
    return resolve_dependencies({"main.py": ast.parse(main)}, "main.py", game)


def test_pure_packages_are_bundled_with_what_they_import(game):
    result = resolve(game, "import pygame\nimport tilemaps\n")
    assert [(p.name, p.version) for p in result.packages] == [("tilemaps", "1.0"),
                                                             ("xmlhelper", "1.0")]
    rels = [rel for rel, _ in result.files]
    assert f"{SITE_DIR}/tilemaps/loader.py" in rels and f"{SITE_DIR}/xmlhelper.py" in rels
    assert f"{SITE_DIR}/tilemaps-1.0.dist-info/LICENSE" in rels
    assert not any(rel.endswith("RECORD") for rel in rels)
    assert result.warnings == ()  # pyglet_view is never imported, so pyglet is not needed


def test_compiled_package_is_an_error_unless_optional(game):
    with pytest.raises(ScanError, match=r"^main\.py:2: fastmath .* compiled package"):
        resolve(game, "import os\nimport fastmath\n")
    optional = resolve(game, "try:\n    import fastmath\nexcept ImportError:\n    pass\n")
    assert optional.packages == () and "except ImportError" in optional.warnings[0]


def test_missing_package_is_a_warning_with_the_fix(game):
    result = resolve(game, "import not_installed_anywhere\n")
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("main.py:1: not_installed_anywhere is not in the game")
    assert "pip install not_installed_anywhere" in result.warnings[0]
    # an import whose PyPI distribution has another name: the name to install
    (neat,) = resolve(game, "import neat\n").warnings
    assert "pip install neat-python)" in neat
    assert resolve(game, "try:\n    import nope\nexcept ImportError:\n    nope = None\n"
                   ).warnings == ()
    (aio,) = resolve(game, "import aio.fetch\n").warnings
    assert "aio is pygbag's own module" in aio and "pip install" not in aio


def test_numpy_comes_from_the_runtime_also_for_bundled_packages(game):
    site = game / ".venv" / "lib" / "python3.11" / "site-packages"
    install(site, "numpy", {"numpy/__init__.py": "from ._core import *\n",
                            "numpy/_core.cpython-311-x86_64-linux-gnu.so": "ELF"})
    install(site, "gridtools", {"gridtools/__init__.py": "import numpy.linalg\n"})
    result = resolve(game, "import gridtools\n")
    assert [p.name for p in result.packages] == ["gridtools"]  # numpy is not bundled
    assert "numpy.linalg" in result.runtime_imports  # what picks the numpy runtime


def site_of(game: Path) -> Path:
    return game / ".venv" / "lib" / "python3.11" / "site-packages"


def test_requirements_are_bundled_without_extras_for_the_browser(game):
    install(site_of(game), "richtext", {"richtext/__init__.py": (
        "import os\ntry:\n    import colorhelp\nexcept ImportError:\n    colorhelp = None\n")},
        requires=["colorhelp>=1", "notebookui; extra == 'jupyter'",
                  "winconsole; sys_platform == 'win32'", "oldcompat; python_version < '3.8'",
                  "webonly; platform_system == 'Emscripten'", "pygame-ce>=2.1", "numpy",
                  "enum34", "Not_Installed_Dep (>=2)"])
    install(site_of(game), "colorhelp", {"colorhelp.py": "import re\n"},
            requires=["fastmath"])  # compiled: not bundled, said
    for name in ("notebookui", "winconsole", "oldcompat", "webonly"):
        install(site_of(game), name, {f"{name}.py": ""})
    install(site_of(game), "enum34", {"enum/__init__.py": ""})  # the runtime's enum
    result = resolve(game, "from richtext import print\n")
    assert [p.name for p in result.packages] == ["richtext", "colorhelp", "webonly"]
    missing, compiled = result.warnings
    assert missing.startswith("richtext 1.0 requires Not_Installed_Dep, which is not in this "
                              "Python environment")
    assert "pip install Not_Installed_Dep" in missing
    assert "colorhelp 1.0 requires fastmath 1.0, a compiled package" in compiled
    # colorhelp is bundled, so its guarded import runs: what it imports is shipped
    assert result.runtime_imports == ("os", "re")


@pytest.mark.parametrize("imports_notebookui", [
    "def show():\n    from notebookui import display\n    return display\n",
    "try:\n    import notebookui\nexcept ImportError:\n    notebookui = None\n",
    "try:\n    import json\nexcept ImportError:\n    import notebookui as json\n",
    "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from notebookui import Thing\n",
    "import sys\nif sys.version_info >= (3, 14):\n    import notebookui\n",
    "import sys\nif sys.platform == 'win32':\n    import notebookui\n",
    "import sys\nif sys.version_info[0] == 2:\n    import notebookui\n",
], ids=["in-a-function", "except-ImportError", "fallback", "TYPE_CHECKING", "version",
        "platform", "python-2"])
def test_bundled_modules_bring_in_only_the_imports_run_when_imported(game, imports_notebookui):
    """rich imports IPython inside a function: that must not bundle IPython (and all of it)."""
    install(site_of(game), "richtext", {
        # pygame_menu's __init__ imports its modules below an `if` that runs: they count
        "richtext/__init__.py": "if VERSION is not None:\n    import xmlhelper\n"
                                "    from . import pretty\n",
        "richtext/pretty.py": imports_notebookui,
        "richtext/unused.py": "import tilemaps\n"})  # never imported: not needed
    install(site_of(game), "notebookui", {"notebookui.py": "import lzma\n"})
    result = resolve(game, "import richtext\n")
    # xmlhelper, imported at module level, is bundled though richtext does not require it
    assert [p.name for p in result.packages] == ["richtext", "xmlhelper"]
    assert result.warnings == ()
    assert "lzma" not in result.runtime_imports


def test_a_bundled_function_s_import_does_not_pick_the_runtime_variant(game):
    install(site_of(game), "richtext", {
        "richtext/__init__.py": "import os\n\n\ndef save():\n    import sqlite3\n"})
    assert resolve(game, "import richtext\n").runtime_imports == ("os",)


def test_a_missing_import_of_a_bundled_module_says_where(game):
    install(site_of(game), "richtext", {
        "richtext/__init__.py": "def later():\n    import gone\n    import elsewhere\n\n\n"
                                "import gone\n"})
    (warning,) = resolve(game, "import richtext\n").warnings  # none for `elsewhere`
    assert warning.startswith(f"{SITE_DIR}/richtext/__init__.py:6: gone is not in the game")
    assert "pip install gone" in warning


def test_the_game_s_own_imports_count_wherever_they_are(game):
    install(site_of(game), "notebookui", {"notebookui.py": "import sqlite3\n"})
    result = resolve(game, "def show():\n    import notebookui\n    import lzma\n")
    assert [p.name for p in result.packages] == ["notebookui"]
    assert set(result.runtime_imports) == {"lzma", "sqlite3"}


def test_browser_markers_are_the_runtime_s_python():
    version = load_recipes()["python"].recipe.version
    assert BROWSER_MARKERS["python_full_version"] == version
    assert BROWSER_MARKERS["python_version"] == version.rsplit(".", 1)[0]
