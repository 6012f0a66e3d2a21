"""Stands in for the shared-library linker in a setup.py build of C extensions (LDSHARED).

    python3 link_record.py [linker flags] OBJECTS... [-L DIR] [-l NAME] -o OUTPUT

The runtime links every C module statically into python.wasm, so an extension module is not
linked here: OUTPUT gets a JSON record of what would have gone into it instead (absolute
paths of its objects and archives, the libraries named by -l and the folders of -L), which
the recipe turns into archives for the final link.
"""

import json
import sys
from pathlib import Path


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


def main(argv: list[str]) -> None:
    output, record = parse(argv)
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(json.dumps(record, indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
