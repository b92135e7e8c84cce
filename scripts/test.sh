#!/usr/bin/env bash
# Installs the dependencies (a no-op when present), builds build/ and runs
# every CTest test. Exits with CTest's status. This is what CI runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

phase_start=$SECONDS
phase_done() {
  echo "==> $1 took $((SECONDS - phase_start)) s"
  phase_start=$SECONDS
}

echo "==> Installing dependencies (scripts/install-deps.sh)"
scripts/install-deps.sh
phase_done "Dependencies"

scripts/build.sh
phase_done "Configure and build"

echo "==> Running tests"
status=0
ctest --test-dir build --output-on-failure -j"$(nproc)" || status=$?
phase_done "Tests"
exit "$status"
