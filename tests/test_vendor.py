"""Third-party packages: bundled when pure Python, refused when compiled, named when missing."""

import ast
from pathlib import Path

import pytest

from pygbag_like.errors import ScanError
from pygbag_like.vendor import SITE_DIR, resolve_dependencies


def install(site: Path, name: str, files: dict[str, str]) -> None:
    """A distribution as pip leaves it: its files and a .dist-info with RECORD."""
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
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
