#!/usr/bin/env bash
# Time from launching `serve` to its "relay listening" line, in ms, once per run: what a restart
# costs the members waiting to reconnect (docs/performance.md, "A warm-up before the port opens").
# Uses the AOT cache next to the jar when there is one, as the launcher does.
#
#   ./mvnw -q -pl relay-server -am package -DskipTests && relay-server/bin/relay-server-aot
#   RUNS=6 relay-server/src/bench/start-latency.sh                 # shipped (warm-up 250 ms)
#   RUNS=6 relay-server/src/bench/start-latency.sh --warm-up 0     # extra serve flags
# Every relay it starts is stopped by pid.
set -euo pipefail
JAR=${JAR:-relay-server/target/relay-server.jar}
JAVA_BIN=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
RUNS=${RUNS:-6}
aot=()
if [[ -f ${JAR%.jar}.aot ]]; then aot=(-XX:AOTCache="${JAR%.jar}.aot"); fi
times=()
for _ in $(seq "$RUNS"); do
  dir=$(mktemp -d /tmp/start-latency.XXXXXX)
  t0=$(date +%s%N)
  "$JAVA_BIN/java" "${aot[@]}" -Xmx512m -Xmn16m -jar "$JAR" serve --no-auth --bind 127.0.0.1 \
    --port 0 --data-dir "$dir/data" --metrics-port -1 "$@" >"$dir/log" 2>&1 &
  pid=$!
  for _ in $(seq 6000); do
    grep -q "relay listening" "$dir/log" && break
    kill -0 "$pid" 2>/dev/null || { echo "relay exited: $(tail -3 "$dir/log")" >&2; exit 1; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
  times+=($(( (t1 - t0) / 1000000 )))
done
echo "launch to listening, ms: ${times[*]}"
