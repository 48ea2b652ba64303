#!/usr/bin/env bash
# Side-by-side relay benchmark (issue 7): the Node `ws` seed relay vs the Drawbridge relay
# (in memory, and with SQLite persistence), same load generator, same op frames.
# Documented in docs/performance.md ("Relay"). Builds nothing: expects relay-server.jar.
#
#   ./mvnw -q -pl relay-server -am package -DskipTests
#   mkdir -p /tmp/seed && cp ../shared/peers/seed-relay.js /tmp/seed/ && (cd /tmp/seed && npm install --no-save ws@8)
#   relay-server/src/bench/side-by-side.sh            # env knobs below
#
# Servers are pinned to core 0, the load generator to core 1 (taskset). Everything runs on
# 127.0.0.1; every process this script starts is stopped by pid on exit.
set -euo pipefail

JAR=${JAR:-relay-server/target/relay-server.jar}
SEED_DIR=${SEED_DIR:-/tmp/seed}            # holds seed-relay.js and node_modules/ws
JAVA=${JAVA:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java}
RUNS=${RUNS:-3}                            # interleaved runs per target
DURATION=${DURATION:-15s}                  # timed part of each run
WARMUP=${WARMUP:-3s}                       # untimed sending before each run (JIT, caches)
WARM_DURATION=${WARM_DURATION:-4s}         # untimed runs per target first, each with new connections:
WARM_CYCLES=${WARM_CYCLES:-5}              # HotSpot recompiles the hot paths at each of the first few
                                           # waves of new connections (uncommon traps); 5 settle it
CLIENTS=${CLIENTS:-50}
RATE=${RATE:-30}                           # ops/s per client
OP_SIZE=${OP_SIZE:-200}
OPS_PER_STROKE=${OPS_PER_STROKE:-1}        # 16: a pen's mix (a stroke added, then 15 appends of 10 points)
SAT_RATES=${SAT_RATES:-"30 40 50 60 75 90 110"}  # per-client rates for the saturation steps
SLOW_DURATION=${SLOW_DURATION:-60s}        # slow-consumer run (a member that never reads)
IDLE=${IDLE:-10000}                        # idle connections for the memory figure
PHASES=${PHASES:-"cold steady saturation slow idle"}   # cold: one run on each fresh server first
TARGETS=${TARGETS:-"seed mem sqlite"}      # also: sqlite-os, sqlite-aot, sqlite-b
AOT_CACHE=${AOT_CACHE:-${JAR%.jar}.aot}    # sqlite-aot: SQLite with this AOT cache (relay-server/bin/relay-server-aot makes it)
RELAY_JAVA_OPTS=${RELAY_JAVA_OPTS:-"-Xmx512m"}   # plus -XX:+ExitOnOutOfMemoryError, always
RELAY_B_JAVA_OPTS=${RELAY_B_JAVA_OPTS:-$RELAY_JAVA_OPTS}   # sqlite-b: SQLite with these JVM flags instead (A/B in one run)
RELAY_B_SERVE_ARGS=${RELAY_B_SERVE_ARGS:-}   # sqlite-b: and these serve flags added (e.g. --warm-up 0)
AUTH=${AUTH:-0}                            # 1: Drawbridge relays check tokens (the load carries one)
NICE=${NICE:--10}                          # the box is shared: keep other builds from setting the latency
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
OUT=${OUT:-$(mktemp -d /tmp/side-by-side.XXXXXX)}
mkdir -p "$OUT"
PORT_BASE=${PORT_BASE:-19200}

[[ -f $JAR ]] || { echo "missing $JAR (build it first)" >&2; exit 2; }
[[ -f $SEED_DIR/seed-relay.js && -d $SEED_DIR/node_modules/ws ]] || {
  echo "missing $SEED_DIR/seed-relay.js or its node_modules/ws" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)"
(( $(ulimit -n) >= IDLE + 1000 )) || echo "warning: ulimit -n $(ulimit -n) is low for $IDLE idle connections" >&2
TICKS=$(getconf CLK_TCK)
AUTH_ARGS=(--no-auth); TOKEN_ARGS=()
if [[ $AUTH == 1 ]]; then
  secret=side-by-side-$RANDOM$RANDOM
  AUTH_ARGS=(--secret "$secret")
  TOKEN_ARGS=(--token "$("$JAVA" -jar "$JAR" token --secret "$secret" --room '*' --ttl 1d)")
fi

declare -A PID PORT
PORT[seed]=$PORT_BASE; PORT[mem]=$((PORT_BASE + 1)); PORT[sqlite]=$((PORT_BASE + 2))
PORT[sqlite-os]=$((PORT_BASE + 3))   # SQLite with --durability os (no fsync per commit)
PORT[sqlite-aot]=$((PORT_BASE + 4))  # SQLite started with the AOT cache (cold-start figure)
PORT[sqlite-b]=$((PORT_BASE + 5))    # SQLite started with RELAY_B_JAVA_OPTS
STARTED=()

cleanup() {
  for p in "${STARTED[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${STARTED[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

start_server() { # target
  local t=$1 port=${PORT[$1]}
  case $t in
    seed) (cd "$SEED_DIR" && PORT=$port HOST=127.0.0.1 exec nice -n "$NICE" taskset -c "$SERVER_CPU" node seed-relay.js) \
            >>"$OUT/$t.log" 2>&1 &
          ;;
    mem|sqlite|sqlite-os|sqlite-aot|sqlite-b)
      local storage=(--in-memory) aot=() opts=$RELAY_JAVA_OPTS extra=()
      if [[ $t == sqlite* ]]; then rm -rf "$OUT/data-$t"; storage=(--data-dir "$OUT/data-$t"); fi
      if [[ $t == sqlite-os ]]; then storage+=(--durability os); fi
      if [[ $t == sqlite-aot ]]; then aot=(-XX:AOTCache="$AOT_CACHE"); fi
      if [[ $t == sqlite-b ]]; then opts=$RELAY_B_JAVA_OPTS; read -r -a extra <<<"$RELAY_B_SERVE_ARGS"; fi
      nice -n "$NICE" taskset -c "$SERVER_CPU" "$JAVA" -XX:+ExitOnOutOfMemoryError "${aot[@]}" $opts -jar "$JAR" serve \
        "${AUTH_ARGS[@]}" "${storage[@]}" --bind 127.0.0.1 --port "$port" --metrics-port -1 \
        --max-connections-per-ip 100000 --ping-interval 600 "${extra[@]}" >>"$OUT/$t.log" 2>&1 &
      ;;
  esac
  PID[$t]=$!; STARTED+=("$!")
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "$t did not start: $(tail -5 "$OUT/$t.log")" >&2; exit 1
}

stop_server() { # target
  local p=${PID[$1]}
  kill "$p" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$p" 2>/dev/null || true
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
status_kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }

bench() { # target outfile extra-args...
  local t=$1 out=$2; shift 2
  local kind=drawbridge tok=("${TOKEN_ARGS[@]}"); [[ $t == seed ]] && kind=raw tok=()
  timeout 600 nice -n "$NICE" taskset -c "$LOAD_CPU" "$JAVA" -jar "$JAR" bench --target "$kind" \
    --url "ws://127.0.0.1:${PORT[$t]}" --json "${tok[@]}" "$@" >"$out" 2>"$out.err" || true
}

run_load() { # target label rate duration extra...
  local t=$1 label=$2 rate=$3 dur=$4; shift 4
  local before after
  before=$(cpu_ticks "${PID[$t]}")
  bench "$t" "$OUT/$label.json" --clients "$CLIENTS" --rooms 1 --rate "$rate" --op-size "$OP_SIZE" --ops-per-stroke "$OPS_PER_STROKE" \
    --warmup "${RUN_WARMUP:-$WARMUP}" --duration "$dur" "$@"
  after=$(cpu_ticks "${PID[$t]}")
  echo "$(( after - before )) $TICKS $(status_kb "${PID[$t]}" VmHWM) $(status_kb "${PID[$t]}" VmRSS)" \
    >"$OUT/$label.proc"
}

phase() { [[ " $PHASES " == *" $1 "* ]]; }

echo "results in $OUT"
for t in $TARGETS; do start_server "$t"; done

if phase cold; then
  # The servers were just started: the JIT (HotSpot's, V8's) has seen nothing yet. No warm-up
  # at all: what the first users of a freshly started relay get (issue 7: "report both").
  for t in $TARGETS; do
    echo "cold run: $t"; RUN_WARMUP=0s run_load "$t" "cold-$t" "$RATE" "$DURATION"
  done
fi

if phase steady; then
  for t in $TARGETS; do
    for c in $(seq "$WARM_CYCLES"); do
      echo "warm-up $t ($c/$WARM_CYCLES)"; bench "$t" "$OUT/warm-$t-$c.json" --clients "$CLIENTS" --rooms 1 \
        --rate "$RATE" --op-size "$OP_SIZE" --ops-per-stroke "$OPS_PER_STROKE" --duration "$WARM_DURATION"
    done
  done
  for r in $(seq "$RUNS"); do
    for t in $TARGETS; do
      echo "steady run $r: $t"; run_load "$t" "steady-$t-$r" "$RATE" "$DURATION"
    done
  done
fi

if phase saturation; then
  for t in $TARGETS; do
    for rate in $SAT_RATES; do
      echo "saturation $t at $rate ops/s per client"
      run_load "$t" "sat-$t-$rate" "$rate" 10s
      python3 - "$OUT/sat-$t-$rate.json" <<'PY' || break
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception:
    sys.exit(1)
sys.exit(0 if r["lost"] == 0 and r["duplicates"] == 0 and r["p99Ms"] <= 100 else 1)
PY
    done
  done
fi

if phase slow; then
  # Two runs of the same length: a control where everyone reads, then one where a member stops
  # reading. The relay's board (and the in-memory log) grow with every op in both, so the RSS
  # growth the stalled member causes is the difference between the two.
  for t in $TARGETS; do
    for kind in control slow; do
      echo "$kind run: $t ($SLOW_DURATION)"
      echo "$(status_kb "${PID[$t]}" VmRSS)" >"$OUT/$kind-$t.rss0"
      ( for _ in $(seq 400); do status_kb "${PID[$t]}" VmRSS || exit 0; sleep 1; done ) \
        >"$OUT/$kind-$t.rss" 2>/dev/null &
      sampler=$!; STARTED+=("$sampler")
      slow_before=$(grep -c too_slow "$OUT/$t.log" || true)
      stall=(); [[ $kind == slow ]] && stall=(--stalled 1)
      run_load "$t" "$kind-$t" "$RATE" "$SLOW_DURATION" "${stall[@]}"
      kill "$sampler" 2>/dev/null || true
      echo $(( $(grep -c too_slow "$OUT/$t.log" || true) - slow_before )) >"$OUT/$kind-$t.too_slow"
    done
  done
fi

if phase idle; then
  for t in $TARGETS; do
    stop_server "$t"; start_server "$t"
    sleep 2
    base=$(status_kb "${PID[$t]}" VmRSS)
    idle_tok=("${TOKEN_ARGS[@]}"); [[ $t == seed ]] && idle_tok=()
    echo "idle: $t, $IDLE connections (baseline RSS $base kB)"
    timeout 300 nice -n "$NICE" taskset -c "$LOAD_CPU" "$JAVA" -jar "$JAR" bench --url "ws://127.0.0.1:${PORT[$t]}" \
      --target "$([[ $t == seed ]] && echo raw || echo drawbridge)" --idle "$IDLE" --duration 20s \
      "${idle_tok[@]}" \
      >"$OUT/idle-$t.log" 2>&1 &
    gen=$!; STARTED+=("$gen")
    for _ in $(seq 240); do grep -q "idle ready" "$OUT/idle-$t.log" && break; sleep 0.5; done
    sleep 5
    echo "$base $(status_kb "${PID[$t]}" VmRSS) $(grep -c . "$OUT/idle-$t.log") $(grep "idle ready" "$OUT/idle-$t.log" | head -1)" \
      >"$OUT/idle-$t.txt"
    wait "$gen" || true
  done
fi

python3 - "$OUT" "$TARGETS" "$RUNS" "$IDLE" "$SAT_RATES" <<'PY'
import glob, json, os, statistics, sys
out, targets, runs, idle, sat_rates = sys.argv[1], sys.argv[2].split(), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5].split()

def load(label):
    try:
        r = json.load(open(f"{out}/{label}.json"))
    except Exception:
        return None
    try:
        ticks, hz, hwm, rss = open(f"{out}/{label}.proc").read().split()
        r["cpu"] = int(ticks) / int(hz)
        r["hwm"] = int(hwm)
    except Exception:
        r["cpu"] = float("nan"); r["hwm"] = 0
    return r

def med(xs):
    xs = [x for x in xs if x == x]
    return statistics.median(xs) if xs else float("nan")

def ratio(a, b):
    return f"{a / b:.2f}x" if b and b == b and a == a else "-"

steady = {t: [r for r in (load(f"steady-{t}-{i}") for i in range(1, runs + 1)) if r] for t in targets}
rows = {}
for t, rs in steady.items():
    if not rs:
        continue
    rows[t] = {
        "runs": len(rs),
        "lost": sum(r["lost"] for r in rs),
        "dup": sum(r["duplicates"] for r in rs),
        "p50": med([r["p50Ms"] for r in rs]),
        "p99": med([r["p99Ms"] for r in rs]),
        "dps": med([r["deliveriesPerSecond"] for r in rs]),
        "cpu100k": med([r["cpu"] / max(1, r["delivered"]) * 1e5 for r in rs]),
        "hwm": max(r["hwm"] for r in rs) / 1024,
        "durable": med([r.get("durableP50Ms", 0) for r in rs]),
    }
if rows:
    print(f"\nsteady: {len(next(iter(steady.values())))} interleaved runs per target (medians; ratio vs seed)")
    print(f"{'target':8} {'runs':>4} {'lost':>5} {'dup':>4} {'p50 ms':>8} {'p99 ms':>8} {'deliv/s':>9} {'CPU s/100k':>11} {'peak RSS MB':>11} {'durable p50':>11}  ratios p50/p99/cpu")
    seed = rows.get("seed")
    for t, r in rows.items():
        rat = "" if t == "seed" or not seed else f"  {ratio(r['p50'], seed['p50'])} / {ratio(r['p99'], seed['p99'])} / {ratio(r['cpu100k'], seed['cpu100k'])}"
        print(f"{t:8} {r['runs']:>4} {r['lost']:>5} {r['dup']:>4} {r['p50']:>8.2f} {r['p99']:>8.2f} {r['dps']:>9.0f} {r['cpu100k']:>11.3f} {r['hwm']:>11.0f} {r['durable']:>11.2f}{rat}")

cold = {t: load(f"cold-{t}") for t in targets}
cold = {t: r for t, r in cold.items() if r}
if cold:
    print("\ncold: one run per freshly started server, no warm-up (ratio vs seed)")
    seed_cold = cold.get("seed")
    for t, r in cold.items():
        cpu = r["cpu"] / max(1, r["delivered"]) * 1e5
        rat = "" if t == "seed" or not seed_cold else f"  {ratio(r['p50Ms'], seed_cold['p50Ms'])} / {ratio(r['p99Ms'], seed_cold['p99Ms'])} / {ratio(cpu, seed_cold['cpu'] / max(1, seed_cold['delivered']) * 1e5)}"
        print(f"{t:8} lost {r['lost']} dup {r['duplicates']} p50 {r['p50Ms']:.2f} ms p99 {r['p99Ms']:.2f} ms CPU {cpu:.3f} s/100k{rat}")

sat = {}
for t in targets:
    best, broke = None, None
    for rate in sat_rates:
        r = load(f"sat-{t}-{rate}")
        if r is None:
            continue
        ok = r["lost"] == 0 and r["duplicates"] == 0 and r["p99Ms"] <= 100
        if ok:
            best = (rate, r)
        else:
            broke = (rate, r)
            break
    if best or broke:
        sat[t] = (best, broke)
if sat:
    print("\nsaturation (p99 > 100 ms or any loss): highest passing step")
    seed_best = sat.get("seed", (None, None))[0]
    for t, (best, broke) in sat.items():
        b = f"{best[1]['deliveriesPerSecond']:.0f} deliveries/s at {best[0]} ops/s/client (p99 {best[1]['p99Ms']:.1f} ms, CPU {best[1]['cpu']:.1f} s)" if best else "none"
        k = f"; broke at {broke[0]} ops/s/client: {broke[1]['deliveriesPerSecond']:.0f}/s, p99 {broke[1]['p99Ms']:.0f} ms, lost {broke[1]['lost']}" if broke else "; never broke"
        rat = "" if t == "seed" or not (best and seed_best) else f"  ({ratio(best[1]['deliveriesPerSecond'], seed_best[1]['deliveriesPerSecond'])} seed)"
        print(f"{t:8} {b}{k}{rat}")

slow_lines = []
def rss_growth(kind, t):
    try:
        rss0 = int(open(f"{out}/{kind}-{t}.rss0").read())
        samples = [int(x) for x in open(f"{out}/{kind}-{t}.rss").read().split()]
        return rss0, max(samples) - rss0
    except Exception:
        return 0, float("nan")
for t in targets:
    r, c = load(f"slow-{t}"), load(f"control-{t}")
    if r is None:
        continue
    rss0, grew = rss_growth("slow", t)
    _, control_grew = rss_growth("control", t)
    base_p99 = c["p99Ms"] if c else float("nan")
    try:
        too_slow = open(f"{out}/slow-{t}.too_slow").read().strip()
    except Exception:
        too_slow = "?"
    slow_lines.append(f"{t:8} 4011 logged {too_slow}x; RSS from {rss0/1024:.0f} MB: +{grew/1024:.0f} MB with the stalled member, +{control_grew/1024:.0f} MB in the control run (difference {(grew-control_grew)/1024:+.0f} MB); others p50 {r['p50Ms']:.2f} / p99 {r['p99Ms']:.2f} ms (control {c['p50Ms'] if c else float('nan'):.2f} / {base_p99:.2f}); lost {r['lost']}; stalled member's close code {r.get('stalledCloseCodes')}")
if slow_lines:
    print("\nslow consumer (one member stops reading; the others keep drawing)")
    print("\n".join(slow_lines))

idle_lines = []
for t in targets:
    try:
        parts = open(f"{out}/idle-{t}.txt").read().split()
        base, rss = int(parts[0]), int(parts[1])
        ready = "idle ready" in open(f"{out}/idle-{t}.log").read()
    except Exception:
        continue
    idle_lines.append(f"{t:8} baseline {base/1024:.0f} MB, with {idle} idle members {rss/1024:.0f} MB: {(rss-base)/idle:.1f} kB per connection{'' if ready else ' (NOT all connected: see idle log)'}")
if idle_lines:
    print(f"\nidle connections (RSS above the fresh server's baseline)")
    print("\n".join(idle_lines))
print(f"\nraw results: {out}")
PY
