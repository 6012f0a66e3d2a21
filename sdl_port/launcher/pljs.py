"""The page's JavaScript, from Python: proxies over the bridge (templates/bridge.js).

    import platform                       # what games written for pygbag use
    platform.window.document.title = "x"
    platform.window.localStorage.setItem("best", "12")
    response = await platform.window.fetch("data.json")   # promises are awaitable
    import js                             # the same window, Pyodide's way: js.document

Each request is one synchronous call through `_pl.js` (JSON in, JSON out); JavaScript
objects stay in the page's table and Python holds their numbers. A Python function passed
to JavaScript (an event listener) is queued when JavaScript calls it and runs at the game's
next event poll or frame (`run_callbacks`).
"""

import base64
import json

import _pl


class JSException(Exception):
    """A JavaScript error, raised in Python with the JavaScript message and stack."""


_callbacks: dict[int, object] = {}
_unreleased: list[int] = []


def _request(op: str, **fields) -> object:
    if _unreleased and op != "release":
        refs = _unreleased[:]
        _unreleased.clear()
        _request("release", refs=refs)
    reply = json.loads(_pl.js(json.dumps({"op": op, **fields})))
    if "error" in reply:
        raise JSException(reply["error"])
    return reply["value"]


def _into_python(value, this: "JSProxy | None" = None):
    if isinstance(value, dict):
        if "ref" in value:
            return JSProxy(value["ref"], this if value.get("fn") else None)
        if "number" in value:
            return float(value["number"])
    return value


def _into_js(value):
    if isinstance(value, JSProxy):
        return {"ref": value._ref}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        return {"bytes": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, list | tuple):
        return {"list": [_into_js(item) for item in value]}
    if isinstance(value, dict):
        return {"dict": {str(key): _into_js(item) for key, item in value.items()}}
    if callable(value):
        _callbacks[id(value)] = value
        return {"callback": id(value)}
    raise TypeError(f"cannot pass {type(value).__name__} to JavaScript")


class JSProxy:
    """A JavaScript object or function; attribute access, calls and `await` go to the page."""

    __slots__ = ("_ref", "_this")

    def __init__(self, ref: int, this: "JSProxy | None" = None) -> None:
        object.__setattr__(self, "_ref", ref)
        object.__setattr__(self, "_this", this)  # the object a function was read from

    def __getattr__(self, name: str):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _into_python(_request("get", ref=self._ref, name=name), self)

    def __setattr__(self, name: str, value) -> None:
        _request("set", ref=self._ref, name=name, value=_into_js(value))

    def __delattr__(self, name: str) -> None:
        _request("del", ref=self._ref, name=name)

    def __getitem__(self, key):
        return _into_python(_request("get", ref=self._ref, name=key), self)

    def __setitem__(self, key, value) -> None:
        _request("set", ref=self._ref, name=key, value=_into_js(value))

    def __contains__(self, key) -> bool:
        return bool(_request("has", ref=self._ref, name=key))

    def __call__(self, *args):
        args_js = [_into_js(arg) for arg in args]
        this = None if self._this is None else self._this._ref
        return _into_python(_request("call", ref=self._ref, self=this, args=args_js))

    def new(self, *args):
        """`new Constructor(...args)` (Pyodide spells it the same way)."""
        args_js = [_into_js(arg) for arg in args]
        return _into_python(_request("new", ref=self._ref, args=args_js))

    def __len__(self) -> int:
        length = _request("describe", ref=self._ref)["length"]
        if length is None:
            raise TypeError("this JavaScript object has no length")
        return int(length)

    def __iter__(self):
        for index in range(len(self)):
            yield self[index]

    def __dir__(self) -> list[str]:
        return list(_request("keys", ref=self._ref))

    def to_py(self):
        """The object as Python data, through JSON (arrays, plain objects, primitives)."""
        return json.loads(_request("json", ref=self._ref))

    def __await__(self):
        """Wait for a promise (or any value) without blocking the page."""
        import asyncio

        _request("await", ref=self._ref)
        while True:
            settled = _request("settled", ref=self._ref)
            if settled is not None:
                break
            yield from asyncio.sleep(0).__await__()
        if not settled["ok"]:
            raise JSException(settled["value"])
        return _into_python(settled["value"])

    def __repr__(self) -> str:
        info = _request("describe", ref=self._ref)
        return f"<JSProxy {info['type']} {info['text']}>"

    def __bool__(self) -> bool:
        return True

    def __del__(self) -> None:
        _unreleased.append(self._ref)


def run_callbacks() -> None:
    """Run the Python functions JavaScript called since the last time."""
    if not _callbacks:
        return
    for callback_id, args in _request("callbacks"):
        callback = _callbacks.get(callback_id)
        if callback is not None:
            callback(*(_into_python(arg) for arg in args))


def window() -> JSProxy:
    """The page's global object."""
    return _into_python(_request("global"))


def page_event(name: str, detail=None) -> None:
    """Tell the page's own scripts something: a `pl-<name>` event on its window."""
    _request("page_event", name=name, detail=_into_js(detail))


def install(platform) -> None:
    """Give the `platform` module what games written for pygbag use: `platform.window`,
    `platform.document`, `platform.console` (read when first used)."""
    def attribute(name: str):
        if name == "window":
            return window()
        if name in ("document", "console"):
            return getattr(window(), name)
        raise AttributeError(f"module 'platform' has no attribute {name!r}")

    platform.__getattr__ = attribute
    platform.JSException = JSException


def sync_request(method: str, url: str, headers: list[tuple[str, str]],
                 body: bytes | None) -> dict:
    """An HTTP request done by the page (same origin, or a server allowing it by CORS)."""
    reply = _request("xhr", method=method, url=url, headers=headers,
                     body=None if body is None else base64.b64encode(body).decode())
    reply["body"] = base64.b64decode(reply["body"])
    return reply
