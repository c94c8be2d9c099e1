# Shared settings of the submit/ scripts; source it, do not run it.
# Override any variable in the environment before calling a script.
OLMP_HOME="${OLMP_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
# Where the cluster keeps its logs, PIDs, secret, work dirs and SPARK_HOME stand-in
OLMP_CLUSTER_DIR="${OLMP_CLUSTER_DIR:-$OLMP_HOME/runs/cluster}"
OLMP_MASTER_PORT="${OLMP_MASTER_PORT:-7077}"
OLMP_MASTER_WEBUI_PORT="${OLMP_MASTER_WEBUI_PORT:-8080}"
OLMP_WORKERS="${OLMP_WORKERS:-1}"
OLMP_WORKER_CORES="${OLMP_WORKER_CORES:-2}"
OLMP_WORKER_MEMORY="${OLMP_WORKER_MEMORY:-4g}"
OLMP_DRIVER_MEMORY="${OLMP_DRIVER_MEMORY:-4g}"
# bound ND4J's off-heap memory per JVM
OLMP_OFFHEAP="${OLMP_OFFHEAP:-4G}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"   # the cluster scripts bind to loopback only
export SPARK_SCALA_VERSION=2.12
# ND4J's OpenMP threads sleep between ops instead of spinning against the Java threads (docs/kernel.md);
# the driver, the cluster daemons and, through spark.executorEnv, every executor get it
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"

# The JVM flags Spark needs on Java 17, as one line
olmp_opens() {
  grep -v '^#' "$OLMP_HOME/submit/java17-opens.args" | tr '\n' ' '
}

# The application classpath: $OLMP_JAR, else the shaded jar when it is newer than the compiled
# classes, else compiled classes + Maven dependencies (from ./olmp's build)
olmp_classpath() {
  if [[ -n "${OLMP_CLASSPATH:-}" ]]; then   # e.g. a test's own classpath; folders are packed into jars
    local out=() entry n=0
    IFS=: read -ra entries <<< "$OLMP_CLASSPATH"
    mkdir -p "$OLMP_CLUSTER_DIR/packed"
    for entry in "${entries[@]}"; do
      if [[ -d "$entry" ]]; then
        n=$((n + 1))
        (cd "$entry" && jar cf "$OLMP_CLUSTER_DIR/packed/classes-$n.jar" .)
        out+=("$OLMP_CLUSTER_DIR/packed/classes-$n.jar")
      elif [[ "$entry" == *.jar ]]; then
        out+=("$entry")
      fi
    done
    (IFS=:; echo "${out[*]}")
    return
  fi
  local jar="${OLMP_JAR:-}"
  if [[ -z "$jar" ]]; then
    jar=$(ls "$OLMP_HOME"/target/olmp-spark-*-all.jar 2>/dev/null | head -1 || true)
    if [[ -n "$jar" && -n "$(find "$OLMP_HOME/src/main" -newer "$jar" -print -quit)" ]]; then
      jar=""   # sources changed since the jar was built
    fi
  fi
  if [[ -n "$jar" ]]; then
    echo "$jar"
    return
  fi
  # compiles and writes target/olmp-classpath.txt; inside $(...) set -e is off, so check explicitly
  "$OLMP_HOME/olmp" --version >/dev/null || { echo "olmp: build failed" >&2; return 1; }
  (cd "$OLMP_HOME/target/classes" && jar cf "$OLMP_HOME/target/olmp-classes.jar" .) || return 1
  echo "$OLMP_HOME/target/olmp-classes.jar:$(cat "$OLMP_HOME/target/olmp-classpath.txt")"
}
