"""Compile Python sources to .pyc files for the runtime (run by the build's own Python 3.11).

    python3.11 compile_pyc.py SOURCE_DIR OUT_DIR LIB_ROOT

Every `*.py` below SOURCE_DIR becomes `*.pyc` at the same place below OUT_DIR, with the
file name it has in the browser (LIB_ROOT/path) so that tracebacks show that, and a zero
timestamp and size in the header (the runtime has no sources to compare with): the same
sources always give the same bytes. Compiled as `python -OO` does (no docstrings, no
asserts), as CPython's own test suite runs the standard library: 15-20% smaller.
"""

import importlib.util
import marshal
import sys
from pathlib import Path


def main(source_dir: Path, out_dir: Path, lib_root: str) -> None:
    header = importlib.util.MAGIC_NUMBER + bytes(12)  # flags, mtime and size all zero
    for source in sorted(source_dir.rglob("*.py")):
        rel = source.relative_to(source_dir).as_posix()
        try:
            code = compile(source.read_bytes(), f"{lib_root}/{rel}", "exec", dont_inherit=True,
                           optimize=2)
        except SyntaxError:
            continue  # a file not meant for this Python (test data and such)
        target = out_dir / f"{rel}c"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(header + marshal.dumps(code))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
