"""Warnings about file paths written in the game's code, before the game is uploaded.

Letter case: the browser's filesystem is case-sensitive, Windows and macOS aren't, so a game
that loads "Player.png" while the file is "player.png" works on the author's machine only.
Leaving the folder: "../graphics/player.png" from a game packed from its code/ folder points
outside what was packed.
"""

import ast
import posixpath
import re
from collections.abc import Iterable, Mapping

_EXTENSION = re.compile(r"[^/.]\.[A-Za-z0-9]{1,8}$")


def files_differing_by_case(rels: Iterable[str]) -> list[str]:
    """Warn about each group of paths that differ only by letter case (sorted, one per group)."""
    groups: dict[str, set[str]] = {}
    for rel in rels:
        groups.setdefault(rel.casefold(), set()).add(rel)
    return [
        f"{' and '.join(sorted(names))} differ only by case"
        for _, names in sorted(groups.items())
        if len(names) > 1
    ]


def literal_case_mismatches(py_rel: str, tree: ast.AST, rels: set[str]) -> list[str]:
    """Warn about string literals in `tree` naming a file or folder of `rels` with another case.

    A literal matches a path exactly, or as its trailing components ("player.png" used with
    os.path.join("assets", ...) matches assets/player.png). Exact matches never warn.
    """
    literals = [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    candidates = [(line, text, _as_path(text)) for line, text in literals if _looks_like_path(text)]
    if not candidates:
        return []
    exact, folded = _suffix_index(rels)
    warnings = []
    for line, text, path in sorted(candidates):
        if path in exact or path.casefold() not in folded:
            continue
        target = min(folded[path.casefold()])
        warnings.append(
            f'{py_rel}:{line}: "{text}" names {target} with different case; '
            "the browser's filesystem is case-sensitive"
        )
    return warnings


def literals_leaving_folder(py_rel: str, tree: ast.AST, run_dir: str) -> list[str]:
    """Warn about path literals with ".." that lead out of the packed folder when resolved
    from `run_dir` (the entry point's folder, relative to the packed folder; "" for its top)."""
    depth = len([part for part in run_dir.split("/") if part])
    warnings = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        text = node.value
        if ".." not in text or not _looks_like_path(text):
            continue
        level = depth
        for part in text.replace("\\", "/").split("/"):
            if part == "..":
                level -= 1
                if level < 0:
                    warnings.append((node.lineno, text))
                    break
            elif part not in ("", "."):
                level += 1
    runs_from = f"{run_dir}/" if run_dir else "the packed folder's top"
    return [
        f'{py_rel}:{line}: "{text}" leads outside the packed folder (the game runs from '
        f"{runs_from}): pack the folder that holds it, with --main naming the entry point"
        for line, text in sorted(warnings)
    ]


def working_dir(modules: Mapping[str, ast.AST], rels: set[str], entry: str) -> str:
    """The folder the game is meant to run from: the entry point's, unless more of the
    file paths written in the code name files from one of the folders above it (a project
    whose code/main.py loads "graphics/player.png" is run from its top folder)."""
    run_dir = entry.rpartition("/")[0]
    if not run_dir:
        return ""
    parts = run_dir.split("/")
    candidates = ["/".join(parts[:depth]) for depth in range(len(parts), -1, -1)]
    hits = dict.fromkeys(candidates, 0)
    names = rels | {posixpath.dirname(rel) for rel in rels}
    for tree in modules.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and _looks_like_path(node.value) and not node.value.startswith("/"):
                for folder in candidates:
                    path = posixpath.normpath(posixpath.join(folder, _as_path(node.value)))
                    hits[folder] += path in names
    return max(candidates, key=lambda folder: hits[folder])  # ties: the deepest, listed first


def _looks_like_path(text: str) -> bool:
    if not text or len(text) > 255 or "\n" in text:
        return False
    return "/" in text or "\\" in text or _EXTENSION.search(text) is not None


def _as_path(text: str) -> str:
    """`text` as a posix relative path: backslashes as slashes, "." and empty parts dropped."""
    parts = [part for part in text.replace("\\", "/").split("/") if part not in ("", ".")]
    return "/".join(parts)


def _suffix_index(rels: set[str]) -> tuple[set[str], dict[str, set[str]]]:
    """Every trailing component path of every file and folder, exactly and case-folded.

    The folded index maps to the full paths, to name the real file in the warning.
    """
    exact: set[str] = set()
    folded: dict[str, set[str]] = {}
    for rel in rels:
        parts = rel.split("/")
        for end in range(1, len(parts) + 1):
            full = "/".join(parts[:end])
            for start in range(end):
                suffix = "/".join(parts[start:end])
                exact.add(suffix)
                folded.setdefault(suffix.casefold(), set()).add(full)
    return exact, folded
