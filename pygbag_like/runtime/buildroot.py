"""The pinned build environment: a minimal Debian root, made with debootstrap, that the
runtime is built in (docs/reproducible.md).

`sdl_port/buildroot.json` names the Debian release, the packages asked for and the Python
packages the build needs, and records the exact versions a root made from them holds. A root
is made once into the cache, from that release's archive (never the host's apt sources), and
its versions are checked against the record: the same record gives the same compilers, build
Python and Cython on any Linux host, hence the same runtime bytes. The record's digest is part
of every component's key.
"""

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock

from pygbag_like.errors import RuntimeBuildError, ToolMissingError
from pygbag_like.resources import resource_dir
from pygbag_like.runtime import paths
from pygbag_like.runtime.chroot import Bind, require_root, root_command
from pygbag_like.runtime.process import run_logged
from pygbag_like.runtime.sources import DEBIAN_MIRROR, MIRROR_ENV

SPEC_FILE = "buildroot.json"
# Inside a root: what it was made from and holds. Its presence tells the build it runs in one.
STAMP = Path("/etc/pygbag_like/build-root.json")
# The virtual environment (in the root) with the Python packages of the build.
VENV = "/opt/pygbag-build"
STEP = "build root"
# Where the package's code is seen inside a root (a fixed name, whatever the host's layout).
SOURCE_INSIDE = "/opt/pygbag_like/src"


@dataclass(frozen=True)
class BuildRootSpec:
    """What a root is made from (`release`, `include`, `python_requirements`) and the
    versions such a root was recorded to hold (`packages`, `python_packages`)."""

    release: str
    include: tuple[str, ...]
    python_requirements: tuple[str, ...]
    packages: Mapping[str, str] = field(default_factory=dict)
    python_packages: Mapping[str, str] = field(default_factory=dict)

    @property
    def folder_name(self) -> str:
        """The root's folder in the cache: the release and a digest of what is asked for."""
        asked = json.dumps([self.release, sorted(self.include),
                            sorted(self.python_requirements)])
        return f"{self.release}-{hashlib.sha256(asked.encode()).hexdigest()[:12]}"

    def identity(self) -> str:
        """Names the recorded toolchain: part of every component's cache key."""
        return toolchain_identity(self.release, self.packages, self.python_packages)


def toolchain_identity(release: str, packages: Mapping[str, str],
                       python_packages: Mapping[str, str]) -> str:
    """`debian-<release>-<digest>` of a root's exact package versions."""
    held = json.dumps([release, sorted(packages.items()), sorted(python_packages.items())])
    return f"debian-{release}-{hashlib.sha256(held.encode()).hexdigest()[:16]}"


def spec_path() -> Path:
    """The repository's record of the pinned build environment."""
    return resource_dir("sdl_port") / SPEC_FILE


def load_spec(path: Path | None = None) -> BuildRootSpec:
    """Read sdl_port/buildroot.json."""
    data = json.loads((path or spec_path()).read_text())
    return BuildRootSpec(
        release=data["release"], include=tuple(data["include"]),
        python_requirements=tuple(data["python_requirements"]),
        packages=data.get("packages", {}), python_packages=data.get("python_packages", {}))


def differences(recorded: Mapping[str, str], held: Mapping[str, str]) -> list[str]:
    """`name recorded -> held` for each package whose version is not the recorded one."""
    names = sorted(set(recorded) | set(held))
    return [f"{name} {recorded.get(name, '(none)')} -> {held.get(name, '(none)')}"
            for name in names if recorded.get(name) != held.get(name)]


def read_stamp(root: Path) -> dict | None:
    """What a finished root holds, or None for an unfinished or foreign folder."""
    stamp = root / STAMP.relative_to("/")
    try:
        return json.loads(stamp.read_text())
    except (OSError, ValueError):
        return None


def _mirror() -> str:
    return os.environ.get(MIRROR_ENV, DEBIAN_MIRROR)


def _in_root(root: Path, argv: list[str], log_path: Path, capture: bool = False) -> str:
    env = {"HOME": "/root", "LC_ALL": "C.UTF-8", "DEBIAN_FRONTEND": "noninteractive"}
    return run_logged(root_command(root, argv, env=env), log_path=log_path, step=STEP,
                      capture=capture)


def _make_root(spec: BuildRootSpec, root: Path, log_path: Path) -> dict:
    """debootstrap `spec` into `root`, add its source archive and the build's virtual
    environment; return the stamp (versions held)."""
    if shutil.which("debootstrap") is None:
        raise ToolMissingError("debootstrap was not found: install it (apt-get install "
                               "debootstrap), or build with --host-toolchain")
    mirror = _mirror()
    run_logged(["debootstrap", "--variant=minbase", f"--include={','.join(spec.include)}",
                spec.release, root, mirror], log_path=log_path, step=STEP)
    # Only the pinned release, binaries and sources: recipes' `apt-get source` read it.
    (root / "etc/apt/sources.list").write_text(
        f"deb {mirror} {spec.release} main\ndeb-src {mirror} {spec.release} main\n")
    _in_root(root, ["apt-get", "update", "-q"], log_path)
    _in_root(root, ["apt-get", "clean"], log_path)
    _in_root(root, ["python3", "-m", "venv", VENV], log_path)
    _in_root(root, [f"{VENV}/bin/pip", "install", "-q", "--no-deps", "--only-binary", ":all:",
                    *spec.python_requirements], log_path)
    listing = _in_root(root, ["dpkg-query", "-W", "-f", "${Package}\t${Version}\n"], log_path,
                       capture=True)
    packages = dict(line.split("\t", 1) for line in listing.splitlines() if line)
    pip_list = _in_root(root, [f"{VENV}/bin/pip", "list", "--format=json"], log_path,
                        capture=True)
    python_packages = {item["name"]: item["version"] for item in json.loads(pip_list)}
    return {"release": spec.release, "packages": packages, "python_packages": python_packages,
            "identity": toolchain_identity(spec.release, packages, python_packages)}


def _mismatch(spec: BuildRootSpec, stamp: dict) -> list[str]:
    return (differences(spec.packages, stamp["packages"])
            + differences(spec.python_packages, stamp["python_packages"]))


def ensure_build_root(spec: BuildRootSpec, *, record: bool = False) -> Path:
    """The root for `spec`, made now if the cache has none that holds the recorded versions.

    With `record`, a root whatever its versions is accepted and written into the spec file
    instead (maintainers, after a Debian update). Otherwise a fresh root whose versions are
    not the recorded ones raises RuntimeBuildError naming them."""
    require_root("building in the pinned Debian root")
    base = paths.build_roots_dir()
    base.mkdir(parents=True, exist_ok=True)
    root = base / spec.folder_name
    log_path = paths.logs_dir() / "build-root.log"
    with FileLock(base / ".lock"):
        stamp = read_stamp(root)
        if stamp is None or (_mismatch(spec, stamp) and not record):
            stamp = _replace_root(spec, root, log_path)
    if record:
        write_record(stamp)
    elif _mismatch(spec, stamp):
        shown = _mismatch(spec, stamp)
        raise RuntimeBuildError(
            f"the Debian {spec.release} root made from {_mirror()} does not hold the recorded "
            f"versions ({len(shown)} differ: {'; '.join(shown[:5])}): point "
            f"${MIRROR_ENV} at a snapshot of the archive that has them "
            "(https://snapshot.debian.org/), or record these with `pack runtime build "
            "--record-build-root` (a new runtime key)")
    return root


def _replace_root(spec: BuildRootSpec, root: Path, log_path: Path) -> dict:
    """Make a root in a private folder and move it into place once finished."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log_path.write_text(f"# Debian {spec.release} build root from {_mirror()}\n")
    tmp = Path(tempfile.mkdtemp(prefix=".making-", dir=root.parent))
    try:
        stamp = _make_root(spec, tmp / "root", log_path)
        stamp_file = tmp / "root" / STAMP.relative_to("/")
        stamp_file.parent.mkdir(parents=True, exist_ok=True)
        stamp_file.write_text(json.dumps(stamp, indent=1, sort_keys=True) + "\n")
        shutil.rmtree(root, ignore_errors=True)
        (tmp / "root").rename(root)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return stamp


def write_record(stamp: dict, path: Path | None = None) -> Path:
    """Write a root's versions into the spec file as the recorded ones."""
    target = path or spec_path()
    data = json.loads(target.read_text())
    data["packages"] = dict(sorted(stamp["packages"].items()))
    data["python_packages"] = dict(sorted(stamp["python_packages"].items()))
    target.write_text(json.dumps(data, indent=1) + "\n")
    return target



def package_binds() -> list[Bind]:
    """This installation's code and data folders, read-only, under SOURCE_INSIDE."""
    package = Path(__file__).resolve().parent.parent
    binds = [Bind(package, f"{SOURCE_INSIDE}/pygbag_like")]
    for name in ("sdl_port", "templates"):
        folder = resource_dir(name)
        if not folder.is_relative_to(package):  # a source checkout keeps them beside it
            binds.append(Bind(folder, f"{SOURCE_INSIDE}/{name}"))
    return binds


def build_command(root: Path, sources: Path, build_args: list[str]) -> list[str]:
    """The build (runtime/inside.py) inside `root`, on the same cache and sources
    folders (lent at their own paths, so what the build records about them holds outside)."""
    cache = paths.cache_root()
    binds = [*package_binds(), Bind(cache, str(cache), writable=True)]
    if not sources.is_relative_to(cache):
        binds.append(Bind(sources, str(sources), writable=True))
    env = {"HOME": "/root", "LC_ALL": "C.UTF-8", "PYTHONPATH": SOURCE_INSIDE,
           paths.CACHE_ENV: str(cache), paths.SOURCES_ENV: str(sources)}
    for passed in ("TERM", "COLUMNS", MIRROR_ENV, "PIP_INDEX_URL"):
        if passed in os.environ:
            env[passed] = os.environ[passed]
    argv = [f"{VENV}/bin/python", "-m", "pygbag_like.runtime.inside", *build_args]
    return root_command(root, argv, env=env, binds=binds)
