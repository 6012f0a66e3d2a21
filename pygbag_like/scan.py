"""The game folder → the sorted list of files to pack, with each Python file parsed once.

Skips version control, caches, virtual environments, secrets (`.env*`), editor clutter, pack's
own outputs and what `.packignore` (or, when there is none, the game's `.gitignore` files) or
the `excludes` setting name (gitignore syntax); refuses what cannot work in the browser:
symlinks leading out of the folder, non-UTF-8 names, unreadable files, Python files with
syntax errors.
"""

import ast
import io
import os
import tokenize
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pathspec import GitIgnoreSpec

from pygbag_like.errors import ScanError
from pygbag_like.imports import import_graph
from pygbag_like.output import is_output
from pygbag_like.pathcheck import (
    files_differing_by_case,
    literal_case_mismatches,
    literals_leaving_folder,
    working_dir,
)
from pygbag_like.removedapis import removed_api_uses
from pygbag_like.syntaxcheck import parse_for_browser

DEFAULT_ENTRY_POINT = "main.py"
PACKIGNORE = ".packignore"
GITIGNORE = ".gitignore"

# Never packed unless a later .packignore / excludes pattern re-includes them with "!".
# Besides these, any folder holding a pyvenv.cfg (a virtual environment) and any folder pack
# wrote (an output, wherever it is) are skipped.
DEFAULT_EXCLUDES: tuple[str, ...] = (
    # version control
    ".git/",
    ".hg/",
    ".svn/",
    ".gitignore",
    ".gitattributes",
    ".gitmodules",
    ".github/",  # CI workflows (docs/deploy.md), not the game
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
    # secrets (dotenv files and folders: .env, .env.local, .env.production...) must never
    # end up on a public page; "!.env.example" in .packignore brings one back
    ".env*",
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
    """The files to pack, sorted by `rel`; the entry point; the parsed Python modules;
    warnings for the user."""

    files: tuple[GameFile, ...]
    warnings: tuple[str, ...]
    modules: Mapping[str, ast.Module] = field(default_factory=dict, compare=False)
    entry_point: str = DEFAULT_ENTRY_POINT
    working_dir: str = ""  # relative to the game folder: where the game's paths start


def scan_game(
    root: Path, excludes: Sequence[str] = (), extra_excluded: Sequence[Path] = (),
    entry_point: str | None = None,
) -> ScanResult:
    """List the files of the game folder `root` to pack, parsing and compiling each .py file.

    `excludes` are gitignore-syntax patterns (from the config); `extra_excluded` are absolute
    paths to skip (the output folder, its staging folder and its zip when inside the game);
    `entry_point` is the script that starts the game, relative to `root` (None: main.py, or
    the one top-level script that uses pygame). A syntax error stops the pack only in a
    module the game imports; elsewhere it is a warning.
    """
    root = _checked_root(root)
    files = list_files(root, excludes, extra_excluded)
    rels = [game_file.rel for game_file in files]
    notes = files_differing_by_case(rels) + git_lfs_pointers(files)
    modules: dict[str, ast.Module] = {}
    broken: dict[str, ScanError] = {}
    for game_file in files:
        if game_file.rel.endswith(".py"):
            try:
                tree, compile_notes = parse_python(game_file.rel,
                                                   _read(game_file.path, game_file.rel))
            except ScanError as error:
                broken[game_file.rel] = error
                continue
            modules[game_file.rel] = tree
            notes += compile_notes
    entry, note = _entry_point(root, entry_point, rels, modules, broken)
    notes += [note] if note else []
    graph = import_graph(modules, entry)
    imported = {item.module for item in graph.external} | graph.missing
    for rel, error in broken.items():
        if _module_name(rel, entry) in imported:
            raise error
        notes.append(f"{error} (not imported by the game: packed as it is)")
    rel_set = set(rels)
    cwd = working_dir(modules, rel_set, entry)
    if cwd != entry.rpartition("/")[0]:
        notes.append(f"{entry} runs from {f'{cwd}/' if cwd else 'the top folder'}: the file "
                     "paths in its code name files from there")
    for rel, tree in modules.items():
        notes += literal_case_mismatches(rel, tree, rel_set)
        notes += literals_leaving_folder(rel, tree, cwd)
        if rel in graph.reachable:
            notes += removed_api_uses(rel, tree)
    return ScanResult(files=files, warnings=tuple(notes), modules=modules, entry_point=entry,
                      working_dir=cwd)


LFS_POINTER = b"version https://git-lfs.github.com/spec/v1"
LFS_POINTER_MAX_BYTES = 200  # a pointer is about 130 bytes: oid, size, version


def git_lfs_pointers(files: Sequence[GameFile]) -> list[str]:
    """A warning naming the files that are Git LFS pointers, not the files they stand for
    (a clone without `git lfs`): the game fails on them in the browser as on the desktop."""
    pointers = []
    for game_file in files:
        if game_file.size <= LFS_POINTER_MAX_BYTES and not game_file.rel.endswith(".py"):
            with game_file.path.open("rb") as stream:
                if stream.read(len(LFS_POINTER)) == LFS_POINTER:
                    pointers.append(game_file.rel)
    if not pointers:
        return []
    shown = ", ".join(pointers[:3]) + (f" and {len(pointers) - 3} more" if len(pointers) > 3
                                       else "")
    return [f"{shown} {'is a Git LFS pointer' if len(pointers) == 1 else 'are Git LFS pointers'}"
            ", not the file itself: run `git lfs pull` in the game's repository, then pack "
            "again"]


def _module_name(rel: str, entry: str) -> str | None:
    """The name the game imports the file `rel` by (its entry's folder is on sys.path)."""
    run_dir = entry.rpartition("/")[0]
    prefix = f"{run_dir}/" if run_dir else ""
    if not rel.startswith(prefix):
        return None
    return rel[len(prefix):-3].replace("/", ".").removesuffix(".__init__")


def _uses_pygame(tree: ast.Module) -> bool:
    return any((isinstance(node, ast.Import) and any(a.name.split(".")[0] == "pygame"
                                                    for a in node.names))
               or (isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0]
               == "pygame") for node in ast.walk(tree))


def _has_main_guard(tree: ast.Module) -> bool:
    """Whether the module has a top-level `if __name__ == "__main__":`."""
    return any(isinstance(node, ast.If) and isinstance(node.test, ast.Compare)
               and isinstance(node.test.left, ast.Name) and node.test.left.id == "__name__"
               and isinstance(node.test.ops[0], ast.Eq)
               and any(isinstance(value, ast.Constant) and value.value == "__main__"
                       for value in node.test.comparators)
               for node in tree.body)


def _opens_window_when_run(tree: ast.Module) -> bool:
    """Whether code at the module's top (not in its functions or classes) calls set_mode or
    loops: a game's script, where its other modules only define things."""
    definitions = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
    return any(isinstance(node, ast.While) or (isinstance(node, ast.Call)
                                               and isinstance(node.func, ast.Attribute)
                                               and node.func.attr == "set_mode")
               for statement in tree.body if not isinstance(statement, definitions)
               for node in _walk_outside_definitions(statement))


def _walk_outside_definitions(node: ast.AST):
    """ast.walk, not entering function or class bodies."""
    yield node
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield from _walk_outside_definitions(child)


def _entry_point(root: Path, asked: str | None, rels: list[str],
                 modules: Mapping[str, ast.Module],
                 broken: Mapping[str, ScanError]) -> tuple[str, str | None]:
    """The entry point, and a note when it was chosen here (no main.py, one script)."""
    wanted = asked or DEFAULT_ENTRY_POINT
    if wanted in rels:
        if wanted in broken:
            raise broken[wanted]
        return wanted, None
    similar = [rel for rel in rels if rel.casefold() == wanted.casefold()]
    if similar:
        raise ScanError(f"no {wanted} in {root} (found {similar[0]}: rename it)")
    if asked is None:
        top = {rel: tree for rel, tree in modules.items() if "/" not in rel}
        scripts = sorted(rel for rel, tree in top.items() if _uses_pygame(tree))
        # A script with a __main__ guard counts when what it imports uses pygame.
        guarded = sorted(rel for rel, tree in top.items() if _has_main_guard(tree)
                         and any(_uses_pygame(modules[reached]) for reached
                                 in import_graph(modules, rel).reachable))
        opening = [rel for rel in scripts if _opens_window_when_run(top[rel])]
        for chosen, why in (([rel for rel in scripts if rel in guarded],
                             "the one script here that uses pygame and runs when started"),
                            (opening, "the one script here that opens the window when run"),
                            (scripts, "the one script here that uses pygame"),
                            (guarded, "the one script here with if __name__ == \"__main__\"")):
            if len(chosen) == 1:
                return chosen[0], (f"no main.py: {chosen[0]} is the entry point ({why}; set "
                                   "main = \"...\" to choose)")
        if scripts:
            raise ScanError(f"no main.py in {root}, and several scripts could start the game "
                            f"({', '.join(scripts)}): choose one with --main")
        nested = sorted(rel for rel in rels if rel.endswith(f"/{DEFAULT_ENTRY_POINT}"))
        if len(nested) == 1 and nested[0] not in broken:
            return nested[0], (f"no main.py: {nested[0]} is the entry point (the one main.py "
                               "here; set main = \"...\" to choose)")
        if nested:
            raise ScanError(f"no main.py in {root}, and several in its folders "
                            f"({', '.join(nested)}): choose one with --main")
        deeper = sorted(rel for rel, tree in modules.items() if "/" in rel and _uses_pygame(tree))
        if deeper:
            shown = ", ".join(deeper[:3]) + (f" and {len(deeper) - 3} more" if len(deeper) > 3
                                             else "")
            raise ScanError(f"no main.py in {root}, and no script at its top uses pygame; in its "
                            f"folders: {shown}: choose the game's script with --main "
                            f"{deeper[0]}, or pack the folder that holds the game")
    raise ScanError(f"no {wanted} in {root}; the entry point of a game is main.py, or the "
                    "file --main names")


def list_files(root: Path, excludes: Sequence[str] = (),
               extra_excluded: Sequence[Path] = ()) -> tuple[GameFile, ...]:
    """The files below `root` that are packed, sorted by `rel` (no checks of their content)."""
    walker = _Walker(root.resolve(), IgnoreRules.for_game(root, excludes), extra_excluded)
    return tuple(sorted(walker.walk(), key=lambda game_file: game_file.rel))


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


def _read_lines(path: Path, shown: str) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ScanError(f"cannot read {shown}: {error}; save it as UTF-8 text") from error


def _folder_patterns(rel_folder: str, lines: Sequence[str]) -> list[str]:
    """A nested .gitignore's patterns, rewritten relative to the game folder (as git reads
    them: a pattern with a slash is anchored to its folder, one without matches below it)."""
    rewritten = []
    for line in lines:
        pattern = line.strip()
        if not pattern or pattern.startswith("#"):
            continue
        negate = pattern.startswith("!")
        pattern = pattern[1:] if negate else pattern
        anchored = "/" in pattern.rstrip("/")
        prefix = rel_folder if anchored else f"{rel_folder}**/"
        rewritten.append(("!" if negate else "") + prefix + pattern.lstrip("/"))
    return rewritten


@dataclass(frozen=True)
class IgnoreRules:
    """Which paths are left out: defaults, then .packignore (or the .gitignore files), then
    the config's excludes; later patterns win, as in git."""

    ignore_files: tuple[tuple[str, tuple[str, ...]], ...]  # (file name, its patterns)
    excludes: tuple[str, ...]
    use_gitignore: bool
    spec: GitIgnoreSpec

    @classmethod
    def for_game(cls, root: Path, excludes: Sequence[str]) -> "IgnoreRules":
        for name, use_gitignore in ((PACKIGNORE, False), (GITIGNORE, True)):
            path = root / name
            if path.is_file():
                lines = tuple(_read_lines(path, str(path)))
                return cls.build(((str(path), lines),), tuple(excludes), use_gitignore)
        return cls.build((), tuple(excludes), use_gitignore=True)

    @classmethod
    def build(cls, ignore_files: tuple[tuple[str, tuple[str, ...]], ...],
              excludes: tuple[str, ...], use_gitignore: bool) -> "IgnoreRules":
        spec = GitIgnoreSpec.from_lines(DEFAULT_EXCLUDES)
        for where, patterns in (*ignore_files, ("the excludes setting", excludes)):
            try:
                spec += GitIgnoreSpec.from_lines(patterns)
            except ValueError as error:
                raise ScanError(f"{error} in {where}: fix or remove the pattern") from error
        return cls(ignore_files, excludes, use_gitignore, spec)

    def entering(self, folder: Path, rel_folder: str) -> "IgnoreRules":
        """The rules below `folder`: with its own .gitignore when .gitignore files apply."""
        gitignore = folder / GITIGNORE
        if not self.use_gitignore or not gitignore.is_file():
            return self
        name = f"{rel_folder}{GITIGNORE}"
        patterns = tuple(_folder_patterns(rel_folder, _read_lines(gitignore, name)))
        return self.build((*self.ignore_files, (name, patterns)), self.excludes, True)

    def ignores(self, rel: str) -> bool:
        """True when the file `rel` (a folder when it ends with "/") is left out."""
        return self.spec.match_file(rel)


class _Walker:
    """Walks the game folder (depth first, any depth), following symlinks only while they
    stay inside it."""

    def __init__(self, root: Path, rules: IgnoreRules, skip: Sequence[Path]) -> None:
        self.root = root
        self.rules = rules
        self.skip = {Path(path).resolve() for path in skip}

    def walk(self) -> Iterator[GameFile]:
        # (folder's real path, its rel with a trailing "/", real paths above it, its rules)
        stack = [(self.root, "", frozenset({self.root}), self.rules)]
        while stack:
            folder, rel_folder, ancestors, rules = stack.pop()
            for entry in self._entries(folder, rel_folder):
                rel = rel_folder + entry.name
                is_dir = self._is_dir(entry, rel)
                if rules.ignores(f"{rel}/" if is_dir else rel):
                    continue
                _check_name(rel)
                is_link = entry.is_symlink()
                if is_link:
                    # Walking never yields "..", so only a symlink can lead out of the folder.
                    self._check_link(entry, rel)
                if is_dir:
                    real = Path(entry.path).resolve() if is_link else folder / entry.name
                    if real in self.skip or self._is_skipped_folder(real):
                        continue
                    if real in ancestors:
                        raise ScanError(
                            f"{rel} links to the folder holding it, a loop: remove the symlink"
                        )
                    stack.append((real, f"{rel}/", ancestors | {real},
                                  rules.entering(real, f"{rel}/")))
                elif entry.is_file():
                    path = Path(entry.path)
                    if path in self.skip:  # the output's zip
                        continue
                    _read(path, rel, size=0)
                    yield GameFile(rel=rel, path=path, size=_size(entry, rel))
                else:
                    raise ScanError(
                        f"{rel} is not a regular file (a pipe, socket or device): remove it or "
                        f"list it in {PACKIGNORE}"
                    )

    @staticmethod
    def _entries(folder: Path, rel_folder: str) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(folder) as iterator:
                return sorted(iterator, key=lambda entry: entry.name)
        except OSError as error:
            raise ScanError(f"cannot list {rel_folder or '.'}: {error.strerror}") from error

    @staticmethod
    def _is_dir(entry: os.DirEntry[str], rel: str) -> bool:
        try:
            return entry.is_dir()
        except OSError as error:  # a symlink pointing at itself, a file removed meanwhile
            raise ScanError(f"cannot read {rel}: {error.strerror}; remove it or list it in "
                            f"{PACKIGNORE}") from error

    @staticmethod
    def _is_skipped_folder(real: Path) -> bool:
        """A virtual environment, or an output of pack (say, an earlier --out)."""
        return (real / "pyvenv.cfg").is_file() or is_output(real)

    def _check_link(self, entry: os.DirEntry[str], rel: str) -> None:
        try:
            target = Path(entry.path).resolve(strict=False)
        except (OSError, RuntimeError) as error:
            raise ScanError(f"{rel} is a symlink that cannot be followed: {error}") from error
        if not target.is_relative_to(self.root):
            raise ScanError(
                f"{rel} is a symlink to {target}, outside the game folder: copy it into the "
                f"game folder or list it in {PACKIGNORE}"
            )
        try:
            exists = target.exists()
        except OSError as error:  # ELOOP: a symlink to itself
            raise ScanError(f"{rel} is a symlink that cannot be followed: {error.strerror}; "
                            "remove it") from error
        if not exists:
            raise ScanError(f"{rel} is a broken symlink to {target}: fix or remove it")


def _size(entry: os.DirEntry[str], rel: str) -> int:
    try:
        return entry.stat().st_size
    except OSError as error:
        raise ScanError(f"cannot read {rel}: {error.strerror}") from error


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


def _decoded(rel: str, data: bytes) -> str:
    """The source text, decoded as Python does: UTF-8 unless a PEP 263 line says otherwise."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        if "unknown encoding" in str(error) or "encoding problem" in str(error):
            raise ScanError(f"{rel}: {error}") from error
        encoding = "utf-8"  # no declaration, and not UTF-8 either: said just below
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        shown = "UTF-8" if encoding.startswith("utf-8") else encoding
        raise ScanError(
            f"{rel}: byte {data[error.start]:#04x} at offset {error.start} is not {shown}: "
            "save the file as UTF-8"
        ) from error


def parse_python(rel: str, data: bytes) -> tuple[ast.Module, list[str]]:
    """Parse and compile a Python file's bytes; return its tree and the compiler's warnings.

    Raises ScanError with `file:line` for a syntax error, and for code nested too deeply for
    the compiler (which would otherwise crash the tool with a RecursionError)."""
    source = _decoded(rel, data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            tree = parse_for_browser(source, rel)
            compile(tree, rel, "exec", dont_inherit=True)
        except SyntaxError as error:
            raise ScanError(f"{rel}:{error.lineno}: {error.msg}") from error
        except ValueError as error:  # null bytes (a SyntaxError from Python 3.12 on)
            raise ScanError(f"{rel}: {error}") from error
        except (RecursionError, MemoryError) as error:
            raise ScanError(f"{rel}: the code is nested too deeply for Python to compile: "
                            "split the expression") from error
    return tree, [f"{rel}:{note.lineno}: {note.message}" for note in caught]
