#!/usr/bin/env bash
# Starts a Spark standalone master and OLMP_WORKERS workers on 127.0.0.1 from the project's own
# jars (no Spark distribution needed), with authentication (spark.authenticate and a secret
# generated here), logs and PIDs under $OLMP_CLUSTER_DIR. Prints the master URL.
# Stop it with submit/cluster-stop.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

if [[ -f "$OLMP_CLUSTER_DIR/master.pid" ]] && kill -0 "$(cat "$OLMP_CLUSTER_DIR/master.pid")" 2>/dev/null; then
  echo "cluster-start: a master already runs (pid $(cat "$OLMP_CLUSTER_DIR/master.pid")); stop it with submit/cluster-stop.sh" >&2
  exit 1
fi
mkdir -p "$OLMP_CLUSTER_DIR"/{logs,work,spark-home/jars}
classpath=$(olmp_classpath) || exit 1

# Workers launch executors with SPARK_HOME/jars/* on the classpath: link every jar there.
rm -f "$OLMP_CLUSTER_DIR"/spark-home/jars/*
IFS=: read -ra entries <<< "$classpath"
for entry in "${entries[@]}"; do
  ln -sf "$entry" "$OLMP_CLUSTER_DIR/spark-home/jars/"
done

umask 077
secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
opens=$(olmp_opens)
cat > "$OLMP_CLUSTER_DIR/spark.properties" <<PROPS
spark.authenticate true
spark.authenticate.secret $secret
spark.master spark://127.0.0.1:$OLMP_MASTER_PORT
spark.driver.host 127.0.0.1
spark.driver.bindAddress 127.0.0.1
spark.executor.extraJavaOptions $opens -Dorg.bytedeco.javacpp.maxbytes=$OLMP_OFFHEAP
spark.ui.showConsoleProgress false
PROPS
umask 022

export SPARK_HOME="$OLMP_CLUSTER_DIR/spark-home"
# shellcheck disable=SC2086
nohup java $opens -Xmx1g -Dlog4j2.configurationFile="$OLMP_HOME/submit/log4j2-cluster.properties" -cp "$classpath" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$OLMP_MASTER_PORT" --webui-port "$OLMP_MASTER_WEBUI_PORT" \
  --properties-file "$OLMP_CLUSTER_DIR/spark.properties" > "$OLMP_CLUSTER_DIR/logs/master.log" 2>&1 &
echo $! > "$OLMP_CLUSTER_DIR/master.pid"

wait_for() { # pattern file seconds
  for _ in $(seq 1 $(( $3 * 5 ))); do
    grep -q "$1" "$2" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "cluster-start: timed out waiting for '$1' in $2:" >&2
  tail -20 "$2" >&2
  return 1
}
wait_for "I have been elected leader" "$OLMP_CLUSTER_DIR/logs/master.log" 60

for i in $(seq 1 "$OLMP_WORKERS"); do
  # shellcheck disable=SC2086
  nohup java $opens -Xmx1g -Dlog4j2.configurationFile="$OLMP_HOME/submit/log4j2-cluster.properties" -cp "$classpath" org.apache.spark.deploy.worker.Worker \
    "spark://127.0.0.1:$OLMP_MASTER_PORT" --host 127.0.0.1 --webui-port 0 \
    --cores "$OLMP_WORKER_CORES" --memory "$OLMP_WORKER_MEMORY" --work-dir "$OLMP_CLUSTER_DIR/work" \
    --properties-file "$OLMP_CLUSTER_DIR/spark.properties" > "$OLMP_CLUSTER_DIR/logs/worker-$i.log" 2>&1 &
  echo $! > "$OLMP_CLUSTER_DIR/worker-$i.pid"
  wait_for "Successfully registered with master" "$OLMP_CLUSTER_DIR/logs/worker-$i.log" 60
done
echo "spark://127.0.0.1:$OLMP_MASTER_PORT"
