"""Run a command inside a Debian root folder: a private mount namespace and chroot.

`unshare --mount` gives the command its own mounts (/proc, /dev and the folders it is lent),
which disappear with it: nothing stays mounted inside the cache, so removing a root folder can
never reach through into the folders it was lent. Needs root (debootstrap and chroot do).
"""

import os
import shlex
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pygbag_like.errors import ToolMissingError

HOST_RESOLV_CONF = Path("/etc/resolv.conf")
MOUNTINFO = Path("/proc/self/mountinfo")
# The host's TLS trust (a proxy may sign with its own authority): lent to the root's
# downloads (pip, urllib) by file, so the root's own ca-certificates stay as recorded.
HOST_CA_BUNDLES = (Path("/etc/ssl/certs/ca-certificates.crt"),  # Debian, Ubuntu, Arch
                   Path("/etc/pki/tls/certs/ca-bundle.crt"))  # Fedora, RHEL
CA_INSIDE = "/etc/pygbag_like/host-ca-certificates.crt"
# What a command inside the root finds on PATH (Debian's own order).
ROOT_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin"


@dataclass(frozen=True)
class Bind:
    """A host folder lent to the root, seen inside it at `inside` (read-only unless `writable`)."""

    host: Path
    inside: str
    writable: bool = False


def require_root(what: str) -> None:
    """Raise ToolMissingError unless this process can create and enter Debian roots."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        raise ToolMissingError(
            f"{what} needs root (debootstrap and chroot run as root; user namespaces are not "
            "enough for dpkg): run it with sudo, or build with this machine's own emscripten "
            "instead: pack runtime build --host-toolchain")
    for tool, package in (("unshare", "util-linux"), ("chroot", "coreutils"),
                          ("mount", "mount")):
        if shutil.which(tool) is None:
            raise ToolMissingError(f"{tool} was not found: install {package}")


def _script(root: Path, binds: Sequence[Bind], argv: Sequence[str],
            env: Mapping[str, str]) -> str:
    """The shell script run in the new mount namespace: mounts, then chroot and exec."""
    # Every mount of the new namespace is private (_propagation): nothing reaches the host.
    lines = ["set -e"]
    for bind in binds:
        target = shlex.quote(str(root) + bind.inside)
        lines.append(f"mount --bind {shlex.quote(str(bind.host))} {target}")
        if not bind.writable:
            lines.append(f"mount -o remount,bind,ro {target}")
    q_root = shlex.quote(str(root))
    lines += [f"mount -t proc proc {q_root}/proc", f"mount --rbind /dev {q_root}/dev"]
    assignments = [f"{name}={value}" for name, value in sorted(env.items())]
    command = ["chroot", str(root), "/usr/bin/env", "-i", *assignments, *argv]
    lines.append("exec " + shlex.join(command))
    return "\n".join(lines) + "\n"


def _host_ca_bundle() -> Path | None:
    named = [os.environ.get(name) for name in ("SSL_CERT_FILE", "PIP_CERT")]
    for candidate in (*(Path(n) for n in named if n), *HOST_CA_BUNDLES):
        if candidate.is_file():
            return candidate
    return None


def prepare(root: Path, binds: Sequence[Bind]) -> dict[str, str]:
    """Make the mount points and give the root this machine's name resolution and TLS
    trust; return the environment that points the root's downloads at that trust."""
    for bind in binds:
        (root / bind.inside.lstrip("/")).mkdir(parents=True, exist_ok=True)
    for folder in ("proc", "dev"):
        (root / folder).mkdir(exist_ok=True)
    resolv = root / "etc" / "resolv.conf"
    if HOST_RESOLV_CONF.exists():
        resolv.unlink(missing_ok=True)
        shutil.copyfile(HOST_RESOLV_CONF, resolv)
    bundle = _host_ca_bundle()
    if bundle is None:
        return {}
    inside = root / CA_INSIDE.lstrip("/")
    inside.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundle, inside)
    return {"SSL_CERT_FILE": CA_INSIDE, "PIP_CERT": CA_INSIDE}


def _propagation(mountinfo: str) -> str:
    """unshare's --propagation for the new namespace: `private` (its default), or, inside a
    chroot whose `/` is no mount point (unshare cannot change it there), `unchanged` when
    every mount this process sees is private already; else refuse: new mounts could show
    up in the host's namespace."""
    entries = [line.split(" - ")[0].split() for line in mountinfo.splitlines() if line]
    if any(fields[4] == "/" for fields in entries):
        return "private"
    if any(tag.startswith("shared:") for fields in entries for tag in fields[6:]):
        raise ToolMissingError("this chroot shares mounts with the host: run the build "
                               "outside it, or in a private mount namespace (unshare --mount)")
    return "unchanged"


def root_command(root: Path, argv: Sequence[str], *, env: Mapping[str, str],
                 binds: Sequence[Bind] = ()) -> list[str]:
    """The command line that runs `argv` inside `root` with only `env` (plus PATH) and the
    lent folders mounted (their mount points are made now)."""
    trust = prepare(root, binds)
    script = _script(root, binds, argv, {"PATH": ROOT_PATH, **trust, **env})
    propagation = _propagation(MOUNTINFO.read_text())
    return ["unshare", "--mount", f"--propagation={propagation}", "--kill-child", "--",
            "sh", "-c", script]
