#!/usr/bin/env bash
# Configures (once) and builds build/ with Ninja, in Release, through ccache.
# An already configured build/ is reused as it is, so its options stay.
# Extra arguments go to the configure step, e.g. -DARCHSCAPE_BUILD_GUI=OFF.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The cache lives outside the clone, so a fresh clone still builds warm.
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/archscape-ccache}"
jobs="$(nproc)"

start=$SECONDS
if [ -f build/CMakeCache.txt ]; then
  echo "==> Reconfiguring build/ (existing configuration kept)"
  cmake -S . -B build "$@"
else
  echo "==> Configuring build/ (Ninja, Release)"
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
fi
echo "==> Configure took $((SECONDS - start)) s"

start=$SECONDS
echo "==> Building with $jobs jobs (ccache in $CCACHE_DIR)"
cmake --build build -j"$jobs"
echo "==> Build took $((SECONDS - start)) s"
