#!/usr/bin/env bash
# Copies the result.json of every finished protocol run (runs/protocols/<network>-<data>-<method>/, as
# submit/paper-protocols.sh names them) to docs/results/<network>-<data>-<method>.json, then regenerates
# the tables of docs/results.md from them (olmp results-page). Models and data are never copied.
# Usage: submit/collect-results.sh [PROTOCOL_DIR]   (default: $OLMP_PROTOCOL_OUT or runs/protocols)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=${1:-${OLMP_PROTOCOL_OUT:-runs/protocols}}
mkdir -p docs/results
found=0
for result in "$root"/*/result.json; do
  [[ -f $result ]] || continue
  name=$(basename "$(dirname "$result")")
  [[ $name == *-reference ]] && continue
  cp "$result" "docs/results/$name.json"
  echo "collect-results: docs/results/$name.json"
  found=$((found + 1))
done
echo "collect-results: $found result files from $root"
${OLMP:-./olmp} results-page
