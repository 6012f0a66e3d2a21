"""Find emscripten and the host tools, and prepare an environment that works with them.

Handles Debian's emscripten packaging: its cache is read-only and frozen (we copy it to a
writable folder once), and Node does not search /usr/share/nodejs for `acorn`.
"""

import importlib.util
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pygbag_like.errors import RuntimeBuildError, ToolMissingError
from pygbag_like.runtime import paths
from pygbag_like.runtime.buildroot import read_stamp
from pygbag_like.runtime.process import run_logged

DEBIAN_NODE_MODULES = Path("/usr/share/nodejs")
DEBIAN_EMSCRIPTEN = Path("/usr/share/emscripten")
HOST_TOOLS = {
    # libffi's source has no configure script: autoreconf makes it (sdl_port/recipes/libffi.py)
    "autoreconf": "autoconf, automake and libtool (apt-get install autoconf automake libtool)",
    "libtoolize": "libtool (apt-get install libtool)",
    "cmake": "cmake (apt-get install cmake)",
    "gcc": "a host C compiler for SQLite's generator tools (apt-get install gcc)",
    "make": "make (apt-get install make)",
    "node": "Node.js (apt-get install nodejs)",
    "patch": "patch (apt-get install patch)",
    "python3.11": "Python 3.11 as the build Python (apt-get install python3.11)",
    "tclsh": "Tcl, which generates SQLite's amalgamation (apt-get install tcl)",
}


@dataclass(frozen=True)
class Toolchain:
    """An emscripten installation and the environment to run its tools in."""

    emcc: Path
    version: str
    env: dict[str, str]
    # The pinned Debian root this runs in (runtime/buildroot.py), None on a host's own tools.
    build_root: str | None = None

    @property
    def identity(self) -> str:
        """What components' cache keys name: emcc's version and the root's exact packages."""
        return self.version if self.build_root is None else f"{self.version} in {self.build_root}"


def _find_emcc() -> Path:
    emsdk = os.environ.get("EMSDK")
    if emsdk:
        candidate = Path(emsdk) / "upstream" / "emscripten" / "emcc"
        if candidate.exists():
            return candidate
    found = shutil.which("emcc")
    if found:
        return Path(found)
    raise ToolMissingError(
        "emscripten's emcc was not found: install it (apt-get install emscripten) "
        "or set EMSDK to an emsdk folder"
    )


def _check_cython() -> None:
    """pygame-ce's _sdl2 modules are Cython: the build needs it (an optional dependency)."""
    if importlib.util.find_spec("Cython") is None:
        raise ToolMissingError(
            "Cython is missing (the runtime build needs it): "
            "pip install 'pygbag_like[runtime-build]'"
        )


def _emcc_version(emcc: Path, env: dict[str, str]) -> str:
    log_path = paths.logs_dir() / "toolchain.log"
    try:
        version = run_logged([emcc, "-dumpversion"], log_path=log_path, step="toolchain",
                             env=env, capture=True).strip()
    except RuntimeBuildError as exc:
        raise ToolMissingError(f"{emcc} does not run (log: {log_path})") from exc
    if not version:
        raise ToolMissingError(f"{emcc} -dumpversion printed nothing (log: {log_path})")
    return version


def _frozen_cache_dir() -> Path | None:
    """Debian's cache, if emscripten's config freezes it (FROZEN_CACHE = True)."""
    config = DEBIAN_EMSCRIPTEN / ".emscripten"
    if not config.is_file():
        return None
    frozen = re.search(r"^FROZEN_CACHE\s*=\s*True", config.read_text(), re.MULTILINE)
    cache = DEBIAN_EMSCRIPTEN / "cache"
    return cache if frozen and (cache / "sysroot").is_dir() else None


def _writable_cache() -> Path | None:
    """Copy a read-only emscripten cache to the user cache once; None when not needed.

    Called with the build lock held; the copy is made in a private folder and renamed into
    place, so an interrupted copy is never taken for a complete one."""
    frozen = _frozen_cache_dir()
    if frozen is None:
        return None
    target = paths.emscripten_cache_dir()
    if not (target / ".complete").exists():
        tmp = Path(tempfile.mkdtemp(prefix=".emscripten-cache-", dir=target.parent))
        try:
            copy = tmp / "cache"
            shutil.copytree(frozen, copy, symlinks=True)
            for path in [copy, *copy.rglob("*")]:
                if not path.is_symlink():
                    path.chmod(path.stat().st_mode | 0o200)
            (copy / ".complete").touch()
            shutil.rmtree(target, ignore_errors=True)
            copy.rename(target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def find_toolchain() -> Toolchain:
    """Locate emcc and the host tools; raise ToolMissingError naming what to install.

    Call it with the cache's build lock held: it may fill the cache's emscripten folder."""
    for tool, hint in HOST_TOOLS.items():
        if shutil.which(tool) is None:
            raise ToolMissingError(f"{tool} was not found: install {hint}")
    emcc = _find_emcc()
    _check_cython()
    env = dict(os.environ)
    env["PATH"] = f"{emcc.parent}{os.pathsep}{env.get('PATH', '')}"
    if DEBIAN_NODE_MODULES.is_dir():
        node_path = env.get("NODE_PATH", "")
        env["NODE_PATH"] = os.pathsep.join(p for p in (node_path, str(DEBIAN_NODE_MODULES)) if p)
    paths.cache_root().mkdir(parents=True, exist_ok=True)
    writable = _writable_cache()
    if writable is not None:
        env["EM_CACHE"] = str(writable)
        env["EM_FROZEN_CACHE"] = ""
    stamp = read_stamp(Path("/"))
    return Toolchain(emcc=emcc, version=_emcc_version(emcc, env), env=env,
                     build_root=stamp["identity"] if stamp else None)
