"""Unit tests of the pinned build environment's logic (runtime/buildroot.py, chroot.py):
its record, what a mismatch says, how commands enter a root. Making a real root is done by
every `pack runtime build` (setup, CI) and by tests/test_runtime_reproducible.py."""

import json
import shlex
import tarfile
from pathlib import Path

import pytest

from pygbag_like import cli
from pygbag_like.errors import RuntimeBuildError, ToolMissingError
from pygbag_like.runtime import buildroot, chroot, paths
from pygbag_like.runtime.builder import _refuse_unsafe_members
from pygbag_like.runtime.buildroot import BuildRootSpec, load_spec
from pygbag_like.runtime.toolchain import Toolchain

SPEC = BuildRootSpec(release="bookworm", include=("emscripten", "python3"),
                     python_requirements=("Cython==3.3.1",),
                     packages={"emscripten": "3.1.6~dfsg-5", "python3": "3.11.2-1+b1"},
                     python_packages={"Cython": "3.3.1"})


def _stamp(packages: dict[str, str], python_packages: dict[str, str]) -> dict:
    return {"release": "bookworm", "packages": packages, "python_packages": python_packages,
            "identity": buildroot.toolchain_identity("bookworm", packages, python_packages)}


def test_the_shipped_record_pins_every_package_and_the_build_python_packages():
    spec = load_spec()
    assert spec.release == "bookworm" and "emscripten" in spec.include
    assert set(spec.include) <= set(spec.packages), "asked-for packages must be recorded"
    assert spec.packages["emscripten"].startswith("3.1.6")
    assert all("==" in requirement for requirement in spec.python_requirements)
    assert spec.python_packages["Cython"] == "3.3.1"


def test_the_folder_follows_what_is_asked_and_the_identity_what_is_held():
    fewer = BuildRootSpec(SPEC.release, ("emscripten",), SPEC.python_requirements,
                          SPEC.packages, SPEC.python_packages)
    newer = BuildRootSpec(SPEC.release, SPEC.include, SPEC.python_requirements,
                          {**SPEC.packages, "python3": "3.11.2-1+b2"}, SPEC.python_packages)
    assert fewer.folder_name != SPEC.folder_name
    assert newer.folder_name == SPEC.folder_name  # the same root, checked against the record
    assert newer.identity() != SPEC.identity()
    assert SPEC.identity().startswith("debian-bookworm-")


def test_the_identity_of_the_root_is_part_of_every_key():
    host = Toolchain(emcc=Path("emcc"), version="3.1.6", env={})
    pinned = Toolchain(emcc=Path("emcc"), version="3.1.6", env={}, build_root=SPEC.identity())
    assert host.identity == "3.1.6"
    assert pinned.identity == f"3.1.6 in {SPEC.identity()}"


def test_differences_name_each_package_both_ways():
    assert buildroot.differences({"a": "1", "b": "2"}, {"a": "1", "b": "3", "c": "1"}) == [
        "b 2 -> 3", "c (none) -> 1"]


@pytest.fixture
def as_root(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(buildroot, "require_root", lambda what: None)
    made: list[Path] = []
    return made


def _fake_make(made: list[Path], stamp: dict):
    def make(spec, root, log_path):
        made.append(root)
        root.mkdir(parents=True)
        return stamp
    return make


def test_a_root_holding_the_recorded_versions_is_made_once(as_root, monkeypatch):
    monkeypatch.setattr(buildroot, "_make_root",
                        _fake_make(as_root, _stamp(dict(SPEC.packages), {"Cython": "3.3.1"})))
    first = buildroot.ensure_build_root(SPEC)
    assert buildroot.ensure_build_root(SPEC) == first
    assert len(as_root) == 1
    assert buildroot.read_stamp(first)["identity"] == SPEC.identity()


def test_a_root_with_other_versions_names_them_and_how_to_go_on(as_root, monkeypatch):
    held = {**SPEC.packages, "python3": "3.11.2-1+b9"}
    monkeypatch.setattr(buildroot, "_make_root",
                        _fake_make(as_root, _stamp(held, {"Cython": "3.3.1"})))
    with pytest.raises(RuntimeBuildError) as error:
        buildroot.ensure_build_root(SPEC)
    message = str(error.value)
    assert "python3 3.11.2-1+b1 -> 3.11.2-1+b9" in message and "1 differ" in message
    assert "snapshot.debian.org" in message and "--record-build-root" in message
    assert "\n" not in message
    # Asked again (the archive may have moved on, the record may have been updated): made anew.
    with pytest.raises(RuntimeBuildError):
        buildroot.ensure_build_root(SPEC)
    assert len(as_root) == 2


def test_recording_accepts_the_root_and_writes_its_versions(as_root, monkeypatch, tmp_path):
    record = tmp_path / "buildroot.json"
    record.write_text(json.dumps({"release": "bookworm", "include": list(SPEC.include),
                                  "python_requirements": list(SPEC.python_requirements)}))
    monkeypatch.setattr(buildroot, "spec_path", lambda: record)
    held = {**SPEC.packages, "python3": "3.11.2-1+b9"}
    monkeypatch.setattr(buildroot, "_make_root",
                        _fake_make(as_root, _stamp(held, {"Cython": "3.3.1"})))
    buildroot.ensure_build_root(SPEC, record=True)
    recorded = load_spec(record)
    assert recorded.packages == held and recorded.python_packages == {"Cython": "3.3.1"}
    assert buildroot.ensure_build_root(recorded) and len(as_root) == 1


def test_without_root_the_build_says_what_to_do(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(chroot.os, "geteuid", lambda: 1000)
    with pytest.raises(ToolMissingError, match=r"needs root.*--host-toolchain"):
        buildroot.ensure_build_root(SPEC)
    assert cli.main(["runtime", "build"]) == ToolMissingError.exit_code
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("pack: error: building in the pinned Debian root needs root")


def test_recording_does_not_go_with_the_host_toolchain(capsys):
    assert cli.main(["runtime", "build", "--host-toolchain", "--record-build-root"]) == 2
    assert "--host-toolchain" in capsys.readouterr().err


def test_the_command_mounts_lent_folders_and_passes_only_the_given_environment(tmp_path):
    root = tmp_path / "root"
    (root / "etc").mkdir(parents=True)
    lent = tmp_path / "my cache"
    command = chroot.root_command(
        root, ["python3", "-c", "print(1)"], env={"HOME": "/root"},
        binds=[chroot.Bind(lent, str(lent), writable=True),
               chroot.Bind(tmp_path / "src", "/opt/src")])
    assert command[:5] == ["unshare", "--mount", "--propagation=private", "--kill-child", "--"]
    script = command[-1].splitlines()
    inside = str(root) + str(lent)
    assert f"mount --bind {shlex.quote(str(lent))} {shlex.quote(inside)}" in script
    assert not any(shlex.quote(inside) in line and "ro" in line.split() for line in script)
    assert f"mount -o remount,bind,ro {root}/opt/src" in script
    assert (root / "opt/src").is_dir() and Path(inside).is_dir()
    last = shlex.split(script[-1])
    assert last[:5] == ["exec", "chroot", str(root), "/usr/bin/env", "-i"]
    assert "HOME=/root" in last and f"PATH={chroot.ROOT_PATH}" in last
    assert last[-3:] == ["python3", "-c", "print(1)"]


def test_the_host_tls_trust_is_lent_by_file(tmp_path, monkeypatch):
    bundle = tmp_path / "proxy-ca.crt"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    root = tmp_path / "root"
    (root / "etc").mkdir(parents=True)
    command = chroot.root_command(root, ["true"], env={})
    assert (root / chroot.CA_INSIDE.lstrip("/")).read_text() == bundle.read_text()
    assert f"SSL_CERT_FILE={chroot.CA_INSIDE}" in shlex.split(command[-1].splitlines()[-1])


def test_the_build_inside_sees_the_code_at_a_fixed_path_and_the_cache_at_its_own(
        monkeypatch, tmp_path):
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path / "cache"))
    root = tmp_path / "root"
    (root / "etc").mkdir(parents=True)
    sources = tmp_path / "sources"
    script = buildroot.build_command(root, sources, ["--jobs", "2"])[-1]
    cache = str(tmp_path / "cache")
    assert f"mount --bind {cache} {root}{cache}" in script
    assert f"mount --bind {sources} {root}{sources}" in script
    assert f"{root}{buildroot.SOURCE_INSIDE}/pygbag_like" in script
    last = shlex.split(script.splitlines()[-1])
    assert f"PYTHONPATH={buildroot.SOURCE_INSIDE}" in last
    assert last[-3:] == ["pygbag_like.runtime.inside", "--jobs", "2"]


def test_archives_with_members_outside_their_folder_are_refused(tmp_path):
    archive = tmp_path / "evil.tar"
    with tarfile.open(archive, "w") as tar:
        member = tarfile.TarInfo("pkg/../../outside")
        tar.addfile(member)
    with tarfile.open(archive) as tar, pytest.raises(RuntimeBuildError, match="unsafe member"):
        _refuse_unsafe_members(archive, tar)


HOST_MOUNTS = """\
22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
23 22 0:5 / /dev rw,nosuid shared:2 - devtmpfs udev rw
"""
PRIVATE_MOUNTS_SEEN_FROM_A_CHROOT = """\
51 50 0:21 / /proc rw,relatime - proc proc rw
52 50 0:5 / /dev rw,nosuid - devtmpfs udev rw
"""


def test_mounts_stay_private_on_a_host_and_inside_a_chroot():
    assert chroot._propagation(HOST_MOUNTS) == "private"
    # In a chroot, / is no mount point and unshare cannot make it private: keep what is,
    # which must be private already.
    assert chroot._propagation(PRIVATE_MOUNTS_SEEN_FROM_A_CHROOT) == "unchanged"
    shared = PRIVATE_MOUNTS_SEEN_FROM_A_CHROOT.replace("rw,nosuid -", "rw,nosuid shared:7 -")
    with pytest.raises(ToolMissingError, match="shares mounts"):
        chroot._propagation(shared)


def test_without_debootstrap_the_build_names_the_package(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(buildroot, "require_root", lambda what: None)
    which = buildroot.shutil.which
    monkeypatch.setattr(buildroot.shutil, "which",
                        lambda name, *a, **k: None if name == "debootstrap" else which(name))
    assert cli.main(["runtime", "build"]) == ToolMissingError.exit_code
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == ("pack: error: debootstrap was not found: install it (apt-get install "
                       "debootstrap), or build with --host-toolchain")
    assert not list((tmp_path / "cache" / "buildroot").glob("*/"))  # no half-made root left
