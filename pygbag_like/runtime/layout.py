"""The files that make up a built runtime, as the packager sees them."""

import json
from dataclasses import dataclass
from pathlib import Path

RUNTIME_FILES = (
    "python.js", "python.wasm", "python-asyncify.js", "python-asyncify.wasm",
    "runtime.data", "runtime.data.json",
)


@dataclass(frozen=True)
class RuntimeFiles:
    """A built runtime folder: the browser files plus a manifest of what is in it."""

    root: Path

    @property
    def files(self) -> tuple[Path, ...]:
        """The files a page needs, in the order they are listed in RUNTIME_FILES."""
        return tuple(self.root / name for name in RUNTIME_FILES)

    @property
    def manifest(self) -> dict:
        """Component versions, build flags and the runtime key."""
        return json.loads((self.root / "manifest.json").read_text())
