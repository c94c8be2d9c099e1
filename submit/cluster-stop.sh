#!/usr/bin/env bash
# Stops the master and workers started by submit/cluster-start.sh.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
for pidfile in "$OLMP_CLUSTER_DIR"/worker-*.pid "$OLMP_CLUSTER_DIR"/master.pid; do
  [[ -f "$pidfile" ]] || continue
  pid=$(cat "$pidfile")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
done
echo "cluster-stop: stopped"
