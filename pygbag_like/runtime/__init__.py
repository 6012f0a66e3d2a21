"""The WebAssembly runtime: CPython 3.11 + pygame-ce + SDL2 built with emscripten.

Public entry points: `build_runtime` (build or reuse the cached runtime) and `find_runtime`
(where the built runtime is, without building).
"""

from pygbag_like.runtime.builder import BuildReporter, build_runtime, find_runtime
from pygbag_like.runtime.layout import RuntimeFiles

__all__ = ["BuildReporter", "RuntimeFiles", "build_runtime", "find_runtime"]
