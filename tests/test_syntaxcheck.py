"""Syntax only a newer Python reads is refused as the browser's Python 3.11 would refuse it,
whichever Python runs pack: checked here, and in each newer Python found on this machine."""

import glob
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pygbag_like.syntaxcheck import parse_for_browser

REPO = Path(__file__).resolve().parent.parent
# Each source, and whether the browser's Python 3.11 reads it.
SOURCES = {
    'd = {"k": 1}\nprint(f"{d[\'k\']}")\n': True,
    'd = {"k": 1}\nx = 1\nprint(f"{d["k"]}")\n': False,  # PEP 701: its own quotes
    'xs = ["a"]\nprint(f"{\'\\n\'.join(xs)}")\n': False,  # PEP 701: a backslash
    'd = {"k": 1}\nprint(f"""{d["k"]}""")\n': True,
    'x = 1\nprint(f"{f\'{x}\'}")\n': True,
    'x = 1.5\nprint(f"{x:.2f} {x!r:>10}")\n': True,
    'print(f"{"""a"""}")\n': False,  # triple quotes of its own quote character
    'x = 1\nprint(f"{x  # the value\n}")\n': False,  # a comment inside the braces
    "type Point = tuple[int, int]\n": False,  # PEP 695
    "def first[T](xs: list[T]) -> T:\n    return xs[0]\n": False,
}
CHECK = """
import json, sys
sys.path.insert(0, sys.argv[1])
from pygbag_like.syntaxcheck import parse_for_browser
results = []
for source in json.loads(sys.stdin.read()):
    try:
        parse_for_browser(source, "game.py")
        results.append(None)
    except SyntaxError as error:
        results.append([error.lineno, error.msg])
print(json.dumps(results))
"""


def newer_pythons() -> list[str]:
    """Python 3.12 and later on this machine (pyenv's versions, or on PATH)."""
    found = {path for pattern in ("~/.pyenv/versions/3.1[2-9]*/bin/python3",
                                  f"{os.environ.get('PYENV_ROOT', '~/.pyenv')}/versions/"
                                  "3.1[2-9]*/bin/python3")
             for path in glob.glob(os.path.expanduser(pattern))}
    found |= {path for name in ("python3.12", "python3.13", "python3.14")
              if (path := shutil.which(name)) and "shims" not in path}
    return sorted(found)


def test_the_running_python_refuses_what_3_11_cannot_read() -> None:
    explained = 0
    for source, readable in SOURCES.items():
        if readable:
            parse_for_browser(source, "game.py")
        else:
            with pytest.raises(SyntaxError) as refused:
                parse_for_browser(source, "game.py")
            explained += "the browser runs Python 3.11" in refused.value.msg
    # Super Pirate World's f"{x["key"]}": 3.11's own message says only "f-string: expecting
    # '}'"; the two that 3.11 calls f-string errors say what 3.12 allows.
    assert explained >= (2 if sys.version_info[:2] == (3, 11) else 6)


@pytest.mark.skipif(not newer_pythons(), reason="no Python 3.12 or later on this machine")
@pytest.mark.parametrize("python", newer_pythons() or ["none"])
def test_a_newer_python_refuses_it_too_and_says_why(python: str) -> None:
    result = subprocess.run([python, "-c", CHECK, str(REPO)], input=json.dumps(list(SOURCES)),
                            capture_output=True, text=True, check=True)
    results = json.loads(result.stdout)
    assert [r is None for r in results] == list(SOURCES.values()), results
    refused = [r for r in results if r is not None]
    assert all("the browser runs Python 3.11" in msg for _, msg in refused), refused
    assert [line for line, _ in refused] == [3, 2, 1, 2, 1, 1]
