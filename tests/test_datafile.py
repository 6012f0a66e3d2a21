import json
import os
import time
from pathlib import Path

import pytest

from pygbag_like.datafile import metadata_path, read_data_file, write_data_file
from pygbag_like.errors import PackError


def make_files(root: Path, contents: dict[str, bytes]) -> list[tuple[str, Path]]:
    files = []
    for rel, content in sorted(contents.items()):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        files.append((rel, path))
    return files


CONTENTS = {"main.py": b"print('hi')\n", "assets/a.png": b"\x89PNG\r\n", "empty.txt": b""}


def test_metadata_offsets(tmp_path: Path) -> None:
    files = make_files(tmp_path / "game", CONTENTS)
    data_path = tmp_path / "game.data"
    metadata = write_data_file(files, data_path)
    assert metadata == {
        "files": [
            {"filename": "assets/a.png", "start": 0, "end": 6},
            {"filename": "empty.txt", "start": 6, "end": 6},
            {"filename": "main.py", "start": 6, "end": 18},
        ],
        "remote_package_size": 18,
    }
    assert data_path.read_bytes() == b"\x89PNG\r\nprint('hi')\n"
    assert metadata_path(data_path) == tmp_path / "game.data.json"
    written = metadata_path(data_path).read_text(encoding="utf-8")
    assert json.loads(written) == metadata
    assert written.startswith('{"files":[{"end":6,"filename":"assets/a.png","start":0}')


def test_round_trip(tmp_path: Path) -> None:
    contents = {**CONTENTS, "assets/é.bin": os.urandom(5000)}
    data_path = tmp_path / "game.data"
    write_data_file(make_files(tmp_path / "game", contents), data_path)
    assert read_data_file(data_path) == contents


def test_same_input_same_bytes(tmp_path: Path) -> None:
    files = make_files(tmp_path / "game", CONTENTS)
    first, second = tmp_path / "1.data", tmp_path / "2.data"
    write_data_file(files, first)
    write_data_file(files, second)
    assert first.read_bytes() == second.read_bytes()
    assert metadata_path(first).read_bytes() == metadata_path(second).read_bytes()


def test_missing_source_file(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"^cannot read .*gone\.png: No such file"):
        write_data_file([("gone.png", tmp_path / "gone.png")], tmp_path / "game.data")


def test_truncated_data_file(tmp_path: Path) -> None:
    data_path = tmp_path / "game.data"
    write_data_file(make_files(tmp_path / "game", CONTENTS), data_path)
    data_path.write_bytes(b"short")
    with pytest.raises(PackError, match="holds 5 bytes but its metadata says 18"):
        read_data_file(data_path)


def test_100_mb_in_2000_files_is_fast(tmp_path: Path) -> None:
    block = os.urandom(50_000)
    contents = {f"assets/{i:04}.bin": block for i in range(2000)}
    files = make_files(tmp_path / "game", contents)
    started = time.perf_counter()
    metadata = write_data_file(files, tmp_path / "game.data")
    elapsed = time.perf_counter() - started
    assert metadata["remote_package_size"] == 100_000_000
    assert elapsed < 2, f"packing 100 MB took {elapsed:.2f} s"
