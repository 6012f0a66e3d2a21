#!/usr/bin/env bash
# Set up a Debian 12 machine for pygbag_like: system packages, the Python package, the
# WebAssembly runtime (built once into the user cache), then pack an example.
#   scripts/setup-debian.sh              everything, then pack examples/async_sprites
#   scripts/setup-debian.sh --no-example everything but the example (used by .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."

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

# python3-venv: tests/test_runtime_wheel.py installs the runtime wheel into a fresh venv.
PACKAGES=(emscripten chromium nginx cmake make gcc tcl patch autoconf automake libtool python3 python3-pip python3-venv nodejs dpkg-dev xz-utils bzip2)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
$SUDO apt-get update -q
if [ ${#missing[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi

PYTHON=${PYTHON:-python3}
"$PYTHON" -m pip install -q -e '.[test,runtime-build]'

"$PYTHON" -m pygbag_like runtime build

if [ "${1:-}" != "--no-example" ]; then
  "$PYTHON" -m pygbag_like examples/async_sprites
  echo "Packed: examples/async_sprites/build/web (try: pack examples/async_sprites --serve)"
fi
