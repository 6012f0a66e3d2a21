"""Browser fixes applied to pygame right after it is imported (see plboot).

pygame-ce raises NotImplementedError for `pygame.time.set_timer` on WebAssembly (SDL timers
need threads). Here timers are kept in Python and their events are posted whenever the game
asks for events, which every game loop does: `pygame.event.get/poll/peek/pump/wait`.
"""

import time

_timers: dict[int, list] = {}  # event type -> [event, interval_s, next_due, loops_left]


def _post_due_timers(pygame) -> float | None:
    """Post the events of timers that are due; return seconds until the next one."""
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


def patch(pygame) -> None:
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
