#!/usr/bin/env bash
# Like olmp-submit.sh, for GPU clusters: one executor per GPU and one GPU per task, found by
# submit/gpu-discovery.sh; each task binds ND4J to its GPU (io.olmp.distributed.GpuBinding).
# Needs the jar built with the CUDA backend: mvn -Pgpu package -DskipTests.
#   submit/olmp-submit-gpu.sh --master spark://host:7077 -- run --conf conf/lenet5.conf
# NOT RUN ON A GPU YET: see docs/spark.md (GPU clusters).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
master_args=()
if [[ "${1:-}" == "--master" ]]; then master_args=(--master "$2"); shift 2; fi
exec "$here/olmp-submit.sh" "${master_args[@]}" \
  --conf spark.executor.resource.gpu.amount=1 \
  --conf spark.task.resource.gpu.amount=1 \
  --conf spark.executor.resource.gpu.discoveryScript="$here/gpu-discovery.sh" \
  --conf spark.executor.cores=1 \
  "$@"
