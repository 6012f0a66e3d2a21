"""Stands in for the shared-library linker (and the C++ compiler) of a setup.py build of C
extensions: LDSHARED and CXX both name it, through a small script.

    python3 link_record.py [flags] OBJECTS... [-L DIR] [-l NAME] -o OUTPUT.so   records
    python3 link_record.py [flags] -c SOURCE.cpp -o OBJECT.o                    runs em++

The runtime links every C module statically into python.wasm, so an extension module is not
linked here: OUTPUT gets a JSON record of what would have gone into it instead (absolute
paths of its objects and archives, the libraries named by -l and the folders of -L), which
the recipe turns into archives for the final link. Any other command (compiling C++) goes to
em++. Both roles share one program because distutils links a C++ extension with the first
word of CXX in place of LDSHARED's.
"""

import json
import os
import sys
from pathlib import Path

CXX = "em++"


def output_of(argv: list[str]) -> str:
    """The -o argument, or ""."""
    return next((argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg == "-o"), "")


def parse(argv: list[str]) -> tuple[str, dict[str, list[str]]]:
    """(output, record) of a linker command line."""
    output = ""
    record: dict[str, list[str]] = {"objects": [], "libraries": [], "library_dirs": []}
    args = iter(argv)
    for arg in args:
        if arg == "-o":
            output = next(args)
        elif arg.startswith("-L"):
            record["library_dirs"].append(str(Path(arg[2:] or next(args)).resolve()))
        elif arg.startswith("-l"):
            record["libraries"].append(arg[2:] or next(args))
        elif arg.endswith((".o", ".a")):
            record["objects"].append(str(Path(arg).resolve()))
    if not output:
        raise SystemExit("link_record.py: no -o OUTPUT")
    return output, record


def is_extension_link(argv: list[str]) -> bool:
    """A link of a shared library (an extension module), not a compile."""
    return "-c" not in argv and output_of(argv).endswith(".so")


def main(argv: list[str]) -> None:
    if not is_extension_link(argv):
        os.execvp(CXX, [CXX, *argv])
    output, record = parse(argv)
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(json.dumps(record, indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
