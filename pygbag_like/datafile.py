"""The emscripten file_packager layout: NAME.data (bytes concatenated) + NAME.data.json (offsets).

The metadata is `{"files": [{"filename": rel, "start": s, "end": e}, ...],
"remote_package_size": total}`; the page writes each file below its mount point before Python
starts. See docs/architecture.md, "The data file format".
"""

import errno
import gzip
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from pygbag_like.errors import PackError
from pygbag_like.runtime.layout import GZIP_SUFFIX

_COPY_BUFFER = 1024 * 1024


def metadata_path(data_path: Path) -> Path:
    """The JSON metadata file that goes with `data_path` (NAME.data → NAME.data.json)."""
    return data_path.with_name(data_path.name + ".json")


def write_data_file(files: Sequence[tuple[str, Path]], data_path: Path) -> dict:
    """Concatenate `files` (relative name, source path) in the given order into `data_path`.

    Writes the metadata next to it (compact, sorted keys) and returns it. Same input, same bytes.
    """
    entries = []
    with open(data_path, "wb", buffering=0) as out:
        for rel, path in files:
            start = out.tell()
            try:
                with open(path, "rb") as source:
                    _append(source, out)
            except OSError as error:
                raise PackError(
                    f"cannot read {path}: {error.strerror}; check it still exists and is readable"
                ) from error
            entries.append({"filename": rel, "start": start, "end": out.tell()})
        total = out.tell()
    metadata = {"files": entries, "remote_package_size": total}
    metadata_path(data_path).write_text(
        json.dumps(metadata, separators=(",", ":"), sort_keys=True), encoding="utf-8"
    )
    return metadata


# Errors of os.sendfile that mean "not for these files": old kernels, file systems without
# it, and macOS, whose sendfile only writes to sockets (ENOTSOCK). Windows has no sendfile.
_NO_SENDFILE = frozenset({errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSOCK,
                          errno.EXDEV})


def _append(source: BinaryIO, out: BinaryIO) -> None:
    """Copy a whole file to the end of `out`, in the kernel where it can (os.sendfile), else
    through a buffer (the copy goes on from where sendfile stopped: both files' positions
    advance with what it wrote)."""
    sendfile = getattr(os, "sendfile", None)
    try:
        while sendfile is not None and sendfile(out.fileno(), source.fileno(), None,
                                                _COPY_BUFFER * 64):
            pass
    except OSError as error:
        if error.errno not in _NO_SENDFILE:
            raise
        sendfile = None
    if sendfile is None:
        shutil.copyfileobj(source, out, _COPY_BUFFER)


def write_gzip_copy(path: Path, level: int = 9) -> Path:
    """Write `path` + GZIP_SUFFIX: the same bytes gzip-compressed (no name, no timestamp, so
    the same file gives the same copy), for hosts that do not compress; returns its path."""
    copy = path.with_name(path.name + GZIP_SUFFIX)
    with open(path, "rb") as source, open(copy, "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", compresslevel=level, fileobj=raw,
                          mtime=0) as out:
        shutil.copyfileobj(source, out, _COPY_BUFFER)
    return copy


def read_data_file(data_path: Path) -> dict[str, bytes]:
    """Read back a data file and its metadata: relative name → bytes."""
    metadata = json.loads(metadata_path(data_path).read_text(encoding="utf-8"))
    data = data_path.read_bytes()
    if len(data) != metadata["remote_package_size"]:
        raise PackError(
            f"{data_path} holds {len(data)} bytes but its metadata says "
            f"{metadata['remote_package_size']}: pack the game again"
        )
    return {entry["filename"]: data[entry["start"] : entry["end"]] for entry in metadata["files"]}
