"""The itch.io zip of the output folder: index.html at the root, deterministic bytes."""

import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pygbag_like.errors import PackError
from pygbag_like.output import MARKER

# itch.io's limits for HTML5 games. The number of files and the size of each extracted file are
# the "ZIP file requirements" of https://itch.io/docs/creators/html5 (itch.io refuses a bigger
# zip with "Too many files in zip (1096 > 1000)"); the zip size is itch.io's default upload limit
# per file (https://itch.io/docs/creators/faq, "Is there a size limit?"), which support can raise.
MAX_FILES = 1000
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ZIP_BYTES = 1024 * 1024 * 1024

# Already compressed: deflate would spend time for nothing. wasm, js and .data deflate well.
_STORED_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ogg", ".opus", ".mp3", ".m4a"}
    | {".aac", ".mp4", ".webm", ".woff2", ".zip", ".gz", ".br", ".7z"}
)
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_FIXED_MODE = 0o100644  # a regular file, rw-r--r--
_UNIX = 3
_COPY_BUFFER = 1024 * 1024


class ArchiveError(PackError):
    """The output folder cannot become an itch.io zip (no index.html, over an itch.io limit)."""


@dataclass(frozen=True)
class ArchiveReport:
    """What `write_archive` wrote: the zip, its entry count and its sizes in bytes."""

    path: Path
    file_count: int
    zip_size: int
    uncompressed_size: int


def archive_path(out_dir: Path) -> Path:
    """Where `--archive` writes the zip of `out_dir`: next to it, `<name>.zip`."""
    return out_dir.with_name(out_dir.name + ".zip")


def write_archive(out_dir: Path, zip_path: Path) -> ArchiveReport:
    """Zip the files of `out_dir` into `zip_path`, ready to upload to itch.io as an HTML5 game.

    Entries are sorted, dated 1980-01-01 and rw-r--r--, so the same folder gives the same bytes.
    The zip is written to a temporary file and renamed into place only once within the limits.
    """
    if zip_path.exists() and not zip_path.is_file():
        raise ArchiveError(f"{zip_path} exists and is not a file: remove or rename it")
    files = _listed(out_dir, skip=zip_path.resolve())
    if "index.html" not in {rel for rel, _ in files}:
        raise ArchiveError(
            f"no index.html in {out_dir}: itch.io starts the game from index.html at the root "
            "of the zip; pack the game into this folder first"
        )
    _check_files(files)
    fd, temp_name = tempfile.mkstemp(
        prefix=f".{zip_path.name}.", suffix=".tmp", dir=zip_path.parent
    )
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
            for rel, path in files:
                _add(archive, rel, path)
        zip_size = temp.stat().st_size
        if zip_size > MAX_ZIP_BYTES:
            raise ArchiveError(
                f"{zip_path.name} would be {_megabytes(zip_size)}, over itch.io's default upload "
                f"limit of {_megabytes(MAX_ZIP_BYTES)}: shrink the game's assets or ask itch.io "
                "support for a higher limit"
            )
        temp.chmod(0o644)
        temp.replace(zip_path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return ArchiveReport(
        path=zip_path,
        file_count=len(files),
        zip_size=zip_size,
        uncompressed_size=sum(path.stat().st_size for _, path in files),
    )


def _listed(out_dir: Path, skip: Path) -> list[tuple[str, Path]]:
    """Every file below `out_dir` as (posix relative path, path), sorted; `skip` and the
    output marker left out."""
    files = []
    for folder, _, names in os.walk(out_dir):
        for name in names:
            path = Path(folder, name)
            if name == MARKER and Path(folder) == out_dir:
                continue
            if name != skip.name or path.resolve() != skip:
                files.append((path.relative_to(out_dir).as_posix(), path))
    return sorted(files)


def _check_files(files: list[tuple[str, Path]]) -> None:
    if len(files) > MAX_FILES:
        raise ArchiveError(
            f"the output holds {len(files)} files, over itch.io's limit of {MAX_FILES} files in "
            "an HTML5 game's zip: remove files from the output folder"
        )
    for rel, path in files:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArchiveError(
                f"{rel} is {_megabytes(size)}, over itch.io's limit of "
                f"{_megabytes(MAX_FILE_BYTES)} per file in an HTML5 game: shrink the game's "
                "assets or list big unused ones in .packignore"
            )


def _add(archive: zipfile.ZipFile, rel: str, path: Path) -> None:
    """Stream one file into `archive` with fixed metadata."""
    info = zipfile.ZipInfo(rel, date_time=_FIXED_DATE)
    info.create_system = _UNIX
    info.external_attr = _FIXED_MODE << 16
    stored = path.suffix.lower() in _STORED_SUFFIXES
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.file_size = path.stat().st_size  # lets zipfile pick ZIP64 for big files up front
    with open(path, "rb") as source, archive.open(info, "w") as dest:
        shutil.copyfileobj(source, dest, _COPY_BUFFER)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB ({size:,} bytes)"
