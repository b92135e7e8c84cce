#!/bin/bash
# Builds the engine, the CLI and the training benchmark against a CUDA
# LibTorch, without Qt (a GPU server), and checks a GPU run end to end:
# measured latency with CUDA events, training throughput (float32 and
# bfloat16 autocast) beside a plain LibTorch loop, a 20-architecture search
# with 1-epoch training on the GPU, full training of the best one, zero-cost
# proxies, and a diverging trial ending as failed.
#
#   scripts/cuda-check.sh
#
# Environment: TORCH_PREFIX (default: python3's torch), EXTRA_PREFIX (more
# CMake prefixes, ';'-separated, for nlohmann_json, SQLite, xgboost and
# zlib where the system lacks them; their lib/ goes on LD_LIBRARY_PATH),
# DATA (Fashion-MNIST IDX folder, default /usr/share/datasets/fashion-mnist),
# BUILD (default /tmp/archscape-cuda), OUT (reports, default /tmp/cuda-check).
set -u
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-/tmp/archscape-cuda}
OUT=${OUT:-/tmp/cuda-check}
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
EXTRA=${EXTRA_PREFIX:-}
export PATH=/usr/local/cuda/bin:$PATH
TORCH_PREFIX=${TORCH_PREFIX:-$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')}
mkdir -p "$OUT"
for p in ${EXTRA//;/ }; do export LD_LIBRARY_PATH="$p/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; done

step() { echo; echo "=== $* ($(date +%T))"; }

step "machine"
nvidia-smi -L
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)'
nproc

configure() {
    cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DARCHSCAPE_BUILD_GUI=OFF -DARCHSCAPE_BUILD_TESTS=OFF \
        -DCMAKE_CXX_STANDARD="$1" -DCMAKE_PREFIX_PATH="$TORCH_PREFIX;$EXTRA" \
        >"$OUT/configure.log" 2>&1
    local rc=$?
    grep -E "Archscape|CUDA|Error|error" "$OUT/configure.log" | head -30
    return $rc
}
build() {
    cmake --build "$BUILD" --target archscape-cli bench_train_throughput -- -k 0 \
        >"$OUT/build.log" 2>&1
}

step "configure and build (C++17)"
start=$(date +%s)
if ! configure 17 || ! build; then
    if grep -q "C++20" "$OUT/build.log" "$OUT/configure.log" 2>/dev/null; then
        step "this LibTorch needs C++20: again with -DCMAKE_CXX_STANDARD=20"
        rm -rf "$BUILD"
        configure 20 && build
    fi
fi
if [ ! -x "$BUILD/app/cli/archscape-cli" ]; then
    grep -E "error|Error" "$OUT/build.log" | head -40
    exit 1
fi
echo "build: $(( $(date +%s) - start )) s"
CLI=$BUILD/app/cli/archscape-cli
W=$(mktemp -d)

step "version and devices"
$CLI --version

step "latency of the largest-ish mbconv network: cuda:0 (CUDA events) and cpu"
$CLI space "$SRC/resources/spaces/mbconv.json" --arch random --seed 3 --latency --device cuda:0 --runs 100
$CLI space "$SRC/resources/spaces/mbconv.json" --arch random --seed 3 --latency --device cpu --runs 20

step "training throughput on cuda:0"
"$BUILD/bench/bench_train_throughput" --device cuda:0 --images 54000 --rounds 3 --data "$DATA"

step "search: 20 random architectures of fashion_mnist, 1 epoch each on cuda:0"
$CLI new "$W/train20.db" --space "$SRC/resources/spaces/fashion_mnist.json" --name cuda-train20
s=$(date +%s)
$CLI run "$W/train20.db" --strategy random --evaluator train --device cuda:0 --data "$DATA" \
    --epochs 1 --budget 20 --seed 1 --objectives valid_acc:max --quiet
echo "search wall time: $(( $(date +%s) - s )) s"
$CLI trials "$W/train20.db" --csv >"$OUT/train20-trials.csv"
$CLI trials "$W/train20.db" | head -30
$CLI best "$W/train20.db" --objective valid_acc | tee "$W/best.txt"
best=$(awk '/^trial:/ {print $2}' "$W/best.txt")

step "full training of trial $best: 10 epochs on cuda:0"
$CLI train "$W/train20.db" --trial "$best" --epochs 10 --device cuda:0 --data "$DATA"
cp "$W/train20.db" "$OUT/"

step "zero-cost proxies on cuda:0"
$CLI new "$W/zc.db" --space "$SRC/resources/spaces/fashion_mnist.json"
$CLI run "$W/zc.db" --strategy random --evaluator zc --device cuda:0 --data "$DATA" \
    --budget 20 --seed 1 --objectives synflow:max,params:min --quiet
$CLI trials "$W/zc.db" | head -8

step "a diverging trial on cuda:0 ends as failed, and the search goes on"
$CLI new "$W/nan.db" --space "$SRC/resources/spaces/fashion_mnist.json"
$CLI run "$W/nan.db" --strategy random --evaluator train --device cuda:0 --data "$DATA" \
    --epochs 1 --budget 2 --seed 1 --lr 1e6 --train-fraction 0.1 --quiet
$CLI trials "$W/nan.db"
python3 - "$W/nan.db" <<'PY'
import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute("select number, state, substr(error, 1, 200) from trials"):
    print(*row)
PY
step "done"
