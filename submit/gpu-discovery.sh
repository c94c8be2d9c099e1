#!/usr/bin/env bash
# Spark GPU discovery script (spark.executor.resource.gpu.discoveryScript): prints the GPUs of
# this node as Spark's ResourceInformation JSON, e.g. {"name": "gpu", "addresses": ["0","1"]}.
# Uses nvidia-smi; prints no address when there is none (the executor then gets no GPU).
set -euo pipefail
addresses=()
if command -v nvidia-smi >/dev/null 2>&1; then
  while IFS= read -r index; do
    index="${index//[[:space:]]/}"
    [[ -n "$index" ]] && addresses+=("\"$index\"")
  done < <(nvidia-smi --query-gpu=index --format=csv,noheader)
fi
(IFS=,; echo "{\"name\": \"gpu\", \"addresses\": [${addresses[*]}]}")
