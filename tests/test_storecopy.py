"""The module store a page gets: without the bytes and entries of packages its variant lacks."""

import gzip
import json
from pathlib import Path

from pygbag_like.datafile import write_data_file
from pygbag_like.storecopy import copy_store


def test_missing_packages_are_zeroed_and_unlisted_the_rest_keeps_its_offsets(tmp_path: Path):
    files = {"json/__init__.pyc": b"J" * 300, "numpy/core/x.pyc": bytes(range(256)) * 40,
             "numpy/__init__.pyc": b"N" * 500, "os.pyc": b"O" * 200}
    sources = []
    for rel, data in files.items():
        (tmp_path / "src" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "src" / rel).write_bytes(data)
        sources.append((rel, tmp_path / "src" / rel))
    store = tmp_path / "modules.data"
    write_data_file(sources, store)
    listing = store.with_name("modules.data.json")
    out, out_listing = tmp_path / "copy.data", tmp_path / "copy.data.json"
    copy_store(store, listing, out, out_listing, ("numpy",))
    copied = out.read_bytes()
    assert len(copied) == store.stat().st_size
    entries = json.loads(out_listing.read_text())["files"]
    assert sorted(e["filename"] for e in entries) == ["json/__init__.pyc", "os.pyc"]
    for entry in entries:
        assert copied[entry["start"]:entry["end"]] == files[entry["filename"]]
    assert b"N" not in copied and bytes(range(1, 256)) not in copied
    assert len(gzip.compress(copied)) < len(gzip.compress(store.read_bytes())) / 4
    copy_store(store, listing, out, out_listing, ())  # a numpy variant: the store as it is
    assert out.read_bytes() == store.read_bytes()
