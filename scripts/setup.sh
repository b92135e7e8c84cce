#!/usr/bin/env bash
# First command after cloning: installs the dependencies, builds everything in
# build/, then opens the bundled NAS-Bench-201 space in the desktop app when
# there is one and a display; otherwise runs the command-line tool on it: a
# 1000-trial regularized evolution on the NAS-Bench-201 table, its Pareto
# front (accuracy vs parameters) and its best architecture.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "==> Installing dependencies (scripts/install-deps.sh)"
scripts/install-deps.sh

scripts/build.sh

example=resources/spaces/nb201.json
desktop=build/app/desktop/archscape
cli=build/app/cli/archscape-cli

if [ -n "${DISPLAY:-}" ] && [ -x "$desktop" ]; then
  echo "==> Starting the desktop app: $desktop $example"
  exec "$desktop" "$example"
fi

echo "==> No display or no desktop app: the bundled example with the CLI"
run() { echo "+ $*"; "$@"; }
table=../shared/data/nb201/nb201_cifar10.csv
study=build/example/nb201-evolution.db
run "$cli" space "$example"
if [ ! -f "$table" ]; then
  echo "(no NAS-Bench-201 table at $table: skipping the example search)"
  exit 0
fi
# A fresh example study each time, so the script is safe to run twice.
mkdir -p build/example
rm -f "$study" "$study-wal" "$study-shm"
run "$cli" new "$study" --space "$example"
run "$cli" run "$study" --strategy evolution --evaluator nb201 --data "$table" \
    --objectives acc:max,params:min --budget 1000 --seed 1
run "$cli" pareto "$study" --objectives acc,params
run "$cli" best "$study"
