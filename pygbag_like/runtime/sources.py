"""Fetch pinned source archives and check them against their sha256.

An archive already in the sources folder is used as it is (offline builds: put the files
there, or point $PYGBAG_LIKE_SOURCES at a folder that has them). Otherwise Debian source
packages come from `apt-get source --download-only` (or, for a release other than the host's,
from the Debian archive's pool: $PYGBAG_LIKE_DEBIAN_MIRROR, default deb.debian.org) and PyPI
sdists from the package index pip is configured with.
"""

import hashlib
import json
import os
import shutil
import sys
import tempfile
import urllib.request
from pathlib import Path

from pygbag_like.errors import RuntimeBuildError, SourceHashError
from pygbag_like.runtime.process import run_logged
from pygbag_like.runtime.recipe import Source

PYPI_SIMPLE = "https://pypi.org/simple"  # pip's own default index
DEBIAN_MIRROR = "http://deb.debian.org/debian"  # apt's default; files are checked by sha256
MIRROR_ENV = "PYGBAG_LIKE_DEBIAN_MIRROR"  # another Debian mirror (or a snapshot of the archive)


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify(path: Path, expected: str) -> None:
    """Raise SourceHashError naming the file and both hashes when they differ."""
    actual = sha256_of(path)
    if actual != expected:
        raise SourceHashError(
            f"sha256 mismatch for {path}: expected {expected}, got {actual}; "
            "delete the file to download it again"
        )


def _fetch_debian(source: Source, workdir: Path, log_path: Path) -> Path:
    if shutil.which("apt-get") is None:
        raise RuntimeBuildError(f"{source.filename} is missing and apt-get is not available")
    # A newer Debian revision's patch file may be gone from the mirror while the .orig
    # tarball still downloads, so the exit code alone says little: look for the file.
    run_logged(["apt-get", "source", "--download-only", source.debian_package or ""],
               log_path=log_path, step="sources", cwd=workdir, check=False)
    found = workdir / source.filename
    if not found.exists():
        raise RuntimeBuildError(
            f"could not download {source.filename} with `apt-get source "
            f"{source.debian_package}`; enable deb-src entries in your apt sources "
            f"or put the file in $PYGBAG_LIKE_SOURCES (upstream: {source.upstream_url})",
            log_path=log_path,
        )
    return found


def debian_pool_url(source: Source, mirror: str = DEBIAN_MIRROR) -> str:
    """Where the Debian archive keeps a source package's files: pool/main/<l or libX>/<pkg>/."""
    package = source.debian_package or ""
    letter = package[:4] if package.startswith("lib") else package[:1]
    return f"{mirror.rstrip('/')}/pool/main/{letter}/{package}/{source.filename}"


def _download(url: str, target: Path) -> None:
    with urllib.request.urlopen(url, timeout=600) as response, target.open("wb") as out:
        shutil.copyfileobj(response, out)


def _fetch_debian_pool(source: Source, workdir: Path, log_path: Path) -> Path:
    url = debian_pool_url(source, os.environ.get(MIRROR_ENV, DEBIAN_MIRROR))
    target = workdir / source.filename
    try:
        _download(url, target)
    except OSError as exc:
        raise RuntimeBuildError(
            f"could not download {source.filename} from Debian {source.debian_release}'s "
            f"archive ({url}: {exc}); put the file in $PYGBAG_LIKE_SOURCES "
            f"(upstream: {source.upstream_url})", log_path=log_path,
        ) from exc
    return target


def _index_url(log_path: Path) -> str:
    """The simple index pip uses here: $PIP_INDEX_URL, pip's config, or pip's default."""
    url = os.environ.get("PIP_INDEX_URL")
    if not url:
        url = run_logged([sys.executable, "-m", "pip", "config", "get", "global.index-url"],
                         log_path=log_path, step="sources", capture=True, check=False).strip()
    return (url or PYPI_SIMPLE).rstrip("/")


def _fetch_pypi(source: Source, workdir: Path, log_path: Path) -> Path:
    # `pip download --no-binary` prepares metadata by building, which a C extension's
    # sdist cannot do here; the index's JSON page gives the file's address directly.
    page = f"{_index_url(log_path)}/{source.pypi_project}/"
    request = urllib.request.Request(
        page, headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            files = json.load(response)["files"]
        url = next(f["url"] for f in files if f["filename"] == source.filename)
        target = workdir / source.filename
        _download(url, target)
    except (OSError, StopIteration, KeyError, ValueError) as exc:
        raise RuntimeBuildError(
            f"could not download {source.filename} from the package index ({exc}); "
            f"put the file in $PYGBAG_LIKE_SOURCES (upstream: {source.upstream_url})"
        ) from exc
    return target


def ensure_source(source: Source, folder: Path, log_path: Path) -> Path:
    """Return the verified archive in `folder`, downloading it first if needed (logged)."""
    path = folder / source.filename
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder, prefix=".fetch-") as tmp:
            fetch = (_fetch_pypi if source.pypi_project
                     else _fetch_debian_pool if source.debian_release else _fetch_debian)
            fetched = fetch(source, Path(tmp), log_path)
            verify(fetched, source.sha256)
            fetched.replace(path)
        return path
    verify(path, source.sha256)
    return path
