import os
import zipfile
from pathlib import Path

import pytest

from pygbag_like import archive
from pygbag_like.archive import ArchiveError, ArchiveReport, write_archive
from pygbag_like.errors import PackError


def make_out(root: Path, files: dict[str, bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root


OUT = {
    "index.html": b"<!doctype html><title>game</title>\n" * 20,
    "favicon.png": b"\x89PNG" + bytes(range(256)),
    "game.data": b"data" * 1000,
    "game.data.json": b'{"files":[]}',
    "runtime/python.wasm": b"\0asm" + bytes(5000),
}


def test_entries_and_report(tmp_path: Path) -> None:
    out = make_out(tmp_path / "out", OUT)
    zip_path = tmp_path / "game.zip"
    report = write_archive(out, zip_path)
    assert report == ArchiveReport(
        path=zip_path,
        file_count=5,
        zip_size=zip_path.stat().st_size,
        uncompressed_size=sum(len(content) for content in OUT.values()),
    )
    with zipfile.ZipFile(zip_path) as zipped:
        infos = zipped.infolist()
        assert [info.filename for info in infos] == sorted(OUT)
        assert {info.filename: zipped.read(info) for info in infos} == OUT
        by_name = {info.filename: info for info in infos}
    assert by_name["index.html"].compress_type == zipfile.ZIP_DEFLATED
    assert by_name["runtime/python.wasm"].compress_type == zipfile.ZIP_DEFLATED
    assert by_name["favicon.png"].compress_type == zipfile.ZIP_STORED
    for info in infos:
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.external_attr >> 16 == 0o100644
        assert not info.filename.startswith(("/", "out/"))
    assert report.zip_size < report.uncompressed_size


def test_two_runs_give_identical_bytes(tmp_path: Path) -> None:
    out = make_out(tmp_path / "out", OUT)
    write_archive(out, tmp_path / "a.zip")
    os.utime(out / "index.html", (0, 1_700_000_000))
    (out / "game.data").chmod(0o600)
    write_archive(out, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_zip_inside_the_output_folder_is_not_zipped_into_itself(tmp_path: Path) -> None:
    out = make_out(tmp_path / "out", OUT)
    write_archive(out, out / "game.zip")
    report = write_archive(out, out / "game.zip")
    assert report.file_count == len(OUT)
    with zipfile.ZipFile(out / "game.zip") as zipped:
        assert "game.zip" not in zipped.namelist()
    assert sorted(path.name for path in out.iterdir() if path.name.endswith(".tmp")) == []


def test_missing_index_html(tmp_path: Path) -> None:
    out = make_out(tmp_path / "out", {"sub/index.html": b"", "game.data": b""})
    with pytest.raises(ArchiveError, match=r"^no index\.html in .*: itch\.io starts the game"):
        write_archive(out, tmp_path / "game.zip")
    assert list(tmp_path.glob("*.zip*")) == []


def test_too_many_files(tmp_path: Path) -> None:
    out = make_out(tmp_path / "out", {"index.html": b""})
    for i in range(1000):
        (out / f"f{i}.txt").touch()
    with pytest.raises(ArchiveError) as caught:
        write_archive(out, tmp_path / "game.zip")
    assert isinstance(caught.value, PackError)
    assert "the output holds 1001 files, over itch.io's limit of 1000 files" in str(caught.value)
    assert list(tmp_path.glob("*.zip*")) == []


def test_file_too_big(tmp_path: Path) -> None:
    out = make_out(tmp_path / "out", {"index.html": b""})
    with open(out / "game.data", "wb") as sparse:
        sparse.truncate(archive.MAX_FILE_BYTES + 1)
    with pytest.raises(ArchiveError, match=r"^game\.data is 200\.0 MB \(209,715,201 bytes\), over"):
        write_archive(out, tmp_path / "game.zip")


def test_zip_too_big_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = make_out(tmp_path / "out", OUT)
    zip_path = tmp_path / "game.zip"
    zip_path.write_bytes(b"previous zip")
    monkeypatch.setattr(archive, "MAX_ZIP_BYTES", 100)
    with pytest.raises(
        ArchiveError, match=r"^game\.zip would be .* over itch\.io's default upload"
    ):
        write_archive(out, zip_path)
    assert zip_path.read_bytes() == b"previous zip"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["game.zip", "out"]
