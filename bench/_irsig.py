"""Function pointers whose wasm signature differs from the one they are called with, found in
the LLVM IR of one C file (clang 14: typed pointers, so every cast of a function is visible).

WebAssembly checks each indirect call: the callee's parameter and result types must be the
caller's exactly, or the call traps ("function signature mismatch"). Pointer types all become
i32, so only the number of parameters and their kinds (i32, i64, f32, f64) matter. Three
places store a function for CPython to call later:

- PyMethodDef entries: CPython calls `ml_meth` with the arguments its METH_ flags promise
  (METH_NOARGS and METH_O: self and one more; METH_VARARGS|METH_KEYWORDS: three...).
- PyType_Slot / PyModuleDef_Slot entries, stored as `void *`: the slot id says the type.
- Anything else stored or called through a cast between function types (tp_dealloc,
  getters, C-API tables...): the cast's target is the type it is called as, unless it is
  `void (*)(void)`, C's generic function pointer (cast back before any call, like `void *`).
"""

import re
from collections.abc import Iterator

Signature = tuple[str, tuple[str, ...]]  # (result, parameters), "" for a void result

_WASM = {"i1": "i32", "i8": "i32", "i16": "i32", "i32": "i32", "i64": "i64",
         "float": "f32", "double": "f64", "void": "", "...": "i32"}


def _wasm_type(llvm_type: str) -> str:
    llvm_type = llvm_type.strip()
    return "i32" if llvm_type.endswith("*") else _WASM.get(llvm_type, "?" + llvm_type)


def _split_top_level(text: str) -> list[str]:
    """Split at the commas that are not inside brackets."""
    parts, depth, current = [], 0, []
    for char in text:
        depth += char in "([{<"
        depth -= char in ")]}>"
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    tail = "".join(current).strip()
    return [*parts, tail] if tail else parts


def function_signature(pointer_type: str) -> Signature | None:
    """`i32 (%struct._object*, i64)*` -> ("i32", ("i32", "i64")); None if not a function."""
    pointer_type = pointer_type.strip()
    if not pointer_type.endswith(")*"):
        return None
    depth = 0
    for open_at in range(len(pointer_type) - 2, -1, -1):
        depth += pointer_type[open_at] == ")"
        depth -= pointer_type[open_at] == "("
        if depth == 0:
            break
    result = pointer_type[:open_at].strip()
    if not result:
        return None
    params = _split_top_level(pointer_type[open_at + 1:-2])
    return _wasm_type(result), tuple(_wasm_type(p) for p in params)


def _matching_paren(text: str, open_at: int) -> int:
    depth = 0
    for index in range(open_at, len(text)):
        depth += text[index] == "("
        depth -= text[index] == ")"
        if depth == 0:
            return index
    return len(text)


_O = "i32"
_UNARY, _BINARY, _TERNARY = (_O, (_O,)), (_O, (_O, _O)), (_O, (_O, _O, _O))
_INT_OF_O, _VOID_OF_O = ("i32", (_O,)), ("", (_O,))
# METH_ flags (Include/methodobject.h) -> how many arguments CPython passes.
_METHOD_ARITY = {0x1: 2, 0x4: 2, 0x8: 2, 0x1 | 0x2: 3, 0x80: 3, 0x80 | 0x2: 4,
                 0x200 | 0x80 | 0x2: 5}
_CALLING_CONVENTION = 0x1 | 0x2 | 0x4 | 0x8 | 0x80 | 0x200
# Include/typeslots.h: slot id -> the signature of its C type (data slots left out).
_TYPE_SLOTS: dict[int, Signature] = {
    1: ("i32", (_O, _O, "i32")), 2: ("", (_O, _O)), 3: ("i32", (_O, _O, _O)), 4: _INT_OF_O,
    5: _BINARY, 9: _INT_OF_O, 20: _TERNARY, 33: _TERNARY, 39: ("i32", (_O, "i32", _O)),
    41: ("i32", (_O, _O)), 43: (_O, (_O, "i32")), 44: (_O, (_O, "i32")), 45: _INT_OF_O,
    46: (_O, (_O, "i32")), 47: (_O, (_O, "i32")), 50: _TERNARY, 51: _INT_OF_O,
    52: _VOID_OF_O, 53: _VOID_OF_O, 54: _TERNARY, 55: ("i32", (_O, _O, _O)), 57: _BINARY,
    58: _BINARY, 59: _INT_OF_O, 60: ("i32", (_O, _O, _O)), 61: _INT_OF_O, 62: _UNARY,
    63: _UNARY, 65: _TERNARY, 66: _UNARY, 67: (_O, (_O, _O, "i32")),
    68: ("i32", (_O, _O, _O)), 69: ("i32", (_O, _O, _O)), 70: _UNARY,
    71: ("i32", (_O, _O, _O)), 74: _VOID_OF_O, 77: _UNARY, 78: _UNARY, 79: _UNARY,
    80: _VOID_OF_O, 81: ("i32", (_O, _O, _O)),
    **dict.fromkeys((6, 11, 13, 26, 27, 30, 32), _UNARY),
    **dict.fromkeys((7, 8, 10, 12, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 25, 28, 29, 31,
                     34, 35, 36, 37, 38, 40, 42, 75, 76), _BINARY),
}
_MODULE_SLOTS: dict[int, Signature] = {1: _BINARY, 2: _INT_OF_O}  # Py_mod_create, _exec
_ERASED: Signature = ("", ())
_WRAPPER_KEYWORDS = 1  # PyWrapperFlag_KEYWORDS: slot wrappers called with kwds too

# Named, or as a literal struct type (which clang uses when an array's entries differ).
_METHODDEF = re.compile(r"(?:%struct\.PyMethodDef|\{ i8\*, %struct\._object\* "
                        r"\(%struct\._object\*, %struct\._object\*\)\*, i32, i8\* \}) \{ ")
_WRAPPERBASE = re.compile(r"%struct\.wrapperbase \{ ")
_SLOT = re.compile(r"%struct\.(PyType_Slot|PyModuleDef_Slot) \{ i32 (\d+), "
                   r"i8\* bitcast \((.*?) @([\w.$]+) to i8\*\) \}")
_BITCAST = re.compile(r"bitcast \(")


def _function_field(field: str, declared: str) -> tuple[str, Signature | None]:
    """The function named in a struct field and its own signature."""
    if "bitcast (" in field:
        inner = field[field.index("bitcast (") + len("bitcast ("):-1]
        source, _, rest = inner.partition(" @")
        return rest.split(" to ")[0], function_signature(source)
    return field.rsplit("@", 1)[-1], function_signature(declared)


def _entries(chunk: str, pattern: re.Pattern) -> Iterator[tuple[int, int, list[str]]]:
    for match in pattern.finditer(chunk):
        end = chunk.find(" }", match.end())  # these structs hold no nested braces
        yield match.start(), end, _split_top_level(chunk[match.end():end])


def _check_chunk(owner: str, chunk: str) -> Iterator[str]:
    checked: list[tuple[int, int]] = []  # spans already judged by their own rule
    for start, end, fields in _entries(chunk, _METHODDEF):
        if len(fields) != 4 or fields[1].endswith("null"):
            continue
        checked.append((start, end))
        name, actual = _function_field(fields[1], "i32 (i32*, i32*)*")
        flags = int(fields[2].split()[-1])
        arity = _METHOD_ARITY.get(flags & _CALLING_CONVENTION)
        if arity is None:
            yield f"{owner}: method {name}: unknown METH_ flags {flags:#x}"
        elif actual != (_O, (_O,) * arity):
            yield f"{owner}: method {name} (flags {flags:#x}) is {actual}, called with {arity}"
    for start, end, fields in _entries(chunk, _WRAPPERBASE):
        if len(fields) < 6 or fields[3].endswith("null"):
            continue
        checked.append((start, end))
        name, actual = _function_field(fields[3], "i32 (i32*, i32*, i8*)*")
        arity = 4 if int(fields[5].split()[-1]) & _WRAPPER_KEYWORDS else 3
        if actual != (_O, (_O,) * arity):
            yield f"{owner}: slot wrapper {name} is {actual}, called with {arity}"
    for match in _SLOT.finditer(chunk):
        kind, slot, source, name = match.groups()
        expected = (_TYPE_SLOTS if kind == "PyType_Slot" else _MODULE_SLOTS).get(int(slot))
        actual = function_signature(source)
        if expected and actual != expected:
            yield f"{owner}: {kind} {slot} {name} is {actual}, called as {expected}"
    for match in _BITCAST.finditer(chunk):
        if any(start <= match.start() < end for start, end in checked):
            continue
        inner = chunk[match.end():_matching_paren(chunk, match.end() - 1)]
        source, _, rest = inner.partition(" @")
        name, _, target = rest.partition(" to ")
        line_start = chunk.rfind("\n", 0, match.start()) + 1
        if "icmp " in chunk[line_start:match.start()]:
            continue  # compared with a pointer, not called through it
        actual, called_as = function_signature(source), function_signature(target)
        if called_as == _ERASED:
            continue  # `void (*)(void)` is C's generic function pointer, like void *
        if actual and called_as and actual != called_as:
            yield f"{owner}: {name} is {actual}, cast to {called_as}"


def check_ir(text: str) -> list[str]:
    """Every mismatch in one module's LLVM IR, once each, named by where it is stored."""
    found: dict[str, None] = {}
    for chunk in re.split(r"\n(?=@|define )", text):
        owner = re.match(r"(?:define [^@]*)?(@[\w.$]+)", chunk)
        for problem in _check_chunk(owner.group(1) if owner else "?", chunk):
            found[problem] = None
    return list(found)
