"""Browser fixes applied to pygame right after it is imported (see plboot).

- Timers: pygame-ce raises NotImplementedError for `pygame.time.set_timer` on WebAssembly
  (SDL timers need threads). Here timers are kept in Python and their events are posted
  whenever the game asks for events, which every game loop does:
  `pygame.event.get/poll/peek/pump/wait`.
- Window size: SDL gives a RESIZABLE window the canvas's CSS size, which is the page's
  scaled view of the game; the game asked for its own size. RESIZABLE goes through only when
  the page lets the game fill it (`resize = "fill"`); otherwise the surface keeps the size
  the game asked for and the page scales the canvas. FULLSCREEN never goes through: SDL
  would make the canvas alone fullscreen at the screen's size (a game laid out for the size
  it asked for was cut off, and the page's error panel was hidden behind it);
  `toggle_fullscreen` asks the page to go fullscreen as its own button does.
- The first display update marks `pl:first-frame` in the page's performance timeline (the
  moment a player sees the game; benchmarks read it).
- Text input: `pygame.key.start_text_input` and `stop_text_input` also tell the page (a
  `pl-text-input` event), which opens a phone's on-screen keyboard while the game wants text.
- Time-sliced updates (asyncify runtime): each display update gives the frame back to the
  browser, which caps a game that updates many times per frame (an AI drawing every board
  it considers) at a few hundred updates per second. An update gives control back only when
  a frame's time has passed since an update last did (Clock.tick still sleeps as asked); SDL
  reads its SDL_EMSCRIPTEN_ASYNCIFY hint from the environment on each update.
- Event polls in a loop that draws nothing (asyncify runtime): `while waiting:
  pygame.event.pump()` (for a key, for the music to end) gave the browser no frame, so no
  key or audio ever came. Once nothing has been drawn for DRAWLESS_SECONDS, an event poll
  gives the frame back when the browser has painted none for a frame's time (a loop whose
  `Clock.tick` sleeps has given it frames already, and is not slowed); a loop that draws is
  not slowed either. The page runs at its frame rate while the game waits, and the audio,
  which the browser plays from the same thread, has no gaps.
"""

import os
import time
import warnings

import _pl

_timers: dict[int, list] = {}  # event type -> [event, interval_s, next_due, loops_left]
FRAME_SECONDS = 1 / 60
_ASYNCIFY_HINT = "SDL_EMSCRIPTEN_ASYNCIFY"
_last_yield = [0.0]  # when an update last gave control back to the browser (perf_counter)
DRAWLESS_SECONDS = 0.1
_last_drawn = [0.0]  # when the game last updated the display (perf_counter)
_browser_frames_seen = [-1, 0.0]  # the browser's frame count at a poll, and when (perf_counter)


def _post_due_timers(pygame) -> float | None:
    """Post the events of timers that are due; return seconds until the next one. (Also
    runs the Python functions the page called: every game loop asks for events.)"""
    import plboot

    plboot.run_js_callbacks()
    if not _timers:
        return None
    now = time.monotonic()
    for event_type, timer in list(_timers.items()):
        event, interval, due, loops_left = timer
        if now >= due:
            pygame.event.post(event)
            timer[2] = max(due + interval, now)
            if loops_left:
                timer[3] = loops_left - 1
                if timer[3] == 0:
                    del _timers[event_type]
    if not _timers:
        return None
    return max(0.0, min(t[2] for t in _timers.values()) - time.monotonic())


def _deliver_timers(pygame) -> None:
    """Replace pygame.time.set_timer and wrap the event functions that deliver timers."""
    event_module = pygame.event
    original = {name: getattr(event_module, name) for name in ("get", "poll", "peek", "pump")}
    original_wait = event_module.wait

    def set_timer(event, millis, loops=0):
        """pygame.time.set_timer, driven by the event functions."""
        if isinstance(event, int):
            event_type, event = event, pygame.event.Event(event)
        else:
            event_type = event.type
        _timers.pop(event_type, None)
        if millis > 0:
            interval = millis / 1000
            _timers[event_type] = [event, interval, time.monotonic() + interval, int(loops)]

    def delivering(function):
        def wrapper(*args, **kwargs):
            _post_due_timers(pygame)
            return function(*args, **kwargs)

        wrapper.__name__ = function.__name__
        wrapper.__doc__ = function.__doc__
        return wrapper

    def wait(timeout=0):
        """pygame.event.wait that also wakes up for timer events."""
        deadline = time.monotonic() + timeout / 1000 if timeout else None
        while True:
            until_timer = _post_due_timers(pygame)
            event = original["poll"]()
            if event.type != pygame.NOEVENT:
                return event
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                return event
            naps = [x for x in (until_timer, remaining, 0.01) if x is not None]
            pygame.time.wait(max(1, int(min(naps) * 1000)))

    wait.__doc__ = original_wait.__doc__
    pygame.time.set_timer = set_timer
    for name, function in original.items():
        setattr(event_module, name, delivering(function))
    event_module.wait = wait


def _keep_window_size(pygame, resizable: bool) -> None:
    """set_mode without RESIZABLE unless the page lets the game fill it (and then without
    pygame's warning that the window got another size than asked: the page's is meant)."""
    set_mode = pygame.display.set_mode

    def keeping_size(size=(0, 0), flags=0, *args, **kwargs):
        flags &= ~pygame.FULLSCREEN
        if not resizable:
            flags &= ~pygame.RESIZABLE
            return set_mode(size, flags, *args, **kwargs)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Requested window was forcibly resized")
            return set_mode(size, flags, *args, **kwargs)

    keeping_size.__doc__ = set_mode.__doc__
    pygame.display.set_mode = keeping_size

    def toggle_fullscreen():
        import pljs

        pljs.page_event("toggle-fullscreen")
        return 1

    toggle_fullscreen.__doc__ = pygame.display.toggle_fullscreen.__doc__
    pygame.display.toggle_fullscreen = toggle_fullscreen


def _tell_the_page_about_text_input(pygame) -> None:
    """start_text_input / stop_text_input, and the page hears of it (templates/textinput.js)."""
    import pljs

    def telling(function, active: bool):
        def wrapper(*args, **kwargs):
            result = function(*args, **kwargs)
            pljs.page_event("text-input", active)
            return result

        wrapper.__name__ = function.__name__
        wrapper.__doc__ = function.__doc__
        return wrapper

    pygame.key.start_text_input = telling(pygame.key.start_text_input, True)
    pygame.key.stop_text_input = telling(pygame.key.stop_text_input, False)


def _time_slice_updates(pygame) -> None:
    """Display updates give the frame back at most once per frame (asyncify runtime)."""
    display = pygame.display

    def sliced(update):
        def wrapper(*args, **kwargs):
            now = _last_drawn[0] = time.perf_counter()
            if now - _last_yield[0] >= FRAME_SECONDS:
                result = update(*args, **kwargs)  # SDL gives the frame back in here
                _last_yield[0] = time.perf_counter()
                return result
            os.environ[_ASYNCIFY_HINT] = "0"
            try:
                return update(*args, **kwargs)
            finally:
                del os.environ[_ASYNCIFY_HINT]

        wrapper.__name__ = update.__name__
        wrapper.__doc__ = update.__doc__
        return wrapper

    display.flip = sliced(display.flip)
    display.update = sliced(display.update)


def _yield_in_event_polls(pygame) -> None:
    """Event polls give the frame back in loops that draw nothing (asyncify runtime)."""
    event_module = pygame.event

    def yielding(function):
        def wrapper(*args, **kwargs):
            now = time.perf_counter()
            seen, when = _browser_frames_seen
            if now - _last_drawn[0] >= DRAWLESS_SECONDS and now - when >= FRAME_SECONDS:
                if _pl.browser_frames() == seen:
                    _pl.wait_frame()
                _browser_frames_seen[:] = [_pl.browser_frames(), time.perf_counter()]
            return function(*args, **kwargs)

        wrapper.__name__ = function.__name__
        wrapper.__doc__ = function.__doc__
        return wrapper

    for name in ("get", "poll", "peek", "pump"):
        setattr(event_module, name, yielding(getattr(event_module, name)))


def _mark_first_frame(pygame) -> None:
    """Mark the first display update in the page's performance timeline, once."""
    display = pygame.display
    originals = {name: getattr(display, name) for name in ("flip", "update")}

    markers = {}

    def marking(name):
        def first_update(*args, **kwargs):
            result = originals[name](*args, **kwargs)
            _pl.js('{"op": "mark", "name": "pl:first-frame"}')
            for other, function in originals.items():  # later updates go straight through,
                if getattr(display, other) is markers[other]:  # unless the game wrapped them
                    setattr(display, other, function)
            return result

        first_update.__name__ = name
        first_update.__doc__ = originals[name].__doc__
        return first_update

    for name in originals:
        markers[name] = marking(name)
        setattr(display, name, markers[name])


def patch(pygame, resizable: bool, asyncify: bool) -> None:
    """Apply the browser fixes to the freshly imported pygame package."""
    _deliver_timers(pygame)
    _keep_window_size(pygame, resizable)
    _tell_the_page_about_text_input(pygame)
    if asyncify:
        _time_slice_updates(pygame)
        _yield_in_event_polls(pygame)
    _mark_first_frame(pygame)
