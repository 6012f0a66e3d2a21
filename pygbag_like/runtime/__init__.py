"""The WebAssembly runtime: CPython 3.11 + pygame-ce + SDL2 built with emscripten.

`layout` names the runtime's files and finds the built runtime (all the packer needs);
`builder.build_runtime` builds or reuses it from the recipes in sdl_port/recipes.
"""
