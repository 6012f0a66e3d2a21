"""The cost of calling C functions from Python in the browser runtime (issue #9: CPython's
emscripten call trampoline routes such calls through JavaScript). Prints numbers.

    python3 -m bench.call_bench                  both runtime variants
    python3 -m bench.call_bench --plain-only     the plain runtime only
    python3 -m bench.call_bench --native         also the host's Python, for scale

Each loop runs 200,000 calls of one kind, in the page (`pack exec`): pure Python calls
(the trampoline never sees them), builtins and methods of each calling convention
(METH_O, METH_NOARGS, METH_VARARGS, METH_FASTCALL), getset attributes, and pygame methods.
The best of 5 runs is printed, in nanoseconds per call.
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from bench._pages import run_page

PAGE = '''
import math, sys, time
import pygame

N = 200_000
class Point:
    def __init__(self):
        self.x = 1
    def method(self, a):
        return a

def loop_python(p=Point()):
    m = p.method
    for _ in range(N): m(1)
def loop_len(x=[1, 2, 3]):
    for _ in range(N): len(x)                # METH_O builtin
def loop_append():
    a = []
    ap = a.append
    for _ in range(N): ap(1)                 # METH_O method
def loop_list_copy(x=[1]):
    c = x.copy
    for _ in range(N): c()                   # METH_NOARGS method
def loop_dict_get(d={"a": 1}):
    g = d.get
    for _ in range(N): g("a")                # METH_FASTCALL method
def loop_sqrt():
    s = math.sqrt
    for _ in range(N): s(2.0)                # METH_O builtin
def loop_isinstance():
    for _ in range(N): isinstance(1, int)    # METH_FASTCALL builtin
def loop_str_join(s=","):
    j = s.join
    x = ["a", "b"]
    for _ in range(N): j(x)                  # METH_O method
def loop_getattr_getset(f=math.sqrt):
    for _ in range(N): f.__name__            # getset descriptor (getter)
def loop_rect_move(r=pygame.Rect(0, 0, 2, 2)):
    m = r.move
    for _ in range(N): m(1, 1)               # METH_FASTCALL pygame method
def loop_rect_copy(r=pygame.Rect(0, 0, 2, 2)):
    c = r.copy
    for _ in range(N): c()                   # METH_NOARGS pygame method
def loop_rect_x(r=pygame.Rect(0, 0, 2, 2)):
    for _ in range(N): r.x                   # pygame getter
def loop_color_normalize(c=pygame.Color(1, 2, 3)):
    n = c.normalize
    for _ in range(N): n()                   # METH_NOARGS pygame method
def loop_surface_get_at(s=pygame.Surface((2, 2))):
    g = s.get_at
    for _ in range(N): g((0, 0))             # METH_O pygame method

def best_of_5(loop):
    times = []
    for _ in range(5):
        start = time.perf_counter()
        loop()
        times.append(time.perf_counter() - start)
    return min(times)

for name, loop in list(globals().items()):
    if name.startswith("loop_"):
        print(f"BENCH {name[5:]:20} {best_of_5(loop) / N * 1e9:8.1f} ns/call")
'''


def run(where: str, script: Path) -> str:
    if where == "native":
        result = subprocess.run([sys.executable, script], capture_output=True, text=True,
                                env={"PYGAME_HIDE_SUPPORT_PROMPT": "1",
                                     "SDL_VIDEODRIVER": "dummy"})
        return result.stdout
    run = run_page(script, [], timeout=600, asyncify=where == "asyncify")
    if run.failure:
        sys.exit(f"{where}: {run.failure}\n{run.stderr[-2000:]}")
    return run.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--native", action="store_true", help="also run on the host's Python")
    parser.add_argument("--plain-only", action="store_true", help="skip the asyncify runtime")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="call-bench-") as tmp:
        script = Path(tmp) / "calls.py"
        script.write_text(PAGE)
        columns = {}
        variants = ["plain"] if args.plain_only else ["plain", "asyncify"]
        for where in (*variants, *(["native"] if args.native else [])):
            columns[where] = {line.split()[1]: float(line.split()[2])
                              for line in run(where, script).splitlines()
                              if line.startswith("BENCH ")}
    names = list(next(iter(columns.values())))
    print(f"{'ns per call (best of 5)':24}" + "".join(f"{w:>10}" for w in columns))
    for name in names:
        print(f"{name:24}" + "".join(f"{columns[w].get(name, 0):10.1f}" for w in columns))


if __name__ == "__main__":
    main()
