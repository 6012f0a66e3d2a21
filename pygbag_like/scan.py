"""The game folder → the sorted list of files to pack.

Skips version control, caches, virtual environments, editor clutter, the output folder and what
`.packignore` or the `excludes` setting name (gitignore syntax); refuses what cannot work in the
browser: symlinks leading out of the folder, non-UTF-8 names, unreadable files, Python files with
syntax errors.
"""

import os
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pathspec import GitIgnoreSpec

from pygbag_like.casecheck import files_differing_by_case, literal_case_mismatches
from pygbag_like.errors import ScanError

ENTRY_POINT = "main.py"
PACKIGNORE = ".packignore"

# Never packed unless a later .packignore / excludes pattern re-includes them with "!".
# Besides these, any folder holding a pyvenv.cfg (a virtual environment) is skipped.
DEFAULT_EXCLUDES: tuple[str, ...] = (
    # version control
    ".git/",
    ".hg/",
    ".svn/",
    # Python caches and virtual environments
    "__pycache__/",
    "*.pyc",
    "*.pyo",
    ".venv/",
    "venv/",
    ".mypy_cache/",
    ".pytest_cache/",
    ".ruff_cache/",
    "node_modules/",
    # secrets (a dotenv file or folder) must never end up on a public page
    ".env",
    # editor and OS clutter
    ".idea/",
    ".vscode/",
    ".DS_Store",
    "Thumbs.db",
    "desktop.ini",
    # pygbag's output, and the ignore file itself
    "/build/web/",
    "/build/web.zip",
    f"/{PACKIGNORE}",
)


@dataclass(frozen=True)
class GameFile:
    """One file to pack: its posix path relative to the game folder, absolute path and size."""

    rel: str
    path: Path
    size: int


@dataclass(frozen=True)
class ScanResult:
    """The files to pack, sorted by `rel`, and warnings worth showing to the user."""

    files: tuple[GameFile, ...]
    warnings: tuple[str, ...]


def scan_game(
    root: Path, excludes: Sequence[str] = (), extra_excluded_dirs: Sequence[Path] = ()
) -> ScanResult:
    """List the files of the game folder `root` to pack, checking each Python file compiles.

    `excludes` are gitignore-syntax patterns (from the config); `extra_excluded_dirs` are absolute
    folders to skip (the output folder when it sits inside the game folder).
    """
    root = _checked_root(root)
    walker = _Walker(root, _exclude_spec(root, excludes), extra_excluded_dirs)
    files = sorted(walker.walk(), key=lambda game_file: game_file.rel)
    rels = [game_file.rel for game_file in files]
    if ENTRY_POINT not in rels:
        similar = [rel for rel in rels if rel.casefold() == ENTRY_POINT]
        hint = f" (found {similar[0]}: rename it)" if similar else ""
        raise ScanError(f"no {ENTRY_POINT} in {root}: the entry point of a game is main.py{hint}")
    notes = files_differing_by_case(rels)
    rel_set = set(rels)
    for game_file in files:
        if game_file.rel.endswith(".py"):
            source, compile_notes = _checked_python(game_file)
            notes += compile_notes
            notes += literal_case_mismatches(game_file.rel, source, rel_set)
    return ScanResult(files=tuple(files), warnings=tuple(notes))


def _checked_root(root: Path) -> Path:
    if not root.exists():
        raise ScanError(f"game folder {root} does not exist: pass the folder holding main.py")
    if not root.is_dir():
        raise ScanError(f"{root} is not a folder: pass the folder holding main.py")
    resolved = root.resolve()
    try:
        with os.scandir(resolved) as entries:
            empty = next(entries, None) is None
    except OSError as error:
        raise ScanError(f"cannot list the game folder {root}: {error.strerror}") from error
    if empty:
        raise ScanError(f"the game folder {root} is empty: put main.py and the game's files in it")
    return resolved


def _exclude_spec(root: Path, excludes: Sequence[str]) -> GitIgnoreSpec:
    """Defaults, then .packignore, then the config's excludes: later patterns win, as in git."""
    packignore = root / PACKIGNORE
    packignore_lines: list[str] = []
    if packignore.is_file():
        try:
            packignore_lines = packignore.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise ScanError(f"cannot read {packignore}: {error}; save it as UTF-8 text") from error
    spec = GitIgnoreSpec.from_lines(DEFAULT_EXCLUDES)
    for lines, where in ((packignore_lines, str(packignore)), (excludes, "the excludes setting")):
        try:
            spec += GitIgnoreSpec.from_lines(lines)
        except ValueError as error:
            raise ScanError(f"{error} in {where}: fix or remove the pattern") from error
    return spec


class _Walker:
    """Walks the game folder in name order, following symlinks only while they stay inside it."""

    def __init__(self, root: Path, spec: GitIgnoreSpec, skip_dirs: Sequence[Path]) -> None:
        self.root = root
        self.spec = spec
        self.skip_dirs = {Path(path).resolve() for path in skip_dirs}

    def walk(self) -> Iterator[GameFile]:
        return self._walk(str(self.root), "", frozenset({self.root}))

    def _walk(self, folder: str, rel_folder: str, ancestors: frozenset[Path]) -> Iterator[GameFile]:
        try:
            with os.scandir(folder) as iterator:
                entries = sorted(iterator, key=lambda entry: entry.name)
        except OSError as error:
            raise ScanError(f"cannot list {rel_folder or '.'}: {error.strerror}") from error
        for entry in entries:
            rel = rel_folder + entry.name
            is_dir = entry.is_dir()
            if self.spec.match_file(f"{rel}/" if is_dir else rel):
                continue
            _check_name(rel)
            if entry.is_symlink():
                # Walking never yields "..", so only a symlink can lead out of the folder.
                self._check_link(entry, rel)
            if is_dir:
                real = Path(entry.path).resolve()
                if real in self.skip_dirs or os.path.isfile(os.path.join(entry.path, "pyvenv.cfg")):
                    continue
                if real in ancestors:
                    raise ScanError(
                        f"{rel} links to the folder holding it, a loop: remove the symlink"
                    )
                yield from self._walk(entry.path, f"{rel}/", ancestors | {real})
            elif entry.is_file():
                path = Path(entry.path)
                _read(path, rel, size=0)
                yield GameFile(rel=rel, path=path, size=entry.stat().st_size)
            else:
                raise ScanError(
                    f"{rel} is not a regular file (a pipe, socket or device): remove it or "
                    f"list it in {PACKIGNORE}"
                )

    def _check_link(self, entry: os.DirEntry[str], rel: str) -> None:
        try:
            target = Path(entry.path).resolve()
        except (OSError, RuntimeError) as error:
            raise ScanError(f"{rel} is a symlink that cannot be followed: {error}") from error
        if not target.is_relative_to(self.root):
            raise ScanError(
                f"{rel} is a symlink to {target}, outside the game folder: copy it into the "
                f"game folder or list it in {PACKIGNORE}"
            )
        if not target.exists():
            raise ScanError(f"{rel} is a broken symlink to {target}: fix or remove it")


def _check_name(rel: str) -> None:
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        raise ScanError(
            f"the name {os.fsencode(rel)!r} is not valid UTF-8: rename it (the browser needs "
            "UTF-8 file names)"
        ) from None


def _read(path: Path, rel: str, size: int = -1) -> bytes:
    """Read `size` bytes (all by default) of a game file; size=0 only checks it can be opened."""
    try:
        with open(path, "rb") as file:
            return file.read(size)
    except OSError as error:
        raise ScanError(
            f"cannot read {rel}: {error.strerror}; fix its permissions or list it in {PACKIGNORE}"
        ) from error


def _checked_python(game_file: GameFile) -> tuple[str, list[str]]:
    """Decode and compile a Python file; return its source and the compiler's warnings."""
    rel = game_file.rel
    data = _read(game_file.path, rel)
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScanError(
            f"{rel}: byte {data[error.start]:#04x} at offset {error.start} is not UTF-8: "
            "save the file as UTF-8"
        ) from error
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, rel, "exec", dont_inherit=True)
        except SyntaxError as error:
            raise ScanError(f"{rel}:{error.lineno}: {error.msg}") from error
        except ValueError as error:  # null bytes (a SyntaxError from Python 3.12 on)
            raise ScanError(f"{rel}: {error}") from error
    return source, [f"{rel}:{note.lineno}: {note.message}" for note in caught]
