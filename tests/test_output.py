"""The output folder: what `pack` may replace, the atomic swap, and what a failure leaves."""

import errno
import os
from pathlib import Path

import pytest

from pygbag_like import cli, output
from pygbag_like.errors import OutputError
from pygbag_like.output import MARKER, check_out_dir, staging_dir, write_output


def make_game(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "main.py").write_text("print('hi')\n")
    return folder


def fill(folder: Path) -> None:
    (folder / "index.html").write_text("new")


def run_cli(capsys, *argv: str) -> tuple[int, list[str]]:
    code = cli.main(list(argv))
    return code, capsys.readouterr().err.strip().splitlines()


@pytest.fixture
def game(tmp_path: Path) -> Path:
    return make_game(tmp_path / "game")


def test_pack_refuses_folders_it_did_not_write(tmp_path, game, monkeypatch, capsys):
    site = tmp_path / "mysite"
    (site / "blog").mkdir(parents=True)
    (site / "index.html").write_text("my homepage")
    monkeypatch.chdir(site)
    (game / "assets").mkdir()
    (game / "assets" / "hero.png").write_bytes(b"png")
    (tmp_path / "some-file").write_text("x")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    cases = {
        ".": "current folder",
        str(site): "current folder",
        str(game): "game folder",
        str(tmp_path): "game folder",
        str(game / "assets"): "did not write",
        str(game / "main.py"): "is a file",
        str(tmp_path / "some-file"): "is a file",
        str(tmp_path / "some-file" / "web"): "is a file, not a folder",
        str(tmp_path / "link"): "symlink",
        "/": "root",
        str(Path.home()): "home",
    }
    for out, reason in cases.items():
        code, err = run_cli(capsys, str(game), "--out", out)
        assert code == OutputError.exit_code, (out, err)
        assert len(err) == 1 and err[0].startswith("pack: error: will not write"), (out, err)
        assert reason in err[0], (out, err)
    assert (site / "index.html").read_text() == "my homepage" and (site / "blog").is_dir()
    assert (game / "assets" / "hero.png").exists() and (game / "main.py").exists()
    assert (tmp_path / "some-file").read_text() == "x"


def test_default_a_fresh_folder_an_empty_one_and_earlier_outputs_are_fine(tmp_path, game):
    check_out_dir(game / "build" / "web", game)
    check_out_dir(game / "dist", game)
    (game / "empty").mkdir()
    check_out_dir(game / "empty", game)
    ours = tmp_path / "ours"
    ours.mkdir()
    (ours / MARKER).write_text("{}")
    (ours / "anything.txt").write_text("x")
    check_out_dir(ours, game)
    legacy = tmp_path / "legacy"  # written before outputs carried the marker
    (legacy / "runtime").mkdir(parents=True)
    (legacy / "index.html").write_text("old")
    (legacy / "game.data").write_text("old")
    check_out_dir(legacy, game)


def test_write_output_marks_and_replaces_only_its_own(tmp_path, game):
    out = tmp_path / "out"
    write_output(out, game, fill)
    assert (out / MARKER).is_file() and (out / "index.html").read_text() == "new"
    write_output(out, game, lambda folder: (folder / "second.txt").write_text("2"))
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "second.txt"]
    assert not staging_dir(out).exists()
    (out / MARKER).unlink()
    (out / "mine.txt").write_text("user data")
    with pytest.raises(OutputError, match="did not write"):
        write_output(out, game, fill)
    assert (out / "mine.txt").read_text() == "user data"


def test_failed_write_keeps_the_previous_output(tmp_path, game):
    out = tmp_path / "out"
    write_output(out, game, fill)

    def failing(folder: Path) -> None:
        (folder / "half.txt").write_text("half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError, match="disk is full"):
        write_output(out, game, failing)
    assert (out / "index.html").read_text() == "new" and not (out / "half.txt").exists()
    assert not staging_dir(out).exists()


def test_second_rename_failing_rolls_the_old_output_back(tmp_path, game, monkeypatch):
    out = tmp_path / "out"
    write_output(out, game, fill)
    real_rename = Path.rename

    def rename(self, target):
        if self.name.startswith("new-"):
            raise OSError(errno.EIO, "I/O error")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OutputError, match="I/O error"):
        write_output(out, game, lambda folder: (folder / "index.html").write_text("newer"))
    assert (out / "index.html").read_text() == "new"
    assert not staging_dir(out).exists()


def test_a_killed_pack_leaves_staging_that_the_next_pack_removes(tmp_path, game):
    out = tmp_path / "out"
    leftover = staging_dir(out) / "new-abc123"
    leftover.mkdir(parents=True)
    (leftover / "game.data").write_bytes(b"x" * 1000)
    (staging_dir(out) / "old-def456").mkdir()
    write_output(out, game, fill)
    assert not staging_dir(out).exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_parent_is_one_line(tmp_path, game, capsys):
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    code, err = run_cli(capsys, str(game), "--out", str(parent / "web"))
    assert code != 0 and len(err) == 1 and "cannot write" in err[0]


def test_permission_denied_while_writing_is_one_line(tmp_path, game, monkeypatch):
    # As root, a read-only folder is still writable: fail the way it fails for a user.
    def denied(folder: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(folder))

    with pytest.raises(OutputError, match=r"cannot write .*: Permission denied; choose a folder"):
        write_output(tmp_path / "out", game, denied)
    assert not (tmp_path / "out").exists()


def test_a_file_named_build_in_the_game(game, capsys):
    (game / "build").write_text("a build script")
    code, err = run_cli(capsys, str(game))
    assert code != 0 and len(err) == 1 and "is a file, not a folder" in err[0]
    assert (game / "build").read_text() == "a build script"


def test_zip_path_that_is_a_folder(tmp_path):
    from pygbag_like.archive import ArchiveError, archive_path, write_archive

    out = tmp_path / "web"
    out.mkdir()
    (out / "index.html").write_text("x")
    archive_path(out).mkdir()
    with pytest.raises(ArchiveError, match="is not a file"):
        write_archive(out, archive_path(out))


def test_marker_is_not_in_the_zip(tmp_path, game):
    import zipfile

    from pygbag_like.archive import archive_path, write_archive

    out = tmp_path / "web"
    write_output(out, game, fill)
    write_archive(out, archive_path(out))
    assert zipfile.ZipFile(archive_path(out)).namelist() == ["index.html"]


def test_unexpected_disk_full_is_one_line(game, monkeypatch, capsys):
    from pygbag_like.commands import pack as pack_command

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", "/x/game.data")

    monkeypatch.setattr(pack_command, "load_config", full)
    code, err = run_cli(capsys, str(game))
    assert code == 1 and err == ["pack: error: the disk is full (writing /x/game.data): free "
                                 "some space and try again"]


def test_staging_lock_is_per_output(tmp_path, game):
    with output._staging_lock(staging_dir(tmp_path / "a")):
        write_output(tmp_path / "b", game, fill)  # another output is not blocked
    assert (tmp_path / "b" / "index.html").exists()
