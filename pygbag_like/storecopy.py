"""A page's copy of the runtime's module store, without the packages its variant lacks.

The store (runtime/layout.py's MODULE_STORE) holds every compiled module, numpy's too. A page
whose runtime variant has no numpy never lists nor fetches numpy's modules, but a copy of the
whole store would still weigh on what is uploaded, zipped for itch.io, inlined into a
single-file page or kept for offline play. So their bytes are zeroed in the copy (the other
modules keep their offsets: gzip makes the zeros nearly nothing) and their entries are left
out of the store's file list.
"""

import json
import shutil
from collections.abc import Iterable
from pathlib import Path

CHUNK = 1 << 20


def in_packages(path: str, packages: Iterable[str]) -> bool:
    """True for a store path below one of the top-level `packages` ("numpy/core/x.pyc")."""
    return path.split("/")[0] in set(packages)


def copy_store(store: Path, listing: Path, out: Path, out_listing: Path,
               missing: Iterable[str]) -> None:
    """Copy the store and its file list (`listing`, the .json), leaving out `missing`."""
    missing = tuple(missing)
    if not missing:
        shutil.copyfile(store, out)
        shutil.copyfile(listing, out_listing)
        return
    metadata = json.loads(listing.read_text(encoding="utf-8"))
    holes = sorted((entry["start"], entry["end"]) for entry in metadata["files"]
                   if in_packages(entry["filename"], missing))
    with store.open("rb") as source, out.open("wb") as target:
        position = 0
        for start, end in [*holes, (store.stat().st_size, store.stat().st_size)]:
            _copy_bytes(source, target, start - position)
            target.write(bytes(end - start))
            source.seek(end)
            position = end
    metadata["files"] = [entry for entry in metadata["files"]
                         if not in_packages(entry["filename"], missing)]
    out_listing.write_text(json.dumps(metadata, separators=(",", ":"), sort_keys=True),
                           encoding="utf-8")


def _copy_bytes(source, target, count: int) -> None:
    while count > 0:
        chunk = source.read(min(CHUNK, count))
        if not chunk:
            break
        target.write(chunk)
        count -= len(chunk)
