"""The output folder: where it may be, the marker that makes it ours, and the atomic swap.

`pack` only ever replaces a folder it wrote itself (it carries MARKER), an empty one, or one
holding nothing but files `pack` writes (outputs of versions before the marker). It refuses a
file, a symlink, the game folder or a folder holding it, the current folder or one holding
it, the root and the home folder. A pack is written to a staging folder next to the output
and swapped in; a failure at any point leaves the previous output as it was.
"""

import contextlib
import errno
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from filelock import FileLock

from pygbag_like import __version__
from pygbag_like.errors import OutputError

MARKER = ".pygbag_like-output"
DEFAULT_OUT = "build/web"
# What pack wrote into an output before it carried MARKER: such a folder is ours too.
LEGACY_OUTPUT_NAMES = frozenset({"index.html", "game.data", "game.data.json", "runtime",
                                 "favicon.png", "loader.js", "saves.js", "pack.css"})
_STAGING_LOCK = ".lock"
# Waits between renames of an output that Windows refused (PermissionError: a file in it is
# open); elsewhere such an error is final.
RENAME_RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8) if os.name == "nt" else ()


def resolve_out_dir(game_dir: Path, out: str | None, from_cli: bool) -> Path:
    """The absolute output folder, checked: `--out` is relative to the current folder,
    `out` in the config to the game folder."""
    raw = Path(out) if from_cli else game_dir / (out or DEFAULT_OUT)
    out_dir = Path(os.path.abspath(raw))  # not resolve(): a symlink must stay visible
    check_out_dir(out_dir, game_dir)
    return out_dir


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def _refusal(out_dir: Path, game_dir: Path) -> str | None:
    """Why `out_dir` must not be replaced, or None."""
    cwd, home = Path.cwd().resolve(), Path.home().resolve()
    if out_dir.is_symlink():
        return "it is a symlink: give the real folder"
    real = out_dir.resolve()
    if real == Path(real.anchor):
        return "it is the root of the filesystem"
    if real == home:
        return "it is your home folder"
    if _is_within(game_dir, real):
        return "it is or holds the game folder"
    if _is_within(cwd, real):
        return "it is or holds the current folder"
    ancestor = out_dir
    while not ancestor.exists():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        return f"{ancestor} is a file, not a folder"
    if ancestor != out_dir:
        return None  # a new folder
    if not out_dir.is_dir():
        return "it is a file"
    if not is_replaceable(out_dir):
        return "it holds files pack did not write: choose an empty or new folder"
    return None


def check_out_dir(out_dir: Path, game_dir: Path) -> None:
    """Raise OutputError when pack must not write `out_dir`."""
    reason = _refusal(out_dir, game_dir)
    if reason is not None:
        raise OutputError(f"will not write the output to {out_dir}: {reason}")


def is_output(folder: Path) -> bool:
    """True for a folder pack wrote (it carries the marker)."""
    return (folder / MARKER).is_file()


def is_replaceable(folder: Path) -> bool:
    """An output of pack (marked, or holding only what pack writes) or an empty folder."""
    if is_output(folder):
        return True
    try:
        names = {entry.name for entry in os.scandir(folder)}
    except OSError:
        return False
    return names <= LEGACY_OUTPUT_NAMES


def mark_output(folder: Path) -> None:
    """Write the marker that lets a later pack replace `folder`."""
    (folder / MARKER).write_text(json.dumps({"tool": "pygbag_like", "version": __version__})
                                 + "\n", encoding="utf-8")


def staging_dir(out_dir: Path) -> Path:
    """Where a pack is written before it is swapped in: next to the output, same filesystem."""
    return out_dir.with_name(f".{out_dir.name}.staging")


def _writing_error(error: OSError, out_dir: Path) -> OutputError:
    if error.errno == errno.ENOSPC:
        return OutputError(f"the disk is full while writing {out_dir}: free some space")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(f"cannot write {error.filename or out_dir}: {error.strerror}; "
                           "choose a folder you can write to with --out")
    return OutputError(f"cannot write {out_dir}: {error.strerror or error}"
                       f"{f' ({error.filename})' if error.filename else ''}")


@contextlib.contextmanager
def _staging_lock(staging: Path) -> Iterator[None]:
    """One pack at a time per output; on entry, what earlier packs left behind is removed."""
    staging.mkdir(parents=True, exist_ok=True)
    lock_file = staging / _STAGING_LOCK
    try:
        with FileLock(lock_file):
            for leftover in staging.iterdir():  # from a killed pack: nobody holds the lock
                if leftover.name != _STAGING_LOCK:
                    shutil.rmtree(leftover, ignore_errors=True)
            try:
                yield
            finally:
                # Windows cannot remove a file still open (filelock removes it itself there
                # once released).
                with contextlib.suppress(OSError):
                    lock_file.unlink(missing_ok=True)
    finally:
        with contextlib.suppress(OSError):
            staging.rmdir()  # only when empty: another pack may be waiting for the lock


def _rename(source: Path, target: Path) -> None:
    """`source.rename(target)`, tried again for a while on Windows, where a folder cannot be
    renamed while a file in it is open (the dev server sending it, a virus scanner)."""
    for delay in RENAME_RETRY_DELAYS:
        try:
            source.rename(target)
            return
        except PermissionError:
            time.sleep(delay)
    source.rename(target)


def _swap_into_place(new: Path, out_dir: Path, staging: Path) -> None:
    """Rename `new` to `out_dir`; the previous output goes back if the second rename fails."""
    if not out_dir.exists():
        _rename(new, out_dir)
        return
    holder = Path(tempfile.mkdtemp(prefix="old-", dir=staging))
    old = holder / out_dir.name
    _rename(out_dir, old)
    try:
        _rename(new, out_dir)
    except BaseException:
        _rename(old, out_dir)
        holder.rmdir()
        raise
    shutil.rmtree(holder, ignore_errors=True)


def write_output(out_dir: Path, game_dir: Path, write: Callable[[Path], None]) -> None:
    """Call `write(folder)` on an empty staging folder, mark it, and swap it in as `out_dir`.

    Nothing is replaced unless it passes `check_out_dir` (checked again under the lock)."""
    staging = staging_dir(out_dir)
    try:
        with _staging_lock(staging):
            check_out_dir(out_dir, game_dir)
            new = Path(tempfile.mkdtemp(prefix="new-", dir=staging))
            try:
                write(new)
                mark_output(new)
                new.chmod(0o755)
                _swap_into_place(new, out_dir, staging)
            finally:
                shutil.rmtree(new, ignore_errors=True)
    except OSError as error:
        raise _writing_error(error, out_dir) from error
