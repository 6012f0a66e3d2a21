"""Whether a game needs a numpy link variant (docs/numpy.md).

It does when the code reachable from its entry point (and the packages bundled with it)
imports numpy (or sqlite3 or lzma, whose C modules only those variants link), directly or
through a runtime module that imports it whenever it is imported
(pygame.surfarray, pygame.sndarray), or uses `pygame.surfarray` / `pygame.sndarray` as
attributes: `import pygame` makes those lazy modules, imported at their first use. An import
of numpy guarded by `except ImportError` inside a runtime module (pygame's own check) does not
count: without numpy such code takes its fallback, as it does natively.
"""

import ast
from collections.abc import Iterable, Mapping

from pygbag_like.modulestore import ModuleIndex
from pygbag_like.runtime.layout import NUMPY_VARIANT_PACKAGES

# pygame's submodules that `import pygame` imports lazily, and that import numpy.
LAZY_NUMPY_MODULES = {"surfarray": "pygame.surfarray", "sndarray": "pygame.sndarray"}


def lazy_module_uses(modules: Iterable[ast.Module]) -> set[str]:
    """The lazily imported pygame modules that `modules` use as `<name>.surfarray...`."""
    found = set()
    for tree in modules:
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in LAZY_NUMPY_MODULES:
                found.add(LAZY_NUMPY_MODULES[node.attr])
    return found


def needs_numpy(index: ModuleIndex, runtime_imports: Iterable[str],
                game_modules: Mapping[str, ast.Module], reachable: Iterable[str]) -> bool:
    """True when the game's runtime imports (or its reachable modules' lazy pygame modules)
    lead to numpy through imports that always run."""
    roots = {*runtime_imports, *lazy_module_uses(game_modules[rel] for rel in reachable
                                                 if rel in game_modules)}
    if any(name.split(".")[0] in NUMPY_VARIANT_PACKAGES for name in roots):
        return True
    reached = index.closure(roots, optional=False)
    return any(name.split(".")[0] in NUMPY_VARIANT_PACKAGES for name in reached)
