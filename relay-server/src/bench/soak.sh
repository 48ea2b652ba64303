#!/usr/bin/env bash
# Soak (issue 18; docs/reliability.md, "Soak"). Not run by CI. Builds nothing: expects relay-server.jar.
#
#   ./mvnw -q -pl relay-server -am package -DskipTests
#   relay-server/src/bench/soak.sh                        # 30 minutes
#   DURATION=3m KILL_EVERY=1m relay-server/src/bench/soak.sh   # smoke
#
# One relay (`serve`, SQLite data dir, auth with a random 64-character secret, the shipped unit's
# -XX:+ExitOnOutOfMemoryError -Xmx512m -Xmn16m) for DURATION under:
#   - 50 drawing clients with churn: SLOTS bench sessions side by side (SLOT_CLIENTS clients each),
#     each lasting SESSION_MIN..SESSION_MAX s in new rooms; when one ends the next starts, so clients
#     leave and join all the time. Every session records the ids of the ops it heard are durable.
#   - a stalled reader: slot 0's sessions (90-150 s) draw faster into one room and carry `--stalled 1`, a
#     member that never reads (the relay should close it with 4011 once 16 MiB are queued).
#   - a relay SIGKILL + restart (same data dir, same port) every KILL_EVERY, and a SIGKILL at the end.
#   - a handshake flood from 127.0.0.2: FLOOD sockets that send endless header bytes (431 at 16 KiB),
#     trickle a head byte by byte, or say nothing (closed after --handshake-timeout), reconnecting.
# Every SAMPLE_EVERY s a row in $OUT/samples.csv: relay RSS, heap used after a full GC
# (`jcmd GC.run` + `GC.heap_info`), threads, open fds, connections and rooms (/metrics).
# At the end: every op id a client heard is durable must be in the op log exactly once, room seqs
# gap-free from 1; summary in $OUT/summary.txt. Exit 1 on a lost or repeated durable op or a gap.
# Every process this script starts is stopped by pid on exit.
set -euo pipefail

JAR=${JAR:-relay-server/target/relay-server.jar}
JAVA=${JAVA:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java}
JCMD=${JCMD:-$(dirname "$JAVA")/jcmd}
DURATION=${DURATION:-30m}                 # s, m or h
KILL_EVERY=${KILL_EVERY:-5m}
SAMPLE_EVERY=${SAMPLE_EVERY:-10}          # seconds
SLOTS=${SLOTS:-5}                         # bench sessions at once
SLOT_CLIENTS=${SLOT_CLIENTS:-10}          # clients per session: SLOTS x SLOT_CLIENTS drawing
RATE=${RATE:-5}                           # ops/s per client (slot 0: STALL_RATE)
OP_SIZE=${OP_SIZE:-300}
STALL_RATE=${STALL_RATE:-20}              # slot 0: 10 clients x 20 ops/s x 3 kB in one room,
STALL_OP_SIZE=${STALL_OP_SIZE:-3000}      # ~600 kB/s to a stalled reader: 16 MiB queued in well under a minute
SESSION_MIN=${SESSION_MIN:-20}            # seconds a session draws
SESSION_MAX=${SESSION_MAX:-60}
STALL_SESSION_MIN=${STALL_SESSION_MIN:-90}
STALL_SESSION_MAX=${STALL_SESSION_MAX:-150}
FLOOD=${FLOOD:-40}                        # handshake-flood sockets at once
HANDSHAKE_TIMEOUT=${HANDSHAKE_TIMEOUT:-10}
PORT=${PORT:-19400}
METRICS_PORT=${METRICS_PORT:-19401}
RELAY_JAVA_OPTS=${RELAY_JAVA_OPTS:-"-XX:+ExitOnOutOfMemoryError -Xmx512m -Xmn16m"}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xmx256m -XX:TieredStopAtLevel=1"}
OUT=${OUT:-$(mktemp -d /tmp/soak.XXXXXX)}
mkdir -p "$OUT"

secs() { # 90s | 5m | 1h | 90 -> seconds
  case $1 in
    *h) echo $(( ${1%h} * 3600 )) ;;
    *m) echo $(( ${1%m} * 60 )) ;;
    *s) echo $(( ${1%s} )) ;;
    *) echo $(( $1 )) ;;
  esac
}
DUR_S=$(secs "$DURATION"); KILL_S=$(secs "$KILL_EVERY")
WARMUP_S=$(secs "${WARMUP:-$(( DUR_S / 10 < 120 ? DUR_S / 10 : 120 ))}")  # samples left out of the summary

[[ -f $JAR ]] || { echo "missing $JAR (build it first)" >&2; exit 2; }
[[ -x $JCMD ]] || { echo "missing $JCMD" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)"

SECRET=$(head -c 48 /dev/urandom | base64 -w0)   # 64 characters
TOKEN=$("$JAVA" -jar "$JAR" token --secret "$SECRET" --room '*' --ttl 1d)
DATA=$OUT/data
RELAY_PID=
STARTED=()   # the samplers, slots and flood; the relay is RELAY_PID

stop_pid() { # pid: TERM, up to 5 s, then KILL
  local p=$1
  kill "$p" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$p" 2>/dev/null || true
}
cleanup() {
  touch "$OUT/stop"
  for p in "${STARTED[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${STARTED[@]}"; do stop_pid "$p"; done
  if [[ -n $RELAY_PID ]]; then kill -9 "$RELAY_PID" 2>/dev/null || true; fi
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_relay() {
  # shellcheck disable=SC2086  # RELAY_JAVA_OPTS is a list of options
  "$JAVA" $RELAY_JAVA_OPTS -jar "$JAR" serve --secret "$SECRET" --data-dir "$DATA" \
    --bind 127.0.0.1 --port "$PORT" --metrics-bind 127.0.0.1 --metrics-port "$METRICS_PORT" \
    --max-connections-per-ip 256 --handshake-timeout "$HANDSHAKE_TIMEOUT" >>"$OUT/relay.log" 2>&1 &
  RELAY_PID=$!
  echo "$RELAY_PID" >"$OUT/relay.pid"
  for _ in $(seq 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then return 0; fi
    kill -0 "$RELAY_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "relay did not start: $(tail -5 "$OUT/relay.log")" >&2; exit 1
}

# One sample row. Heap: used after a full GC, from one jcmd (one JVM launch) per sample.
sample() {
  local pid now rss thr fds heap conns rooms
  pid=$(cat "$OUT/relay.pid"); now=$(date -u +%FT%TZ)
  [[ -r /proc/$pid/status ]] || return 0
  rss=$(awk '$1 == "VmRSS:" {print $2}' "/proc/$pid/status" 2>/dev/null) || return 0
  thr=$(awk '$1 == "Threads:" {print $2}' "/proc/$pid/status" 2>/dev/null) || return 0
  fds=$(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l) || true
  heap=$(timeout 20 "$JCMD" "$pid" -f "$OUT/jcmd.txt" 2>/dev/null \
    | sed -nE 's/.* heap .*[ ,]used ([0-9]+)K.*/\1/p' | head -1) || true
  read -r conns rooms < <(curl -s -m 3 "http://127.0.0.1:$METRICS_PORT/metrics" 2>/dev/null \
    | awk '$1 == "drawbridge_connections" {c = $2} $1 == "drawbridge_rooms" {r = $2} END {print c + 0, r + 0}') || true
  kill -0 "$pid" 2>/dev/null || return 0   # killed meanwhile: the row would mix two relays
  echo "$now,$SECONDS,$(cat "$OUT/life"),$pid,$rss,${heap:-},$thr,$fds,${conns:-},${rooms:-}" >>"$OUT/samples.csv"
}
printf 'GC.run\nGC.heap_info\n' >"$OUT/jcmd.txt"

# One slot: bench sessions back to back until the deadline. TERM stops the running session.
slot() { # index deadline(SECONDS)
  local i=$1 deadline=$2 n=0 child="" clients=$SLOT_CLIENTS rooms=2 rate=$RATE size=$OP_SIZE lo=$SESSION_MIN hi=$SESSION_MAX
  local extra=()
  trap '[[ -n $child ]] && kill "$child" 2>/dev/null; exit 0' TERM
  if (( i == 0 )); then rooms=1 rate=$STALL_RATE size=$STALL_OP_SIZE lo=$STALL_SESSION_MIN hi=$STALL_SESSION_MAX extra=(--stalled 1); fi
  sleep "$(( i * 3 ))"   # staggered: sessions end and start at different times
  while (( SECONDS < deadline - 5 )) && [[ ! -e $OUT/stop ]]; do
    n=$((n + 1))
    local d=$(( lo + RANDOM % (hi - lo + 1) )) left=$(( deadline - SECONDS ))
    (( d > left )) && d=$left
    local f=$OUT/sessions/s$i-$n
    # shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of options
    timeout $(( d + 120 )) "$JAVA" $BENCH_JAVA_OPTS -jar "$JAR" bench --url "ws://127.0.0.1:$PORT" --token "$TOKEN" \
      --clients "$clients" --rooms "$rooms" --rate "$rate" --op-size "$size" --duration "${d}s" \
      "${extra[@]}" --durable-ids "$f.ids" --json >"$f.json" 2>"$f.err" &
    child=$!
    wait "$child" || true
    child=
    [[ -s $f.json ]] || sleep 1   # the relay was down (killed, restarting): try again shortly
  done
}

# Handshake flood from 127.0.0.2 until the deadline; outcome counts in flood.json.
flood() { # deadline(epoch s)
  python3 - "$PORT" "$FLOOD" "$1" "$OUT/flood.json" <<'PY'
import json, socket, sys, threading, time
port, n, deadline, out = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
stats = {"endless": 0, "trickle": 0, "silent": 0, "status431": 0, "closedNoResponse": 0,
         "otherResponse": 0, "refused": 0, "closeSeconds": []}
lock = threading.Lock()
HEAD = b"GET /v1/rooms/flood HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"

def outcome(s, started):
    s.settimeout(60)
    try:
        data = s.recv(256)
    except (ConnectionResetError, BrokenPipeError, socket.timeout, OSError):
        data = b""
    with lock:
        if data.startswith(b"HTTP/1.1 431"):
            stats["status431"] += 1
        elif data:
            stats["otherResponse"] += 1
        else:
            stats["closedNoResponse"] += 1
            stats["closeSeconds"].append(round(time.time() - started, 1))

def one(kind):
    s = socket.socket()
    s.bind(("127.0.0.2", 0))
    s.settimeout(5)
    try:
        s.connect(("127.0.0.1", port))
    except OSError:
        with lock:
            stats["refused"] += 1
        s.close(); time.sleep(0.5); return
    started = time.time()
    with lock:
        stats[kind] += 1
    try:
        if kind == "endless":     # header bytes without end
            s.sendall(HEAD)
            pad = b"X-Pad: " + b"a" * 1000 + b"\r\n"
            while time.time() < deadline + 30:
                s.sendall(pad)
        elif kind == "trickle":   # a head one byte every second, never finished
            for b in HEAD:
                s.sendall(bytes([b])); time.sleep(1)
                if time.time() > deadline:
                    break
        # silent: nothing at all
    except OSError:
        pass
    outcome(s, started)
    s.close()

def worker(k):
    kinds = ["endless", "trickle", "silent"]
    i = k
    while time.time() < deadline:
        one(kinds[i % 3]); i += 1

threads = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(n)]
for t in threads:
    t.start()
while time.time() < deadline and any(t.is_alive() for t in threads):
    time.sleep(1)
time.sleep(2)
with lock:
    cs = sorted(stats.pop("closeSeconds"))
    stats["closeSecondsP50"] = cs[len(cs) // 2] if cs else None
    stats["closeSecondsMax"] = cs[-1] if cs else None
    json.dump(stats, open(out, "w"))
PY
}

echo "soak: $DURATION, SIGKILL every $KILL_EVERY, results in $OUT"
mkdir -p "$OUT/sessions"
echo "utc,elapsed_s,life,pid,rss_kb,heap_after_gc_kb,threads,fds,connections,rooms" >"$OUT/samples.csv"
START=$SECONDS
DEADLINE=$(( START + DUR_S ))
echo 1 >"$OUT/life"
start_relay
START_UTC=$(date -u +%FT%TZ)

( trap 'exit 0' TERM; while (( SECONDS < DEADLINE )); do sample; sleep "$SAMPLE_EVERY"; done ) &
STARTED+=("$!")
for i in $(seq 0 $(( SLOTS - 1 ))); do slot "$i" "$DEADLINE" & STARTED+=("$!"); done
flood $(( $(date +%s) + DUR_S - 15 )) & STARTED+=("$!")

life=1; restarts=0; unexpected=0; next_kill=$(( START + KILL_S ))
while (( SECONDS < DEADLINE )); do
  sleep 1
  if ! kill -0 "$RELAY_PID" 2>/dev/null; then   # died on its own (an OutOfMemoryError exits)
    wait "$RELAY_PID" 2>/dev/null || echo "relay exited on its own with $?" >>"$OUT/events.log"
    unexpected=$((unexpected + 1)); life=$((life + 1)); echo "$life" >"$OUT/life"; start_relay
  elif (( SECONDS >= next_kill && SECONDS < DEADLINE - 20 )); then
    kill -9 "$RELAY_PID"; wait "$RELAY_PID" 2>/dev/null || true
    echo "$(date -u +%FT%TZ) SIGKILL $RELAY_PID (life $life)" >>"$OUT/events.log"
    restarts=$((restarts + 1)); life=$((life + 1)); echo "$life" >"$OUT/life"
    start_relay
    next_kill=$(( next_kill + KILL_S ))
  fi
done

# Wind down: sessions stop by the deadline (their drain runs past it); then one last sample,
# and a last SIGKILL: what the log holds must not depend on a clean shutdown.
for p in "${STARTED[@]:1}"; do
  for _ in $(seq 300); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
done
sample
kill -9 "$RELAY_PID"; wait "$RELAY_PID" 2>/dev/null || true
echo "$(date -u +%FT%TZ) final SIGKILL $RELAY_PID (life $life)" >>"$OUT/events.log"
RELAY_PID=
END_UTC=$(date -u +%FT%TZ)

python3 - "$OUT" "$WARMUP_S" "$restarts" "$unexpected" "$START_UTC" "$END_UTC" "$DURATION" "$KILL_EVERY" <<'PY' | tee "$OUT/summary.txt"
import csv, glob, json, os, sqlite3, sys
out, warmup, restarts, unexpected, t0, t1, dur, kill_every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7], sys.argv[8]
rows = list(csv.DictReader(open(f"{out}/samples.csv")))
first_s = int(rows[0]["elapsed_s"]) if rows else 0
steady = [r for r in rows if int(r["elapsed_s"]) - first_s >= warmup] or rows
print(f"soak {dur}, SIGKILL every {kill_every}: {t0} .. {t1} UTC; {len(rows)} samples, {len(steady)} after {warmup} s warm-up")
print(f"relay restarts: {restarts} SIGKILLs during the run (+1 at the end), {unexpected} exits on its own")
def num(r, k):
    try:
        return float(r[k])
    except (ValueError, KeyError):
        return None
metrics = [("rss_kb", "RSS MB", 1024), ("heap_after_gc_kb", "heap after GC MB", 1024), ("threads", "threads", 1),
           ("fds", "open fds", 1), ("connections", "connections", 1), ("rooms", "rooms in memory", 1)]
print(f"{'metric':18} {'first':>8} {'last':>8} {'max':>8}   last of each relay life")
lives = sorted({int(r["life"]) for r in steady})
for k, name, div in metrics:
    vals = [(r, num(r, k)) for r in steady]
    vals = [(r, v) for r, v in vals if v is not None]
    if not vals:
        print(f"{name:18} (no samples)"); continue
    per_life = []
    for life in lives:
        lv = [v for r, v in vals if int(r["life"]) == life]
        if lv:
            per_life.append(f"{lv[-1] / div:.0f}")
    print(f"{name:18} {vals[0][1] / div:>8.1f} {vals[-1][1] / div:>8.1f} {max(v for _, v in vals) / div:>8.1f}   {' '.join(per_life)}")

sessions = glob.glob(f"{out}/sessions/*.json")
reports = []
for f in sessions:
    try:
        reports.append(json.loads(open(f).read().strip().splitlines()[-1]))
    except Exception:
        pass
tot = lambda k: sum(r.get(k, 0) for r in reports)
durable_ids = []
for f in glob.glob(f"{out}/sessions/*.ids"):
    durable_ids += [l for l in open(f).read().split("\n") if l]
stalled = {}
for r in reports:
    for c in r.get("stalledCloseCodes", []):
        stalled[c] = stalled.get(c, 0) + 1
print(f"bench sessions: {len(sessions)} started, {len(reports)} reported (the others could not connect while the relay was down)")
print(f"ops sent {tot('sent')}, acked {tot('acked')}, nacked {tot('nacked')}, heard durable {tot('durable')} ({len(durable_ids)} ids recorded)")
too_slow = sum(1 for l in open(f"{out}/relay.log", errors="replace") if 'reason="too_slow"' in l)
print(f"stalled readers' close codes as they saw them (-1: still open, 1006: dropped, e.g. by a kill): {stalled}; 4011 too_slow closes in the relay log: {too_slow}")

db = sqlite3.connect(f"{out}/data/drawbridge-relay.db")
log = db.execute("SELECT op_id, COUNT(*) FROM ops GROUP BY op_id").fetchall()
in_log = dict(log)
logged = sum(in_log.values())
dups = sum(c - 1 for c in in_log.values() if c > 1)
ids = set(durable_ids)
lost = [i for i in ids if i not in in_log]
repeated = [i for i in ids if in_log.get(i, 0) > 1]
gaps = db.execute("SELECT room, COUNT(*), MIN(seq), MAX(seq) FROM ops GROUP BY room HAVING MIN(seq) != 1 OR MAX(seq) != COUNT(*)").fetchall()
rooms = db.execute("SELECT COUNT(DISTINCT room) FROM ops").fetchone()[0]
acked_missing = tot("acked") - tot("durable")
print(f"op log: {logged} ops in {rooms} rooms; duplicate op ids {dups}; rooms with a seq gap {len(gaps)}")
print(f"durable ops lost: {len(lost)} of {len(ids)}; stored more than once: {len(repeated)}; ids recorded twice by clients: {len(durable_ids) - len(ids)}")
print(f"acked but not heard durable (session ended first, or a kill; R26 lets a kill lose these, authors resend): {acked_missing}")
try:
    print(f"handshake flood: {json.load(open(f'{out}/flood.json'))}")
except Exception as e:
    print(f"handshake flood: no report ({e})")
for line in open(f"{out}/relay.log", errors="replace"):
    if "OutOfMemoryError" in line:
        print("relay log: " + line.strip())
ok = not lost and not repeated and not dups and not gaps and ids
print("RESULT: " + ("no durable op lost or repeated, no gaps" if ok else "FAILED"))
for i in lost[:10]:
    print(f"  lost: {i}")
for g in gaps[:10]:
    print(f"  gap: {g}")
sys.exit(0 if ok else 1)
PY
