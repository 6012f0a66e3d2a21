"""The runtime installed as a wheel (`pack runtime wheel` makes it; pip installs it).

The wheel's distribution and import package is `pygbag_like_runtime`; the runtime folder (the
same files as a locally built one) is `pygbag_like_runtime/runtime/` in site-packages. Its
version is `<pygbag_like version>.<the runtime key as a decimal integer>`: a PEP 440 release
that an index accepts (a `+local` version it does not), and that says which tool version it
is for (the last number names a runtime, it does not order runtimes); the key itself
(hexadecimal) and the launcher hash are in the folder's manifest.json.
"""

import importlib.metadata
import importlib.util
from dataclasses import dataclass
from pathlib import Path

DIST_NAME = "pygbag_like_runtime"  # distribution name and import package, the same
RUNTIME_DIR = "runtime"  # the runtime folder inside the package


@dataclass(frozen=True)
class InstalledWheel:
    """The installed runtime wheel: its runtime folder, distribution name and version."""

    root: Path
    name: str
    version: str

    @property
    def origin(self) -> str:
        """How `pack runtime info` names it."""
        return f"installed wheel {self.name} {self.version}"


def wheel_version(tool_version: str, key: str) -> str:
    """The wheel's version for a runtime `key` (hexadecimal) built for `tool_version`."""
    return f"{tool_version}.{int(key, 16)}"


def installed_wheel() -> InstalledWheel | None:
    """The runtime wheel installed in this Python environment, or None. Nothing is imported:
    the package holds data only."""
    try:
        spec = importlib.util.find_spec(DIST_NAME)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    try:
        version = importlib.metadata.version(DIST_NAME)
    except importlib.metadata.PackageNotFoundError:
        version = "(no version: not installed by pip)"
    return InstalledWheel(package / RUNTIME_DIR, DIST_NAME, version)
