#!/usr/bin/env bash
# A/B of relay builds with SQLite persistence, the steady load of side-by-side.sh (50 clients in one
# room x 30 ops/s, 3 s untimed + 15 s timed), one warm-up run each, then RUNS interleaved runs.
# Documented in docs/performance.md ("Relay", "SQLite per-op cost").
#
#   cp relay-server/target/relay-server.jar /tmp/ab/new.jar   # and an older build as /tmp/ab/base.jar
#   JAR_DIR=/tmp/ab VARIANTS="base new" relay-server/src/bench/ab-sqlite.sh
#
# Servers on core 0, the load generator on core 1, all at nice -10; CPU is utime+stime of the
# server from /proc/<pid>/stat over each run. Every process it starts is stopped by pid on exit.
set -uo pipefail
JAVA=${JAVA:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java}
JAR_DIR=${JAR_DIR:-/tmp/ab}
VARIANTS=${VARIANTS:-"base new"}
RUNS=${RUNS:-3}
OUT=${OUT:-$(mktemp -d /tmp/ab-sqlite.XXXXXX)}
mkdir -p "$OUT"
PORT_BASE=${PORT_BASE:-19400}
declare -A PID PORT
STARTED=()
trap 'for x in "${STARTED[@]}"; do kill "$x" 2>/dev/null; done' EXIT INT TERM
p=$PORT_BASE
for v in $VARIANTS; do
  PORT[$v]=$p
  nice -n -10 taskset -c 0 "$JAVA" -XX:+ExitOnOutOfMemoryError -Xmx512m -jar "$JAR_DIR/$v.jar" serve \
    --no-auth --data-dir "$OUT/data-$v" --bind 127.0.0.1 --port "$p" --metrics-port -1 \
    --max-connections-per-ip 100000 --ping-interval 600 >"$OUT/$v.log" 2>&1 &
  PID[$v]=$!; STARTED+=("$!"); p=$((p + 1))
done
sleep 5
bench() { # variant args...
  nice -n -10 taskset -c 1 "$JAVA" -jar "$JAR_DIR/$(echo $VARIANTS | cut -d' ' -f1).jar" bench \
    --url "ws://127.0.0.1:${PORT[$1]}" --json --clients 50 --rooms 1 --rate 30 --op-size 200 "${@:2}"
}
for v in $VARIANTS; do bench "$v" --duration 10s >"$OUT/warm-$v.json" 2>/dev/null; done
for r in $(seq "$RUNS"); do
  for v in $VARIANTS; do
    b=$(awk '{print $14 + $15}' "/proc/${PID[$v]}/stat")
    bench "$v" --warmup 3s --duration 15s >"$OUT/run-$v-$r.json" 2>"$OUT/run-$v-$r.err"
    a=$(awk '{print $14 + $15}' "/proc/${PID[$v]}/stat")
    echo $((a - b)) >"$OUT/run-$v-$r.ticks"
  done
done
python3 - "$OUT" "$(getconf CLK_TCK)" <<'PY'
import collections, glob, json, os, statistics, sys
out, hz = sys.argv[1], int(sys.argv[2])
runs = collections.defaultdict(list)
for f in sorted(glob.glob(f"{out}/run-*.json")):
    v, r = os.path.basename(f)[4:-5].rsplit("-", 1)
    try:
        j = json.load(open(f)); ticks = int(open(f[:-5] + ".ticks").read())
    except Exception:
        continue
    cpu = ticks / hz / max(1, j["delivered"]) * 1e5
    runs[v].append((cpu, j["p50Ms"], j["p99Ms"], j["lost"] + j["duplicates"]))
    print(f"{v} run {r}: CPU {cpu:.3f} s/100k, p50 {j['p50Ms']:.2f} ms, p99 {j['p99Ms']:.1f} ms, lost+dup {j['lost'] + j['duplicates']}")
for v, xs in runs.items():
    m = [statistics.median(x[i] for x in xs) for i in range(3)]
    print(f"{v}: median of {len(xs)}: CPU {m[0]:.3f} s per 100k deliveries, p50 {m[1]:.2f} ms, p99 {m[2]:.1f} ms")
PY
