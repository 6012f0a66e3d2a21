"""`pack runtime wheel`: the built runtime as a platform-independent wheel.

The wheel (`pygbag_like_runtime-<version>-py3-none-any.whl`, runtime/installed.py names it)
holds the runtime folder's files as RuntimeFiles lists them, below
`pygbag_like_runtime/runtime/`, and its `.dist-info` (METADATA, WHEEL, RECORD with sha256).
It is written with the standard library's zipfile: entries sorted, dated 1980-01-01, mode
rw-r--r--, so the same runtime gives the same wheel bytes (with the same zlib).
"""

import base64
import hashlib
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from pygbag_like import __version__
from pygbag_like.errors import OutputError
from pygbag_like.runtime.installed import DIST_NAME, RUNTIME_DIR, wheel_version
from pygbag_like.runtime.layout import GZIP_SUFFIX, MANIFEST, RUNTIME_FILES, RuntimeFiles

TAG = "py3-none-any"
SIZES_FILE = "sizes.json"  # `pack runtime info`'s sizes, computed once (commands/runtime.py)
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_FIXED_MODE = 0o100644
_UNIX = 3
_CHUNK = 1024 * 1024


def wheel_name(version: str) -> str:
    """The wheel's file name."""
    return f"{DIST_NAME}-{version}-{TAG}.whl"


def runtime_entries(runtime: RuntimeFiles) -> list[tuple[str, Path]]:
    """(name in the runtime folder, posix; file) for everything the wheel carries, sorted."""
    names = {*RUNTIME_FILES, MANIFEST}
    if (runtime.root / SIZES_FILE).is_file():
        names.add(SIZES_FILE)
    entries = [(name, runtime.root / name) for name in names]
    for folder, _, files in os.walk(runtime.module_files):
        for file in files:
            path = Path(folder, file)
            entries.append((path.relative_to(runtime.root).as_posix(), path))
    return sorted(entries)


def _record_hash(data_digest: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(data_digest).rstrip(b"=").decode()


def _metadata(version: str, manifest: dict) -> str:
    components = ", ".join(f"{name} {v}" for name, v in manifest.get("components", {}).items())
    return (
        "Metadata-Version: 2.1\n"
        f"Name: {DIST_NAME}\n"
        f"Version: {version}\n"
        f"Summary: The WebAssembly runtime of pygbag_like {__version__} (CPython and "
        f"pygame-ce built with emscripten {manifest.get('emscripten', '?')}), runtime key "
        f"{manifest['key']}\n"
        "Requires-Python: >=3.11\n"
        "License: PSF-2.0 AND LGPL-2.1 AND Zlib AND FTL AND BSD-3-Clause AND MIT AND "
        "bzip2-1.0.6 (the licences of the components it is built from)\n"
        "Description-Content-Type: text/plain\n"
        "\n"
        f"Data only: pygbag_like {__version__} finds it installed and packs games with it,\n"
        "with no emscripten and no build. Made by `pack runtime wheel` from a runtime built\n"
        "from the pinned sources of pygbag_like's sdl_port/recipes.\n"
        f"Runtime key: {manifest['key']}; launcher: {manifest.get('launcher')}.\n"
        f"Components: {components}.\n"
    )


def _wheel_file() -> str:
    return ("Wheel-Version: 1.0\n"
            f"Generator: pygbag_like {__version__} (pack runtime wheel)\n"
            "Root-Is-Purelib: true\n"
            f"Tag: {TAG}\n")


def _package_init() -> str:
    return ('"""The WebAssembly runtime of pygbag_like, as data: `pack` finds the folder\n'
            f'{RUNTIME_DIR}/ next to this file (pygbag_like/runtime/installed.py)."""\n')


def _contents(runtime: RuntimeFiles, version: str) -> Iterator[tuple[str, Path | bytes]]:
    """Every entry of the wheel but RECORD, in order: the package, then the dist-info."""
    yield f"{DIST_NAME}/__init__.py", _package_init().encode()
    for name, path in runtime_entries(runtime):
        yield f"{DIST_NAME}/{RUNTIME_DIR}/{name}", path
    dist_info = f"{DIST_NAME}-{version}.dist-info"
    yield f"{dist_info}/METADATA", _metadata(version, runtime.manifest).encode()
    yield f"{dist_info}/WHEEL", _wheel_file().encode()
    yield f"{dist_info}/top_level.txt", f"{DIST_NAME}\n".encode()


def _write_entry(archive: zipfile.ZipFile, name: str, source: Path | bytes) -> str:
    """Add one entry with fixed metadata; returns its RECORD line."""
    info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
    info.create_system = _UNIX
    info.external_attr = _FIXED_MODE << 16
    # The gzip copies are compressed already.
    info.compress_type = zipfile.ZIP_STORED if name.endswith(GZIP_SUFFIX) \
        else zipfile.ZIP_DEFLATED
    digest = hashlib.sha256()
    size = 0
    if isinstance(source, bytes):
        info.file_size = len(source)
        with archive.open(info, "w") as dest:
            dest.write(source)
        digest.update(source)
        size = len(source)
    else:
        info.file_size = source.stat().st_size
        with open(source, "rb") as file, archive.open(info, "w") as dest:
            for chunk in iter(lambda: file.read(_CHUNK), b""):
                dest.write(chunk)
                digest.update(chunk)
                size += len(chunk)
    return f"{name},{_record_hash(digest.digest())},{size}"


def build_wheel(runtime: RuntimeFiles, out_dir: Path) -> Path:
    """Write the runtime wheel into `out_dir` (created if needed); returns its path. The file
    appears complete or not at all."""
    version = wheel_version(__version__, runtime.manifest["key"])
    target = out_dir / wheel_name(version)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=out_dir)
    except OSError as error:
        raise OutputError(f"cannot write the wheel into {out_dir}: {error.strerror}; choose "
                          "another folder with --out") from error
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as raw, \
                zipfile.ZipFile(raw, "w", compresslevel=6) as archive:
            record = [_write_entry(archive, name, source)
                      for name, source in _contents(runtime, version)]
            record_name = f"{DIST_NAME}-{version}.dist-info/RECORD"
            record.append(f"{record_name},,")
            _write_entry(archive, record_name, ("\n".join(record) + "\n").encode())
        temp.chmod(0o644)
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target
