#!/usr/bin/env bash
# Set up a Debian 12 or 13 machine for pygbag_like: system packages, the Python package, the
# WebAssembly runtime (built once into the user cache, inside a pinned Debian 12 root made
# with debootstrap), then pack an example.
#   scripts/setup-debian.sh                everything, then pack examples/async_sprites
#   scripts/setup-debian.sh --no-example   everything but the example (used by .ci/run)
#   scripts/setup-debian.sh --runtime-only the runtime build alone: no browser, no test tools
# Where Debian's python3 is externally managed (PEP 668), the package goes into ./.venv.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-}

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Debian source packages give the pinned upstream tarballs: enable deb-src entries that mirror
# the existing binary entries (no new host is added).
if [ -f /etc/apt/sources.list.d/debian.sources ] && \
   ! grep -qs '^Types:.*deb-src' /etc/apt/sources.list.d/*.sources; then
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
    | $SUDO tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
fi
if [ -f /etc/apt/sources.list ] && grep -q '^deb ' /etc/apt/sources.list && \
   ! grep -q '^deb-src ' /etc/apt/sources.list; then
  sed -n 's/^deb /deb-src /p' /etc/apt/sources.list | $SUDO tee /etc/apt/sources.list.d/debian-src.list >/dev/null
fi

# The runtime build: debootstrap makes the pinned root it runs in (sdl_port/buildroot.json).
# python3-venv: the virtual environment below, and tests/test_runtime_wheel.py's.
PACKAGES=(python3 python3-pip python3-venv debootstrap ca-certificates)
if [ "$MODE" != "--runtime-only" ]; then
  # The browser and the static server of the end-to-end tests, and the host's own emscripten
  # for `pack runtime build --host-toolchain` and the tests that compile with it.
  PACKAGES+=(chromium nginx emscripten cmake make gcc tcl patch autoconf automake libtool nodejs
             dpkg-dev xz-utils bzip2)
fi
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
$SUDO apt-get update -q
if [ ${#missing[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi

PYTHON=${PYTHON:-python3}
if "$PYTHON" -c 'import os, sys, sysconfig
sys.exit(not os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")))'; then
  [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
  PYTHON=.venv/bin/python
  echo "Installed into ./.venv (Debian's python3 is externally managed): . .venv/bin/activate"
fi
if [ "$MODE" = "--runtime-only" ]; then
  "$PYTHON" -m pip install -q -e .
else
  "$PYTHON" -m pip install -q -e '.[test,runtime-build]'
fi

# debootstrap and chroot need root: as another user, the build runs under sudo on this user's
# cache, which is handed back afterwards (but the Debian root itself, which stays root's).
if [ -z "$SUDO" ]; then
  "$PYTHON" -m pygbag_like runtime build
else
  CACHE=$("$PYTHON" -c 'from pygbag_like.runtime import paths; print(paths.cache_root())')
  $SUDO env PYGBAG_LIKE_CACHE="$CACHE" "$PYTHON" -m pygbag_like runtime build
  for part in components logs sources emscripten-cache current-runtime.json build.lock; do
    if [ -e "$CACHE/$part" ]; then $SUDO chown -R "$(id -u):$(id -g)" "$CACHE/$part"; fi
  done
fi

if [ -z "$MODE" ]; then
  "$PYTHON" -m pygbag_like examples/async_sprites
  echo "Packed: examples/async_sprites/build/web (try: pack examples/async_sprites --serve)"
fi
