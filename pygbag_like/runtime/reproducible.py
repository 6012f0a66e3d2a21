"""What makes two builds of the runtime give the same bytes, wherever the cache is.

Each component is built with an environment that pins what the compilers and scripts would
otherwise take from the machine or the moment (docs/reproducible.md):

- build folders: `-ffile-prefix-map` maps the component's scratch folder (its name ends in
  random letters), the cache and emscripten's cache to fixed names, so `__FILE__` in asserts
  says `/build/pygame_ce/src/...` instead of `<cache>/work/pygame_ce-<key>-x1y2z3/src/...`;
  text the build writes for the runtime (CPython's sysconfig data) gets the same names;
- time: `SOURCE_DATE_EPOCH` is the newest file time in the component's source archive, and
  `__DATE__`/`__TIME__` are defined from it (clang 14 does not read SOURCE_DATE_EPOCH:
  CPython's `sys.version` showed the build's date and time);
- host scripts: a fixed hash seed, the C locale and UTC.

What this module sets is how every component is built: changing it means bumping
recipe.BUILD_API_VERSION, so that every component is built again.
"""

import shlex
import tarfile
import time
from collections.abc import Mapping
from pathlib import Path

# Where the build folders stand in outputs: `/build/<component>` for a component's scratch
# folder (sources and objects), and these for the rest of the cache and emscripten's cache.
BUILD_ROOT = "/build"
CACHE_NAME = "/build/cache"
EMSCRIPTEN_CACHE_NAME = "/build/emscripten-cache"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def newest_member_time(archive: tarfile.TarFile) -> int:
    """The newest modification time of an archive's members (0 for an empty archive)."""
    return max((int(member.mtime) for member in archive.getmembers()), default=0)


def path_map(work: Path, name: str, cache: Path, emscripten_cache: str | None) -> dict[str, str]:
    """Build folders of one component -> the fixed names that stand for them in outputs."""
    mapping = {str(cache): CACHE_NAME, str(work): f"{BUILD_ROOT}/{name}"}
    if emscripten_cache:
        mapping[emscripten_cache] = EMSCRIPTEN_CACHE_NAME
    return mapping


def replace_paths(text: str, mapping: Mapping[str, str]) -> str:
    """`text` with every mapped folder replaced by its fixed name (longest folders first, so
    a folder inside another one gets its own name)."""
    for folder in sorted(mapping, key=len, reverse=True):
        text = text.replace(folder, mapping[folder])
    return text


def c_date_time(epoch: int) -> tuple[str, str]:
    """`__DATE__` and `__TIME__` as a compiler would spell them at `epoch` (UTC)."""
    moment = time.gmtime(epoch)
    return (f"{_MONTHS[moment.tm_mon - 1]} {moment.tm_mday:2d} {moment.tm_year}",
            time.strftime("%H:%M:%S", moment))


def build_env(mapping: Mapping[str, str], epoch: int, emcc_cflags: str = "") -> dict[str, str]:
    """Environment variables for a component's commands: `mapping` for every compile (emcc
    adds $EMCC_CFLAGS to each of its command lines), `epoch` as the build time."""
    date, clock = c_date_time(epoch)
    flags = [f"-ffile-prefix-map={folder}={name}" for folder, name in sorted(mapping.items())]
    flags += ["-Wno-builtin-macro-redefined", f'-D__DATE__="{date}"', f'-D__TIME__="{clock}"']
    cflags = " ".join(filter(None, (emcc_cflags, shlex.join(flags))))
    return {"EMCC_CFLAGS": cflags, "SOURCE_DATE_EPOCH": str(epoch), "PYTHONHASHSEED": "0",
            "LC_ALL": "C", "TZ": "UTC"}
