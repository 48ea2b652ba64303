#!/usr/bin/env bash
# Peak RSS, CPU and latency of one relay (SQLite) under the side-by-side load, for one set of JVM
# flags (docs/performance.md, "Relay memory under load"). Starts the relay pinned to core 0, warms
# it with 3 short runs of new connections, then two timed runs of 50 clients x 30 ops/s (core 1),
# and prints the relay's peak RSS (VmHWM), CPU per 100k deliveries and each run's p50/p99.
#
#   ./mvnw -q -pl relay-server -am package -DskipTests
#   relay-server/src/bench/memory-flags.sh "-Xmx512m -Xmn16m" shipped
#   NMT=1 relay-server/src/bench/memory-flags.sh "-XX:NativeMemoryTracking=summary -Xmx96m" capped
#   chrt -r 10 relay-server/src/bench/memory-flags.sh ...   # on a box shared with builds
# MIX=16 uses the pen's op mix. Every process it starts is stopped by pid.
set -euo pipefail
FLAGS=${1:?usage: memory-flags.sh "<jvm flags>" [label]}
LABEL=${2:-relay}
JAR=${JAR:-relay-server/target/relay-server.jar}
JAVA_BIN=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
DIR=$(mktemp -d /tmp/memory-flags.XXXXXX)
PORT=${PORT:-19471}
# shellcheck disable=SC2086 # FLAGS is a list of JVM flags
taskset -c 0 "$JAVA_BIN/java" -XX:+ExitOnOutOfMemoryError $FLAGS -jar "$JAR" serve --no-auth \
  --data-dir "$DIR/data" --bind 127.0.0.1 --port "$PORT" --metrics-port -1 \
  --max-connections-per-ip 100000 --ping-interval 600 >"$DIR/relay.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$DIR"' EXIT INT TERM
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
load() { # duration outfile
  taskset -c 1 "$JAVA_BIN/java" -jar "$JAR" bench --target drawbridge --url "ws://127.0.0.1:$PORT" \
    --json --clients 50 --rooms 1 --rate 30 --op-size 200 --ops-per-stroke "${MIX:-1}" \
    --warmup 2s --duration "$1" >"$2" 2>/dev/null
}
for i in 1 2 3; do load 4s "$DIR/warm-$i.json"; done
t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
for i in 1 2; do load 15s "$DIR/run-$i.json"; done
t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
if [[ -n ${NMT:-} ]]; then
  "$JAVA_BIN/jcmd" "$pid" VM.native_memory summary | grep -E '^-|Total' | sed -E 's/reserved=[0-9]+KB, //'
fi
grep -E 'VmHWM|VmRSS|RssAnon|RssFile' "/proc/$pid/status" | tr -s ' \t' ' ' | tr '\n' ' '; echo
python3 - "$DIR" "$LABEL" $((t1 - t0)) "$(getconf CLK_TCK)" \
  "$(awk '$1 == "VmHWM:" {print int($2 / 1024)}' "/proc/$pid/status")" <<'PY'
import json, sys
d, label, ticks, hz, hwm = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
runs = [json.load(open(f"{d}/run-{i}.json")) for i in (1, 2)]
delivered = sum(r["delivered"] for r in runs)
lat = " ".join(f"{r['p50Ms']:.2f}/{r['p99Ms']:.1f}" for r in runs)
lost = sum(r["lost"] + r["duplicates"] for r in runs)
print(f"{label}: peak RSS {hwm} MB, CPU {ticks / hz / delivered * 1e5:.3f} s/100k, p50/p99 ms {lat}, lost+dup {lost}")
PY
