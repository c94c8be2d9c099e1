#!/usr/bin/env bash
# Reruns the benchmark tables of docs/benchmarks.md on this machine (run it on an idle machine; it takes about 30 min):
#  1. `olmp bench` on Fashion-MNIST's 6,000 validation images: ND4J float GEMM peak, candidate scoring against
#     plain DL4J output() with the achieved GFLOP/s, NCS driver overhead, Spark local[2] per-generation overhead;
#  2. the memory check: short LeNet-300-100 and LeNet-5 runs (Spark local[*] scoring, real data) with a 2 GiB
#     driver heap and ND4J's off-heap memory bounded, each printing its peak resident set size.
# Results go to bench/<date>/ (bench.json, *.log, memory.txt). Usage: submit/benchmarks.sh [all|bench|memory]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${OLMP_BENCH_OUT:-bench/$(date +%F)}"
mkdir -p "$out"
echo "benchmarks: writing to $out"

what="${1:-all}"
case "$what" in all|bench|memory) ;; *) echo "usage: $0 [all|bench|memory]" >&2; exit 2 ;; esac

if [[ "$what" != memory ]]; then
  ./olmp bench --set data.source=fashion-mnist --spark "local[2]" --out "$out/bench.json" 2>&1 | tee "$out/bench.log"
fi
if [[ "$what" == bench ]]; then
  exit 0
fi
memory_opts="-Xmx2g -Dorg.bytedeco.javacpp.maxbytes=2G -Dorg.bytedeco.javacpp.maxphysicalbytes=5G"
: > "$out/memory.txt"
for arch in lenet300-100 lenet5; do
  run="$out/memory-$arch"
  rm -rf "$run"
  OLMP_JAVA_OPTS="$memory_opts" ./olmp run --conf "conf/$arch.conf" --out "$run" \
      --set data.source=fashion-mnist --set train.iterations=200 --set train.checkpoint-every=100 \
      --set prune.loops=2 --set search.generations=5 --set prune.adjust-iterations=50 2>&1 | tee "$out/memory-$arch.log"
  echo "$arch ($memory_opts): $(grep '^memory:' "$out/memory-$arch.log")" | tee -a "$out/memory.txt"
done
