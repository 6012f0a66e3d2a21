"""`import js`: the page's global object as a module, as in Pyodide (`js.document`)."""

import pljs


def __getattr__(name: str):
    return getattr(pljs.window(), name)
