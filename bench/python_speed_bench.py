"""Pure-Python speed: the same script natively and in the browser (both runtime variants).

Prints, for each workload, the median time of 5 runs natively (this machine's python3), in
the plain runtime and in the asyncify runtime, and the ratios browser / native speed and
asyncify / plain time. Asserts nothing.

    python3 -m bench.python_speed_bench
"""

import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

WORKLOADS = textwrap.dedent("""
    import time

    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    class Vec:
        def __init__(self, x, y):
            self.x, self.y = x, y
        def add(self, other):
            return Vec(self.x + other.x, self.y + other.y)

    def objects():
        v = Vec(0, 0)
        for i in range(60000):
            v = v.add(Vec(i, -i))
        return v.x

    def containers():
        d = {}
        for i in range(60000):
            d[str(i)] = [i, i * 2]
        return sorted(d, key=lambda k: d[k][1])[-1]

    def text():
        return len(",".join(f"{i}:{i * i:x}" for i in range(40000)))

    WORKLOADS = {"fib(24)": lambda: fib(24), "objects": objects,
                 "containers": containers, "text": text}
    for name, work in WORKLOADS.items():
        times = []
        for _ in range(5):
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        times.sort()
        print(f"RESULT {name} {times[2]:.4f}", flush=True)
""")


def results(output: str) -> dict[str, float]:
    return {m[1]: float(m[2]) for m in re.finditer(r"RESULT (\S+) ([\d.]+)", output)}


def run_native(script: Path) -> dict[str, float]:
    return results(subprocess.run([sys.executable, str(script)], capture_output=True,
                                  text=True, check=True).stdout)


def run_browser(script: Path, asyncify: bool) -> dict[str, float]:
    command = [sys.executable, "-m", "pygbag_like", "exec", "--timeout", "600",
               *(["--asyncify"] if asyncify else []), str(script)]
    return results(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="python-speed-") as tmp:
        script = Path(tmp) / "workloads.py"
        script.write_text(WORKLOADS)
        native = run_native(script)
        plain = run_browser(script, asyncify=False)
        asyncify = run_browser(script, asyncify=True)
    print(f"{'workload':12} {'native s':>9} {'plain s':>9} {'asyncify s':>10} "
          f"{'browser/native speed':>21} {'asyncify/plain time':>20}")
    for name, seconds in native.items():
        print(f"{name:12} {seconds:9.4f} {plain[name]:9.4f} {asyncify[name]:10.4f} "
              f"{seconds / plain[name]:21.2f} {asyncify[name] / plain[name]:20.2f}")
    speed = statistics.median(native[n] / plain[n] for n in native)
    slowdown = statistics.median(asyncify[n] / plain[n] for n in native)
    print(f"median: browser runs pure Python at {speed:.2f}x native speed; the asyncify "
          f"runtime takes {slowdown:.2f}x the plain runtime's time")


if __name__ == "__main__":
    main()
