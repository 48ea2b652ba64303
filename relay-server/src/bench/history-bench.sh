#!/usr/bin/env bash
# History figures of issue 17 (docs/performance.md, "History"): fills a real SQLite op log with
# 100,000 ops of the bench's mix, then against a relay on it (core 0; load and readers on core 1)
#   1. times whole-history fetches of that room over loopback (and the CPU they cost),
#   2. runs the usual load (50 clients x 30 ops/s in one room) without and with one extra member
#      reading the 100,000-op room's whole history again and again, interleaved, RUNS pairs.
# Builds nothing: expects relay-server.jar. Every process it starts is stopped by its pid.
set -euo pipefail
JAVA=${JAVA:-java}
JAR=${JAR:-relay-server/target/relay-server.jar}
OUT=${OUT:-/tmp/history-bench}
PORT=${PORT:-18517}
RUNS=${RUNS:-3}
FETCHES=${FETCHES:-9}
CLIENTS=${CLIENTS:-50}
RATE=${RATE:-30}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
[[ -f $JAR ]] || { echo "missing $JAR (build it first)" >&2; exit 2; }
rm -rf "$OUT" && mkdir -p "$OUT"

echo "== fill: 100,000 ops into $OUT/data"
"$JAVA" -jar "$JAR" bench --fill-op-log "$OUT/data" --fill-ops 100000 2>&1 | grep -v ' INFO '

# The reader joins the 100,000-element board before it reads history: its welcome carries a
# ~24 MB snapshot, more than the default --max-pending-bytes (16 MiB) lets one connection queue.
taskset -c "$SERVER_CPU" "$JAVA" -XX:+ExitOnOutOfMemoryError -jar "$JAR" serve --no-auth \
  --data-dir "$OUT/data" --bind 127.0.0.1 --port "$PORT" --metrics-port -1 \
  --max-connections-per-ip 100000 --max-pending-bytes 67108864 >"$OUT/relay.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
sleep 5
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$SERVER/stat"; }

echo "== whole-history fetches of the 100,000-op room"
before=$(cpu)
/usr/bin/time -f "reader CPU: %U s user + %S s sys, %e s wall" taskset -c "$LOAD_CPU" \
  "$JAVA" -jar "$JAR" bench --url "ws://127.0.0.1:$PORT" --history-fetch history-100k \
  --history-runs "$FETCHES" 2>&1 | grep -v ' INFO '
echo "relay CPU for the $FETCHES fetches (first one loads the room): $(echo "$(cpu) - $before" | bc) s"

load() {
  taskset -c "$LOAD_CPU" "$JAVA" -jar "$JAR" bench --url "ws://127.0.0.1:$PORT" \
    --clients "$CLIENTS" --rate "$RATE" --warmup 3s --duration 15s "$@" 2>&1 | grep -v ' INFO '
}
echo "== warm-up run"
load >/dev/null
for i in $(seq 1 "$RUNS"); do
  echo "== run $i without a history reader"
  load
  echo "== run $i with one member reading history-100k's whole history again and again"
  load --history-reader history-100k
done
