"""Check a runtime folder against the sha256 the repository records for its key.

`sdl_port/expected-runtime.json` maps a runtime key (which covers every recipe, source, patch
and the emscripten version) to the sha256 of each runtime file a build of those recipes
gives. A runtime folder (a local build, or an installed runtime wheel) matches when each of
its files has the recorded hash, and its one-file-per-module copies (`lib/`) hold the same
bytes as the module store. docs/reproducible.md says what makes builds agree.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from pygbag_like.datafile import read_data_file
from pygbag_like.errors import PackError, RuntimeMissingError
from pygbag_like.resources import resource_dir
from pygbag_like.runtime.layout import (
    MANIFEST,
    MODULE_FILES,
    MODULE_STORE,
    RUNTIME_FILES,
    RuntimeFiles,
)
from pygbag_like.runtime.sources import sha256_of

RECORD_FILE = "expected-runtime.json"
RECORDED_FILES = tuple(sorted(set(RUNTIME_FILES)))  # the store files are in both variants
REPRODUCED, DIFFERS, NO_RECORD = "reproduced", "differs", "no record"
SHOWN_FILES = 12  # differing files named on the one line; the rest are counted


def record_path() -> Path:
    """The repository's record: runtime key -> emscripten version and file hashes."""
    return resource_dir("sdl_port") / RECORD_FILE


def runtime_key(folder: Path) -> str:
    """The key a runtime folder was built for, from its manifest."""
    try:
        return RuntimeFiles(folder).manifest["key"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RuntimeMissingError(f"{folder} is not a runtime folder: no readable "
                                  f"{MANIFEST} naming its key") from exc


def file_digests(folder: Path) -> dict[str, str | None]:
    """sha256 of each recorded file of a runtime folder (None for a missing file)."""
    return {name: sha256_of(folder / name) if (folder / name).is_file() else None
            for name in RECORDED_FILES}


def module_copy_mismatches(folder: Path) -> list[str]:
    """Paths below lib/ that are missing, extra, or not the bytes the module store holds."""
    try:
        store = read_data_file(folder / MODULE_STORE)
    except (OSError, ValueError, KeyError, PackError):
        return [f"{MODULE_FILES}/ (no readable {MODULE_STORE} to compare with)"]
    lib = folder / MODULE_FILES
    copies = {p.relative_to(lib).as_posix(): p for p in lib.rglob("*") if p.is_file()}
    return sorted(f"{MODULE_FILES}/{rel}" for rel in set(store) | set(copies)
                  if rel not in store or rel not in copies
                  or copies[rel].read_bytes() != store[rel])


def load_record(path: Path | None = None) -> dict[str, dict]:
    """The record: runtime key -> {"emscripten": version, "files": {name: sha256}}."""
    path = path or record_path()
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text())
    except ValueError as exc:
        raise PackError(f"{path} is not valid JSON ({exc}); restore it from the "
                        "repository") from exc


@dataclass(frozen=True)
class Verdict:
    """How a runtime folder compares with the record of its key."""

    folder: Path
    key: str
    status: str  # REPRODUCED, DIFFERS or NO_RECORD
    differing: tuple[str, ...] = ()

    def line(self) -> str:
        """One line for the console."""
        if self.status == REPRODUCED:
            return (f"reproduced: the {len(RECORDED_FILES)} runtime files match the record "
                    f"for key {self.key}")
        if self.status == DIFFERS:
            shown = ", ".join(self.differing[:SHOWN_FILES])
            more = len(self.differing) - SHOWN_FILES
            return (f"differs from the record for key {self.key}: {shown}"
                    + (f" and {more} more" if more > 0 else ""))
        return f"no record for this key ({self.key}) in {record_path().name}"


def check_runtime(folder: Path, record: dict[str, dict] | None = None) -> Verdict:
    """Compare a runtime folder with the record (default: the repository's)."""
    key = runtime_key(folder)
    expected = (load_record() if record is None else record).get(key)
    if expected is None:
        return Verdict(folder, key, NO_RECORD)
    actual = file_digests(folder)
    differing = [name for name in RECORDED_FILES
                 if actual[name] != expected["files"].get(name)]
    differing = [f"{name} (missing)" if actual[name] is None else name for name in differing]
    differing += module_copy_mismatches(folder)
    return Verdict(folder, key, DIFFERS if differing else REPRODUCED, tuple(differing))


def record_runtime(folder: Path, path: Path | None = None) -> Path:
    """Write the hashes of a runtime folder's files as the record of its key (the record then
    holds that key only: the pinned recipes have one key). Returns the record's path."""
    key = runtime_key(folder)
    digests = file_digests(folder)
    missing = [name for name, digest in digests.items() if digest is None]
    broken = module_copy_mismatches(folder)
    if missing or broken:
        raise PackError(f"{folder} is not a whole runtime, not recording it: "
                        f"{', '.join([*missing, *broken][:10])}")
    path = path or record_path()
    manifest = RuntimeFiles(folder).manifest
    record = {key: {"emscripten": manifest.get("emscripten"),
                    "build_root": manifest.get("build_root"), "files": digests}}
    path.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    return path
