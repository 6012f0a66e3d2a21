"""Python syntax the browser's Python cannot read, found when pack runs on a newer one.

The runtime is CPython 3.11; a developer on Windows or macOS packs with 3.12 or 3.13, whose
parser takes `type` aliases, `def f[T]()` and f-strings with the outer quotes or a backslash
inside their braces (PEP 701). Without this, such a game packed cleanly and died in the
player's browser with a SyntaxError.
"""

import ast
import io
import sys
import tokenize

from pygbag_like.onimport import BROWSER_PYTHON, BROWSER_RUNS


def parse_for_browser(source: str, rel: str) -> ast.Module:
    """`ast.parse` as the browser's Python would parse: SyntaxError (with the line) for what
    only a newer Python reads."""
    if sys.version_info[:2] <= BROWSER_PYTHON:
        try:
            return ast.parse(source, rel)
        except SyntaxError as error:
            if (error.msg or "").startswith("f-string"):  # a PEP 701 f-string, most likely
                error.msg = (f"{error.msg} (Python 3.12 reads quotes like the f-string's own, "
                             f"a backslash or a comment in its braces: {BROWSER_RUNS})")
            raise
    try:
        tree = ast.parse(source, rel, feature_version=BROWSER_PYTHON)
    except SyntaxError as error:
        ast.parse(source, rel)  # a plain syntax error is reported as it is
        error.msg = f"{error.msg}: {BROWSER_RUNS}"  # "Type statement is only supported in..."
        raise
    line = _newer_f_string_line(source)
    if line is not None:
        raise SyntaxError(f"this f-string needs Python 3.12 (quotes like its own, a backslash "
                          f"or a comment inside its braces): {BROWSER_RUNS}",
                          (rel, line, 0, ""))
    return tree


def _newer_f_string_line(source: str) -> int | None:
    """The first line with an f-string that Python 3.11 cannot read (PEP 701), else None."""
    quotes: list[str] = []  # the quote of each f-string we are in, innermost last
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):  # parsed already: not expected
        return None
    for token in tokens:
        kind = tokenize.tok_name[token.type]
        if kind == "FSTRING_END":
            quotes.pop()
            continue
        if quotes and kind == "COMMENT":
            return token.start[0]
        if kind not in ("FSTRING_START", "STRING"):
            continue
        quote = _quote(token.string)
        # 3.11: inside an f-string's braces, no string opening with its quote character (or
        # its triple quotes, for a triple-quoted one), and no backslash.
        single = {q for q in quotes if len(q) == 1}
        if quotes and (quote[0] in single or quote in quotes
                       or (kind == "STRING" and "\\" in token.string)):
            return token.start[0]
        if kind == "FSTRING_START":
            quotes.append(quote)
    return None


def _quote(literal: str) -> str:
    """The quotes a string literal (or an f-string's start) opens with: ', ", ''' or \"\"\"."""
    body = literal.lstrip("rRbBuUfF")
    return body[:3] if body[:3] in ("'''", '"""') else body[:1]
