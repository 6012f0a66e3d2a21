"""Which loops need the asyncify runtime, and which get a warning."""

import ast
from pathlib import Path

from pygbag_like.loopcheck import check_loops

CORPUS = Path(__file__).parent / "corpus"


def parsed(sources: dict[str, str]) -> dict[str, ast.Module]:
    return {rel: ast.parse(text, rel) for rel, text in sources.items()}


def report(source: str, **modules: str):
    return check_loops(parsed({"main.py": source, **{f"{k}.py": v for k, v in modules.items()}}))


def test_blocking_while_loop_is_found_with_its_line():
    result = report("import pygame\nx = 1\nwhile True:\n    pygame.display.flip()\n")
    assert result.blocking_loops == ("main.py:3",) and not result.warnings


def test_each_yield_point_counts():
    for call in ("pygame.display.update()", "clock.tick(60)", "self.clock.tick_busy_loop(30)",
                 "time.sleep(0.1)", "sleep(1)", "pygame.time.wait(5)", "pygame.time.delay(5)",
                 "pygame.event.wait()", "flip()"):
        assert report(f"while running:\n    {call}\n").needs_asyncify, call


def test_asyncio_loop_runs_on_the_plain_runtime():
    source = ("import asyncio, pygame\nasync def main():\n    while True:\n"
              "        pygame.display.flip()\n        await asyncio.sleep(0)\n")
    assert not report(source).needs_asyncify


def test_sprite_update_and_asyncio_sleep_are_not_yield_points():
    source = "while True:\n    group.update()\n    asyncio.sleep(0)\n    screen.fill(0)\n"
    result = report(source)
    assert not result.needs_asyncify
    assert result.warnings and result.warnings[0].startswith("main.py:1:")


def test_yield_reached_through_functions_and_modules():
    scenes = "import pygame\ndef show(screen):\n    pygame.display.flip()\n"
    source = "import scenes\nwhile True:\n    scenes.show(screen)\n"
    assert report(source, scenes=scenes).blocking_loops == ("main.py:2",)


def test_for_loop_over_frames_is_blocking_but_never_warned():
    assert report("for i in range(100):\n    clock.tick(60)\n").needs_asyncify
    assert not report("for i in range(100):\n    screen.fill(0)\n").warnings


def test_pure_computation_loop_is_left_alone():
    result = report("n = 0\nwhile n < 10:\n    n += 1\n")
    assert not result.needs_asyncify and not result.warnings


def test_corpus_games_are_classified():
    for game in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        sources = {f.name: f.read_text() for f in game.glob("*.py")}
        result = check_loops(parsed(sources))
        if game.name == "asyncio_game":
            assert not result.needs_asyncify and not result.warnings
        elif game.name == "unsupported_loop":
            assert result.warnings, game.name
        else:
            assert result.needs_asyncify and not result.warnings, game.name


def test_preloaded_packages_are_the_ones_the_game_imports():
    from pygbag_like.pack import PRELOADABLE, imported_packages

    sources = {"main.py": "import pygame.freetype\nfrom asyncio import sleep\n",
               "util.py": "from . import main\nimport json\n"}
    assert imported_packages(parsed(sources), PRELOADABLE) == ("pygame", "asyncio")
    assert imported_packages(parsed({"main.py": "import json\n"}), PRELOADABLE) == ()


def test_loop_that_can_never_end_and_never_yields_is_warned():
    for source in ("while True:\n    pass\n", "while 1:\n    x = compute()\n",
                   "while True:\n    for i in range(3):\n        break\n"):
        result = report(source)
        assert result.warnings and result.warnings[0].startswith("main.py:1:"), source
    for source in ("while True:\n    if done():\n        break\n",
                   "def f():\n    while True:\n        return 1\n",
                   "import sys\nwhile True:\n    sys.exit(0)\n"):
        assert not report(source).warnings, source


def test_a_loop_that_draws_a_count_of_things_once_is_not_warned():
    # mattjpoole/minesweeper draws its board's cells in `while cell_num < total:`.
    board = ("import pygame\ncell = 0\nwhile cell < 400:\n"
             "    pygame.draw.rect(screen, (0, 0, 0), (cell, 0, 4, 4))\n    cell += 1\n")
    assert report(board).warnings == ()
    drawing = "import pygame\nwhile running:\n    screen.fill((0, 0, 0))\n"
    assert report(drawing).warnings, "a game loop that never yields is still warned"


def test_tick_counts_only_on_a_clock():
    sprite_game = ("import asyncio, pygame\nclass Pipe:\n    def tick(self):\n        pass\n"
                   "up_pipe = Pipe()\nclock = pygame.time.Clock()\n"
                   "async def main():\n    while True:\n        up_pipe.tick()\n"
                   "        await asyncio.sleep(0)\n"
                   "def reset():\n    for _ in range(3):\n        up_pipe.tick()\n")
    assert not report(sprite_game).needs_asyncify
    for game in ("timer = pygame.time.Clock()\nwhile True:\n    timer.tick(60)\n",
                 "self.fps = Clock()\nwhile True:\n    self.fps.tick(60)\n",
                 "while True:\n    pygame.time.Clock().tick(60)\n",
                 "while True:\n    game.clock.tick(60)\n"):  # no Clock() seen: the name says
        assert report(game).needs_asyncify, game


def test_generator_loops_are_not_warned():
    source = ("def frames(screen):\n    while True:\n        screen.fill(0)\n        yield\n"
              "for _ in frames(None):\n    break\n")
    assert not report(source).warnings


def test_only_modules_the_entry_point_imports_are_read():
    midi = "import pygame\nwhile True:\n    screen.fill(0)\n"
    source = "import asyncio\nasync def main():\n    pass\nasyncio.run(main())\n"
    assert not report(source, midi=midi).warnings
    assert report("import midi\n" + source, midi=midi).warnings


def test_entry_point_in_a_subfolder_imports_its_neighbours():
    modules = parsed({"code/main.py": "import level\nlevel.run()\n",
                      "code/level.py": "import pygame\ndef run():\n    while True:\n"
                                       "        pygame.display.flip()\n",
                      "tools/editor.py": "while True:\n    screen.fill(0)\n"})
    result = check_loops(modules, "code/main.py")
    assert result.blocking_loops == ("code/level.py:3",) and not result.warnings


def test_a_method_found_by_name_in_an_asyncio_game_is_not_a_main_loop():
    game = ("import asyncio, pygame\nclass Config:\n    def tick(self):\n"
            "        self.clock.tick(30)\nclass Pipe:\n    def tick(self):\n        self.x -= 1\n"
            "async def play(pipes, config):\n    while True:\n        for pipe in pipes:\n"
            "            pipe.tick()\n        config.tick()\n        await asyncio.sleep(0)\n"
            "asyncio.run(play([], Config()))\n")
    assert not report(game).needs_asyncify
    desktop_in_async = ("import asyncio, pygame\nasync def main():\n    await asyncio.sleep(0)\n"
                        "    while True:\n        pygame.display.flip()\n")
    assert report(desktop_in_async).needs_asyncify


def test_a_while_loop_that_only_polls_events_needs_the_asyncify_runtime():
    # The asyncify runtime gives the frame back at an event poll in a loop that draws
    # nothing; on the plain runtime such a loop froze the page (a 2048 game, "press a key").
    for poll in ("pygame.event.get()", "pygame.event.pump()", "event.poll()",
                 "pygame.event.peek(pygame.KEYDOWN)"):
        game = f"import pygame\nwaiting = True\nwhile waiting:\n    {poll}\n"
        result = report(game)
        assert result.needs_asyncify and not result.warnings, poll


def test_a_for_loop_over_the_events_of_an_asyncio_game_is_no_blocking_loop():
    game = ("import asyncio, pygame\nasync def main():\n    while True:\n"
            "        for event in pygame.event.get():\n            pass\n"
            "        await asyncio.sleep(0)\nasyncio.run(main())\n")
    result = report(game)
    assert not result.needs_asyncify and not result.warnings
