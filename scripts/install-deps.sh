#!/usr/bin/env bash
# Installs every build, test and run dependency of Archscape from Debian's
# packages. Idempotent: packages already
# present are skipped, so a second run costs a few seconds.
set -euo pipefail

packages=(
  cmake g++ ninja-build ccache pkg-config
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
  libqcustomplot-dev libqcustomplot2.1-qt6
  libtorch-dev libgraphviz-dev libsqlite3-dev sqlite3
  libonnx-dev libprotobuf-dev protobuf-compiler zlib1g-dev nlohmann-json3-dev libxgboost-dev
  xvfb xauth dataset-fashion-mnist
  fonts-wqy-microhei qt6-translations-l10n   # Chinese font; Qt's own dialogs translated
  python3-optuna
  clang libclang-rt-14-dev
)

sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "All Debian packages present."
fi

# Node.js runs the onnxruntime check of ONNX exports. This image ships its
# own Node.js with npm; install Debian's only when none is there.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends nodejs npm
fi

# onnxruntime from npm is the independent check of ONNX exports
# (engine/export/ort_run.js). Its install script would download GPU files and
# fails offline, hence ONNXRUNTIME_NODE_INSTALL=skip (the npm package ships
# the CPU library). About 290 MB, so it lives in a cache, not the repository;
# CMake's ARCHSCAPE_ONNXRUNTIME_NODE_DIR points at the same folder.
ort_version=1.30.0
ort_dir="${ARCHSCAPE_ONNXRUNTIME_NODE_DIR:-$HOME/.cache/archscape/node}"
ort_package="$ort_dir/node_modules/onnxruntime-node/package.json"
if [ -f "$ort_package" ] && grep -q "\"version\": \"$ort_version\"" "$ort_package"; then
  echo "onnxruntime-node $ort_version present in $ort_dir."
else
  echo "Installing onnxruntime-node $ort_version into $ort_dir"
  mkdir -p "$ort_dir"
  ONNXRUNTIME_NODE_INSTALL=skip npm install --prefix "$ort_dir" --no-audit --no-fund \
    "onnxruntime-node@$ort_version" ||
    echo "WARNING: onnxruntime-node could not be installed into $ort_dir; tst_onnxexport will fail until it is." >&2
fi
