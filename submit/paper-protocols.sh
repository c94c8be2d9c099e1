#!/usr/bin/env bash
# The paper protocols: one reference per network and data set (seed 42, the conf's 10,000 iterations),
# then OLMP, LAMP and global magnitude pruning on that same reference, each delivered with the conf's
# prune.final-tolerance (0: no accuracy loss on validation), scored in-process (--local), one job per call.
# Every step resumes from its checkpoint when its folder exists, so the script can be run again after
# any interruption; a finished step is skipped. Results: runs/protocols/<network>-<data>-<method>/result.json;
# copy them to docs/results/ and regenerate docs/results.md with submit/collect-results.sh.
#
# Usage: submit/paper-protocols.sh NETWORK DATA [METHOD ...]
#   NETWORK lenet300-100 | lenet5;  DATA mnist | fashion-mnist;  METHOD olmp | lamp | global (default: all three)
# Environment: OLMP_PROTOCOL_OUT (default runs/protocols), OLMP (default ./olmp).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ $# -ge 2 ]] || { sed -n '2,12p' "$0" >&2; exit 2; }
network=$1 data=$2; shift 2
methods=("${@:-olmp lamp global}"); read -r -a methods <<< "${methods[*]}"
case "$network" in lenet300-100|lenet5) ;; *) echo "paper-protocols: unknown network '$network'" >&2; exit 2 ;; esac
case "$data" in mnist|fashion-mnist) ;; *) echo "paper-protocols: unknown data '$data'" >&2; exit 2 ;; esac
olmp=${OLMP:-./olmp}
root=${OLMP_PROTOCOL_OUT:-runs/protocols}
conf=conf/$network.conf
ref=$root/$network-$data-reference
mkdir -p "$root"

if [[ ! -f $ref/model/reference.zip ]]; then
  echo "== $network $data: reference"
  $olmp train --conf "$conf" --set data.source="$data" --out "$ref"   # resumes from its checkpoint
fi
for method in "${methods[@]}"; do
  out=$root/$network-$data-$method
  if [[ -f $out/result.json ]]; then
    echo "== $network $data $method: finished ($out/result.json)"; continue
  fi
  case "$method" in
    olmp) cmd=(run) ;;
    lamp|global) cmd=(baseline --method "$method") ;;
    *) echo "paper-protocols: unknown method '$method'" >&2; exit 2 ;;
  esac
  echo "== $network $data $method"
  if [[ -f $out/checkpoint/state.json ]]; then
    $olmp "${cmd[0]}" --resume "$out"
  else
    $olmp "${cmd[@]}" --local --conf "$conf" --set data.source="$data" --reference "$ref/model/reference.zip" --out "$out"
  fi
done
