#!/usr/bin/env bash
# Runs an olmp command with spark-submit semantics (org.apache.spark.deploy.SparkSubmit from the
# project's own jars, client mode) against --master URL: local[*] (default), the standalone
# cluster of submit/cluster-start.sh (spark://127.0.0.1:7077, its secret is picked up from
# $OLMP_CLUSTER_DIR/spark.properties), or any master URL.
#   submit/olmp-submit.sh [--master URL] [SPARK-SUBMIT OPTIONS...] -- OLMP ARGS...
#   e.g. submit/olmp-submit.sh --master spark://127.0.0.1:7077 -- run --conf conf/lenet300-100.conf
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
master="local[*]"
submit_args=()
while [[ $# -gt 0 && "$1" != "--" ]]; do
  case "$1" in
    --master) master="$2"; shift 2 ;;
    *) submit_args+=("$1"); shift ;;
  esac
done
[[ "${1:-}" == "--" ]] && shift
if [[ $# -eq 0 ]]; then set -- run; fi

classpath=$(olmp_classpath) || exit 1
# the driver must be reachable by executors: loopback for local and this machine's cluster,
# else OLMP_DRIVER_HOST (default: this host's name)
case "$master" in
  local*|spark://127.0.0.1:*|spark://localhost:*) driver_host=127.0.0.1 ;;
  *) driver_host="${OLMP_DRIVER_HOST:-$(hostname -f)}"; unset SPARK_LOCAL_IP ;;
esac
app_jar="${classpath%%:*}"
props=()
if [[ "$master" == spark://127.0.0.1:* && -f "$OLMP_CLUSTER_DIR/spark.properties" ]]; then
  props=(--properties-file "$OLMP_CLUSTER_DIR/spark.properties")
fi
opens=$(olmp_opens)
launcher=(exec)
if [[ -n "${OLMP_DRY_RUN:-}" ]]; then launcher=(echo); fi   # print the command instead (tests)
# shellcheck disable=SC2086
"${launcher[@]}" java $opens -Xmx"$OLMP_DRIVER_MEMORY" -Dorg.bytedeco.javacpp.maxbytes="$OLMP_OFFHEAP" -cp "$classpath" \
  org.apache.spark.deploy.SparkSubmit --master "$master" "${props[@]}" \
  --conf "spark.executor.extraJavaOptions=$opens -Dorg.bytedeco.javacpp.maxbytes=$OLMP_OFFHEAP" \
  --conf spark.driver.host="$driver_host" \
  --conf spark.executorEnv.OMP_WAIT_POLICY="$OMP_WAIT_POLICY" \
  "${submit_args[@]}" --class io.olmp.cli.Main "$app_jar" "$@"
