"""Compile Python sources to .pyc files for the runtime (run by the build's own Python 3.11).

    python3.11 -S compile_pyc.py SOURCE_DIR OUT_DIR LIB_ROOT

Every `*.py` below SOURCE_DIR becomes `*.pyc` at the same place below OUT_DIR, with the
file name it has in the browser (LIB_ROOT/path) so that tracebacks show that, and a zero
timestamp and size in the header (the runtime has no sources to compare with). Compiled as
`python -OO` does (no docstrings, no asserts), as CPython's own test suite runs the standard
library: 15-20% smaller.

The same source always gives the same bytes, wherever SOURCE_DIR is: marshal sorts sets, and
marks an object as shared when something else holds it too, so each module is compiled and
written with nothing of another module's code alive, in a Python started without `site`
(whose .pth files could import more modules and hold more strings).
"""

import importlib.util
import marshal
import sys
from pathlib import Path

HEADER = importlib.util.MAGIC_NUMBER + bytes(12)  # flags, mtime and size all zero


def compile_one(source: bytes, filename: str) -> bytes:
    """The .pyc bytes of one module; SyntaxError for a file not meant for this Python."""
    return HEADER + marshal.dumps(compile(source, filename, "exec", dont_inherit=True,
                                          optimize=2))


def main(source_dir: Path, out_dir: Path, lib_root: str) -> None:
    for source in sorted(source_dir.rglob("*.py")):
        rel = source.relative_to(source_dir).as_posix()
        try:
            data = compile_one(source.read_bytes(), f"{lib_root}/{rel}")
        except SyntaxError:
            continue  # a file not meant for this Python (test data and such)
        target = out_dir / f"{rel}c"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
