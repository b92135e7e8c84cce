#!/usr/bin/env bash
# Screenshots of the desktop app with each bundled example space open, saved
# as docs/screenshots/<space>.png. Runs the app under xvfb-run with fresh
# settings, so the saved window layout of whoever runs it does not show.
#   scripts/screenshots.sh [BUILD_DIR]     (default: build/)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build="${1:-build}"
app="$build/app/desktop/archscape"
if [ ! -x "$app" ]; then
  echo "screenshots.sh: no app at $app; build first (scripts/build.sh)" >&2
  exit 2
fi
command -v xvfb-run > /dev/null || { echo "screenshots.sh: xvfb-run is not installed" >&2; exit 2; }

out=docs/screenshots
mkdir -p "$out"
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT

# space:block selected (so the property editor shows something)
for shot in nb201:cell6 mbconv:stage2 fashion_mnist:conv2; do
  space="${shot%%:*}"
  block="${shot#*:}"
  XDG_CONFIG_HOME="$config" XDG_RUNTIME_DIR="$config" \
    xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$app" --screenshot "$out/$space.png" --select "$block" "resources/spaces/$space.json"
done
ls -l "$out"/*.png
