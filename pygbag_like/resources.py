"""Locate the data folders that ship with the package (templates/, sdl_port/).

Installed, they live inside the package (see pyproject's package-dir); in a source checkout,
they sit at the repository root next to `pygbag_like/`.
"""

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return the folder `templates` or `sdl_port`, installed or from a checkout."""
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"pygbag_like data folder {name!r} is missing from the installation")
