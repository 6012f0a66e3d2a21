"""Static check for wasm traps (issue #9): C functions stored as pointers of another signature.
Prints each one found; exits 1 if there is any.

    python3 -m bench.signature_check            pygame-ce, patched as the runtime builds it
    python3 -m bench.signature_check --cpython  also CPython (about 15 minutes on 2 cores)

Each C file is compiled to LLVM IR with the runtime build's own flags and include folders
(from the built components) and read by _irsig.py. Compiler warnings are not enough:
-Wcast-function-type misses casts through `void (*)(void)` (CPython's _PyCFunction_CAST,
Cython's output) and through `void *` (PyType_Slot), which the IR still shows.
"""

import argparse
import importlib.util
import shlex
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import replace
from pathlib import Path

from bench._irsig import check_ir
from pygbag_like.runtime import paths
from pygbag_like.runtime.builder import component_keys
from pygbag_like.runtime.layout import find_runtime
from pygbag_like.runtime.recipe import load_recipes, recipes_dir
from pygbag_like.runtime.toolchain import find_toolchain

IR_FLAGS = ["-O0", "-g0", "-S", "-emit-llvm", "-Wno-everything"]


class Checker:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.recipes = load_recipes()
        # This machine's emcc compiles the IR; the components are the ones the runtime in use
        # was built from (in the pinned Debian root, whose identity its manifest names).
        self.toolchain = find_toolchain()
        manifest = find_runtime().manifest
        if manifest["emscripten"] != self.toolchain.version:
            sys.exit(f"the runtime was built with emscripten {manifest['emscripten']}, this "
                     f"machine has {self.toolchain.version}")
        built_with = replace(self.toolchain, build_root=manifest.get("build_root"))
        self.keys = component_keys(self.recipes, built_with.identity)
        self.found: list[str] = []

    @property
    def python_dirname(self) -> str:
        major, minor = self.recipes["python"].recipe.version.split(".")[:2]
        return f"python{major}.{minor}"

    def component(self, name: str) -> Path:
        folder = paths.component_dir(name, self.keys[name])
        if not folder.is_dir():
            sys.exit(f"{folder} is missing: run `pack runtime build` first")
        return folder

    def sources(self, name: str) -> Path:
        """The component's source archive extracted, with the recipe's patches applied."""
        recipe = self.recipes[name].recipe
        with tarfile.open(paths.sources_dir() / recipe.source.filename) as tar:
            tar.extractall(self.work / name, filter="data")
        src = next((self.work / name).iterdir())
        for patch in recipe.patches:
            subprocess.run(["patch", "-p1", "-s", "-i", recipes_dir().parent / patch],
                           cwd=src, check=True)
        return src

    def check(self, label: str, command: list, cwd: Path) -> None:
        """Compile one file to IR with `command` (an emcc command without -c/-o)."""
        ir = self.work / "file.ll"
        result = subprocess.run([*command, *IR_FLAGS, "-o", ir], cwd=cwd, capture_output=True,
                                text=True, env=self.toolchain.env)
        if result.returncode:
            print(f"  {label}: not checked, it does not compile here: "
                  f"{result.stderr.strip().splitlines()[-1][:200]}")
            return
        for problem in check_ir(ir.read_text(errors="replace")):
            self.found.append(f"{label}: {problem}")
            print(f"  {label}: {problem}", flush=True)

    def pygame(self) -> None:
        spec = importlib.util.spec_from_file_location("pygame_recipe",
                                                      recipes_dir() / "pygame_ce.py")
        recipe = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(recipe)
        src = self.sources("pygame_ce")
        macros = subprocess.run([sys.executable, "buildconfig/get_version.py", "--macros"],
                                cwd=src, capture_output=True, text=True, check=True).stdout
        includes = [f"-I{self.component('python')}/include/{self.python_dirname}",
                    f"-I{self.component('freetype')}/include/freetype2",
                    *(f"-I{self.component(n)}/include/SDL2"
                      for n in ("sdl2", "sdl2_image", "sdl2_mixer", "sdl2_ttf")),
                    f"-I{src / 'src_c'}"]
        flags = ["-DBUILD_STATIC=1", *macros.split(), *includes]
        files = [src / "src_c" / name for name in recipe.C_FILES]
        cython = src / "src_c" / "cython"
        for module in recipe.CYTHON_MODULES:
            c_file = self.work / f"_sdl2_{module}.c"
            subprocess.run([sys.executable, "-m", "cython", "-3", "-I", cython, "--module-name",
                            f"pygame._sdl2.{module}", "-o", c_file,
                            cython / "pygame" / "_sdl2" / f"{module}.pyx"],
                           check=True, capture_output=True)
            files.append(c_file)
        print(f"pygame-ce: {len(files)} files (base.c includes every C module)")
        for path in files:
            self.check(path.name, ["emcc", *flags, path], src)

    def cpython(self) -> None:
        """Every file of the python component's build, with the commands its log records."""
        src = self.sources("python")
        python = self.component("python")
        (src / "pyconfig.h").write_bytes(
            (python / "include" / self.python_dirname / "pyconfig.h").read_bytes())
        commands = []
        for line in (python / "build.log").read_text().splitlines():
            words = line.split()
            if words[:1] != ["emcc"] or "-c" not in words or line.endswith("\\"):
                continue
            words = shlex.split(line)
            words.remove("-c")
            if "-o" in words:
                at = words.index("-o")
                del words[at:at + 2]
            commands.append(words)
        print(f"CPython: {len(commands)} files")
        for words in commands:
            self.check(next(w for w in words if w.endswith(".c")), words, src)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cpython", action="store_true", help="also check CPython")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="signature-check-") as tmp:
        checker = Checker(Path(tmp))
        checker.pygame()
        if args.cpython:
            checker.cpython()
    print(f"\nfunctions stored as pointers of another signature: {len(checker.found)}")
    sys.exit(1 if checker.found else 0)


if __name__ == "__main__":
    main()
