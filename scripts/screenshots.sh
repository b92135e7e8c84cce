#!/usr/bin/env bash
# Screenshots of the desktop app with each bundled example space open, saved
# as docs/screenshots/<space>.png (the NAS-Bench-201 one also in German and
# Chinese: editor-de.png, editor-zh_CN.png), and with a finished 1000-trial
# NAS-Bench-201 study open (its best trial selected): docs/screenshots/study.png
# and each study view alone, study-<view>.png; the ONNX export dialog,
# export-dialog.png and, for an architecture of a space, export-dialog-space.png;
# a space with no study (the study docks' placeholders), space-without-study.png;
# and block kinds from a plugin, editor-plugin-blocks.png
# and palette-plugin-blocks.png. Runs the app under xvfb-run with fresh
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
# Block kinds from the resnet-blocks plugin (docs/editor.md): a small space
# with a Residual and a Bottleneck block, and the whole palette, which
# tst_pluginblocks saves.
XDG_CONFIG_HOME="$config" XDG_RUNTIME_DIR="$config" \
  xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$app" --screenshot "$out/editor-plugin-blocks.png" --select res tests/widgets/data/plugin_blocks.json
palette_test="$build/tests/widgets/tst_pluginblocks"
if [ -x "$palette_test" ]; then
  XDG_CONFIG_HOME="$config" XDG_RUNTIME_DIR="$config" ARCHSCAPE_SOURCE_DIR="$PWD" \
    ARCHSCAPE_SCREENSHOT_DIR="$PWD/$out" xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$palette_test" paletteListsAndFiltersPluginKinds > /dev/null
fi
# The editor in German and in Simplified Chinese, by the system locale
# (docs/languages.md); Chinese needs a CJK font (fonts-wqy-microhei).
for lang in de_DE:de zh_CN:zh_CN; do
  XDG_CONFIG_HOME="$config" XDG_RUNTIME_DIR="$config" LC_ALL= LANG="${lang%%:*}.UTF-8" LANGUAGE= \
    xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$app" --screenshot "$out/editor-${lang#*:}.png" --select cell6 resources/spaces/nb201.json
done
# A finished NAS-Bench-201 study: 1000 trials of regularized evolution on
# accuracy and parameters, made with the CLI, its best trial selected.
cli="$build/app/cli/archscape-cli"
data="${ARCHSCAPE_SHARED_DATA:-../shared/data}/nb201/nb201_cifar10.csv"
if [ ! -x "$cli" ] || [ ! -f "$data" ]; then
  echo "screenshots.sh: the study shots need $cli and $data" >&2
  exit 2
fi
study="$config/nb201-study.db"
"$cli" new "$study" --space resources/spaces/nb201.json > /dev/null
"$cli" run "$study" --strategy evolution --evaluator nb201 --data "$data" \
  --objectives acc:max,params:min --budget 1000 --seed 1 --quiet > /dev/null
best=$(sqlite3 "$study" "SELECT t.number FROM trials t JOIN metrics m ON m.trial_id = t.id
  AND m.name = 'valid_acc' AND m.step = 0 ORDER BY m.value DESC, t.number LIMIT 1")
XDG_CONFIG_HOME="$config" XDG_RUNTIME_DIR="$config" \
  xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$app" --screenshot "$out/study.png" --trial "$best" "$study"
# The ONNX export dialog after a checked export of a freshly trained trial:
# tst_onnxexportdialog saves it (docs/export.md).
dialog_test="$build/tests/widgets/tst_onnxexportdialog"
if [ -x "$dialog_test" ]; then
  XDG_CONFIG_HOME="$config" XDG_RUNTIME_DIR="$config" ARCHSCAPE_SOURCE_DIR="$PWD" \
    ARCHSCAPE_SCREENSHOT_DIR="$PWD/$out" xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$dialog_test" fileMenuExportsTheSelectedTrainedTrial \
    aSpaceWithoutAStudyExportsItsDefaultAndATypedEncoding > /dev/null
fi
# A space open and no study yet: the study docks' placeholders (docs/guide.md).
XDG_CONFIG_HOME="$config" XDG_RUNTIME_DIR="$config" \
  xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$app" --screenshot "$out/space-without-study.png" resources/spaces/fashion_mnist.json
ls -l "$out"/*.png
