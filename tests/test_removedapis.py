"""Warnings about standard-library names that fail in the browser: removed from its Python,
or needing threads or processes."""

import ast
from pathlib import Path

from pygbag_like.removedapis import removed_api_uses
from pygbag_like.scan import scan_game


def warnings_for(source: str) -> list[str]:
    return removed_api_uses("game.py", ast.parse(source))


def test_removed_names_used_or_imported_are_named_with_their_replacement() -> None:
    # danijar/jumper's time.clock and Kowies' collections.Iterable crashed in the browser.
    assert warnings_for("import time\nstart = time.clock()\nend = time.clock()\n") == [
        "game.py:2: time.clock was removed in Python 3.8 and the browser runs Python 3.11: "
        "use time.perf_counter()"]
    assert warnings_for("import collections\nisinstance(x, collections.Iterable)\n") == [
        "game.py:2: collections.Iterable was removed in Python 3.10 and the browser runs "
        "Python 3.11: use collections.abc.Iterable"]
    assert [w.split(": ")[1] for w in warnings_for(
        "from collections import Mapping, OrderedDict\nimport inspect\ninspect.getargspec(f)\n"
    )] == ["collections.Mapping was removed in Python 3.10 and the browser runs Python 3.11",
           "inspect.getargspec was removed in Python 3.11 and the browser runs Python 3.11"]


def test_names_that_still_exist_or_fallbacks_are_not_warned_about() -> None:
    assert warnings_for("try:\n    from collections.abc import Iterable\n"
                        "except ImportError:\n    from collections import Iterable\n"
                        "try:\n    clock = time.perf_counter\n"
                        "except AttributeError:\n    clock = time.clock\n") == []
    assert warnings_for("import time, collections, collections.abc\n"
                        "time.perf_counter()\ncollections.OrderedDict()\n"
                        "collections.abc.Iterable\nclock.tick(60)\n") == []


def test_threads_processes_and_programs_are_named() -> None:
    # RicardoMarinho-code/Juninho-s-Fighter started an asset loader and input threads: it
    # packed silently and died in the browser on "can't start new thread".
    assert warnings_for("import threading\nthreading.Thread(target=load).start()\n") == [
        "game.py:2: threading.Thread fails in the browser: a web page runs the game on one "
        "thread: call its work from the game loop"]
    assert [w.split(": ")[1] for w in warnings_for(
        "from threading import Timer\nimport concurrent.futures, subprocess\n"
        "pool = concurrent.futures.ThreadPoolExecutor()\nsubprocess.run(['ls'])\n"
        "import threading\nlock = threading.Lock()\n")] == [
        "threading.Timer fails in the browser", "concurrent.futures.ThreadPoolExecutor fails "
        "in the browser", "subprocess.run fails in the browser"]


def test_pack_warns_only_for_modules_the_game_runs(tmp_path: Path) -> None:
    game = tmp_path / "game"
    game.mkdir()
    (game / "main.py").write_text("import time\nimport timing\n")
    (game / "timing.py").write_text("import time\nNOW = time.clock()\n")
    (game / "old_tool.py").write_text("import time\nprint(time.clock())\n")
    warnings = [w for w in scan_game(game).warnings if "removed in Python" in w]
    assert warnings == ["timing.py:2: time.clock was removed in Python 3.8 and the browser "
                        "runs Python 3.11: use time.perf_counter()"]
