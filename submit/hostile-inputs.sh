#!/usr/bin/env bash
# Feeds olmp the hostile inputs a careless or malicious user could give it (made here by code: a gzip bomb, an
# IDX header claiming 4,294,967,295 images, an out-of-range label, a damaged model zip, absurd settings) with a
# 2 GiB heap, and records for each: the exit code, the first line of the error, the wall time and the peak
# resident set size (/usr/bin/time). The target: exit 2 (input) or 1 (runtime), a message naming the file or
# key and the rule, no stack trace, and a peak RSS under 2.5 GB.
# Results: bench/<date>/hostile-inputs.md. Usage: submit/hostile-inputs.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${OLMP_BENCH_OUT:-bench/$(date +%F)}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
python3 - "$work" <<'PY'
import gzip, struct, sys, os
d = sys.argv[1]
def images(name, n):
    open(os.path.join(d, name), 'wb').write(struct.pack('>IIII', 0x803, n, 28, 28) + bytes((i * 7) % 256 for i in range(n * 784)))
def labels(name, n, bad=None):
    b = bytearray(i % 10 for i in range(n))
    if bad:
        b[bad[0]] = bad[1]
    open(os.path.join(d, name), 'wb').write(struct.pack('>II', 0x801, n) + bytes(b))
images('ok-images.idx', 600); labels('ok-labels.idx', 600); labels('bad-labels.idx', 600, (120, 200))
with gzip.open(os.path.join(d, 'bomb-images.gz'), 'wb', compresslevel=9) as f:   # 2.5 GiB inflated, 2.6 MB on disk
    f.write(struct.pack('>IIII', 0x803, 600, 28, 28))
    for _ in range(160):
        f.write(bytes(1 << 24))
open(os.path.join(d, 'huge-images.idx'), 'wb').write(struct.pack('>IIII', 0x803, 0xFFFFFFFF, 28, 28) + bytes(784 * 3))
open(os.path.join(d, 'cut.zip'), 'wb').write(b'PK\x03\x04' + bytes(100))
PY
mkdir -p "$work/cut-run/model" && cp "$work/cut.zip" "$work/cut-run/model/pruned.zip"

idx() {  # idx TRAIN_IMAGES TRAIN_LABELS: an idx-files run whose validation and test sets are fine
  echo --local --set data.source=idx-files --set train.iterations=5 --set train.batch-size=64 \
    --set data.idx-files.train-images="$1" --set data.idx-files.train-labels="$2" \
    --set data.idx-files.validation-images="$work/ok-images.idx" --set data.idx-files.validation-labels="$work/ok-labels.idx" \
    --set data.idx-files.test-images="$work/ok-images.idx" --set data.idx-files.test-labels="$work/ok-labels.idx"
}
cases=(
  "gzip bomb (2.5 GiB inflated)|run --out $work/r1 $(idx "$work/bomb-images.gz" "$work/ok-labels.idx")"
  "IDX header claiming 4,294,967,295 images|run --out $work/r2 $(idx "$work/huge-images.idx" "$work/ok-labels.idx")"
  "label 200 among 10 classes|run --out $work/r3 $(idx "$work/ok-images.idx" "$work/bad-labels.idx")"
  "search.population = 100000000|run --local --out $work/r4 --set search.population=100000000"
  "unreachable Spark master|run --out $work/r5 --master spark://127.0.0.1:1"
  "truncated pruned.zip given to export|export $work/cut-run"
)
{
  echo "# Hostile inputs, $(date -u '+%F %H:%M UTC'), -Xmx2g"
  echo
  echo "| input | exit | seconds | peak RSS | message (first line) |"
  echo "|---|---|---|---|---|"
} > "$out/hostile-inputs.md"
for c in "${cases[@]}"; do
  name=${c%%|*}; args=${c#*|}
  # shellcheck disable=SC2086
  set +e
  OLMP_JAVA_OPTS=-Xmx2g /usr/bin/time -f '%e %M' -o "$work/time" ./olmp $args > "$work/out.log" 2> "$work/err.log"
  code=$?
  set -e
  read -r seconds rss_kb < <(tail -n1 "$work/time")   # time says "Command exited with..." first
  message=$(grep -m1 '^olmp: error:' "$work/err.log" | cut -c1-220 | sed 's/|/\\|/g')
  traces=$(grep -c '^\s*at ' "$work/err.log" || true)
  echo "| $name | $code | $seconds | $((rss_kb / 1024)) MiB | $message$([[ $traces -gt 0 ]] && echo " ($traces stack lines!)") |" \
    | tee -a "$out/hostile-inputs.md"
done
echo "hostile-inputs: $out/hostile-inputs.md"
