"""asyncio in the page, applied by plboot when the game first imports asyncio.

The loop's selector has no file descriptors: waiting means giving the frame to the browser.
In the asyncify runtime asyncio.run() really runs, one loop iteration per animation frame. In
the plain runtime asyncio.run() schedules the game's main coroutine and returns to the page,
which steps the loop from requestAnimationFrame (plboot.step).
"""

import selectors

import _pl

ASYNCIFY = _pl.has_asyncify()


class FrameSelector(selectors.BaseSelector):
    """A selector without file descriptors: waiting gives the frame to the browser."""

    def __init__(self):
        self._map = {}

    def register(self, fileobj, events, data=None):
        raise NotImplementedError("file descriptors cannot be watched in the browser")

    def unregister(self, fileobj):
        raise KeyError(fileobj)

    def select(self, timeout=None):
        if ASYNCIFY:
            if timeout is not None and timeout > 0.02:
                _pl.sleep_ms(int(timeout * 1000))
            else:
                _pl.wait_frame()
        return []

    def close(self):
        self._map.clear()

    def get_map(self):
        return self._map


def patch(asyncio, schedule_main) -> None:
    """Make asyncio's default loop the browser loop; `schedule_main` replaces asyncio.run
    in the plain runtime."""

    class BrowserEventLoop(asyncio.SelectorEventLoop):
        """asyncio's loop for the page: one iteration per animation frame."""

        def __init__(self):
            super().__init__(FrameSelector())

        def _make_self_pipe(self):  # no socketpair in the browser; nothing needs waking up
            self._ssock = self._csock = None

        def _close_self_pipe(self):
            pass

        def _write_to_self(self):
            pass

    class BrowserEventLoopPolicy(asyncio.DefaultEventLoopPolicy):
        _loop_factory = BrowserEventLoop

    asyncio.set_event_loop_policy(BrowserEventLoopPolicy())
    if not ASYNCIFY:
        asyncio.run = schedule_main
