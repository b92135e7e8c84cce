#!/usr/bin/env bash
# First command after cloning: installs the dependencies, builds everything in
# build/, then opens the bundled NAS-Bench-201 space (in the desktop app when
# there is a display, otherwise with the command-line tool).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "==> Installing dependencies (scripts/install-deps.sh)"
scripts/install-deps.sh

scripts/build.sh

example=resources/spaces/nb201.json
desktop=build/app/archscape
cli=build/app/cli/archscape-cli

if [ -n "${DISPLAY:-}" ] && [ -x "$desktop" ]; then
  echo "==> Starting the desktop app: $desktop $example"
  exec "$desktop" "$example"
fi

echo "==> No display or no desktop app: checking the example space with the CLI"
echo "+ $cli space $example"
"$cli" space "$example"
echo "+ $cli space $example --arch random --seed 1"
"$cli" space "$example" --arch random --seed 1
