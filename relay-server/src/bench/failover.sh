#!/usr/bin/env bash
# Several relays on one Redis behind nginx (issue 18): SIGKILL of the relay serving a room while
# its members draw, and a Redis restart. Documented in docs/reliability.md ("Several relays").
# Not run by CI. Needs the Debian packages nginx and redis-server (their system services are not
# used: this script runs its own redis-server and nginx).
#
#   ./mvnw -q -pl relay-server -am package -DskipTests
#   relay-server/src/bench/failover.sh            # env knobs below
#
# Two relays (--redis-url, auth on) on one redis-server (appendonly yes, appendfsync always),
# behind nginx written from deploy/nginx-drawbridge-relays.conf (hash $uri consistent, the other
# relay as next upstream). Clients: dev.drawbridge.client.sync.it.FailoverBench (desktop-client
# test class path): CLIENTS real sync sessions with the app's default timings, through nginx,
# drawing. For each of KILLS rounds the script finds the relay holding the room's members (its
# drawbridge_connections gauge), SIGKILLs it, and the program answers the time from the kill until
# every member is Synced again with nothing pending; then the killed relay is restarted and the
# members stay HOLD seconds on the stand-in (so the backoff resets) before the next kill, which hits
# the stand-in. Then MOVES rounds of the hand-back (self-hosting.md: "the first op ordered on either
# relay makes the other one notice"): with the members on the stand-in and the room's own relay
# (nginx's hash pick) up again, a newcomer joins, so lands on the room's relay; the script times
# how long until all members are on one relay (gauges, stable for 3 s). Then Redis is shut down (SHUTDOWN: AOF fsynced) and restarted on its directory
# while the members draw. At the end every op a member drew must be in Redis exactly once.
# Everything on 127.0.0.1; every process this script starts is stopped by pid on exit.
set -euo pipefail
cd "$(dirname "$0")/../../.."

JAR=${JAR:-relay-server/target/relay-server.jar}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=${JAVA:-$JAVA_HOME/bin/java}
KILLS=${KILLS:-20}                 # relay SIGKILLs
CLIENTS=${CLIENTS:-6}              # members of the one room
DRAW_PAUSE_MS=${DRAW_PAUSE_MS:-100}  # each member draws one op, then pauses this long (~10 ops/s)
KILL_TIMEOUT=${KILL_TIMEOUT:-30}   # seconds to wait for "everyone synced" after a kill
HOLD=${HOLD:-12}                   # seconds on the stand-in after synced (> the 10 s "healthy")
MOVES=${MOVES:-5}                  # rounds of "the room's relay is back and a newcomer joins it"
MOVE_TIMEOUT=${MOVE_TIMEOUT:-60}   # seconds to wait for all members on one relay after a newcomer
REDIS_DOWN=${REDIS_DOWN:-2}        # seconds Redis stays down
ROOM=${ROOM:-failover-room}
RELAY_JAVA_OPTS=${RELAY_JAVA_OPTS:-"-Xmx256m"}
OUT=${OUT:-$(mktemp -d /tmp/failover.XXXXXX)}
mkdir -p "$OUT"

[[ -f $JAR ]] || { echo "missing $JAR (build it first)" >&2; exit 2; }
for b in nginx redis-server redis-cli curl python3; do
  command -v "$b" >/dev/null || { echo "missing $b (apt-get install -y nginx redis-server curl)" >&2; exit 2; }
done

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
REDIS_PORT=$(free_port); NGINX_PORT=$(free_port)
declare -A PID PORT MPORT
PORT[a]=$(free_port); PORT[b]=$(free_port); MPORT[a]=$(free_port); MPORT[b]=$(free_port)
STARTED=()

cleanup() {
  for p in "${STARTED[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${STARTED[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

wait_port() { # port what log
  for _ in $(seq 200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.05
  done
  echo "$2 did not start: $(tail -5 "$3")" >&2; exit 1
}

start_redis() {
  mkdir -p "$OUT/redis"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$OUT/redis" --appendonly yes \
    --appendfsync always --save '' --daemonize no --protected-mode yes >>"$OUT/redis.log" 2>&1 &
  PID[redis]=$!; STARTED+=("$!")
  wait_port "$REDIS_PORT" redis-server "$OUT/redis.log"
  for _ in $(seq 100); do
    [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] && return 0; sleep 0.05
  done
  echo "redis-server does not answer" >&2; exit 1
}

SECRET=failover-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)
start_relay() { # a|b
  local r=$1
  "$JAVA" -XX:+ExitOnOutOfMemoryError $RELAY_JAVA_OPTS -jar "$JAR" serve \
    --redis-url "redis://127.0.0.1:$REDIS_PORT/0" --secret "$SECRET" \
    --bind 127.0.0.1 --port "${PORT[$r]}" --metrics-bind 127.0.0.1 --metrics-port "${MPORT[$r]}" \
    --trusted-proxies 127.0.0.1 --max-connections-per-ip 1000 >>"$OUT/relay-$r.log" 2>&1 &
  PID[$r]=$!; STARTED+=("$!")
  wait_port "${PORT[$r]}" "relay $r" "$OUT/relay-$r.log"
}

members() { # a|b: the relay's drawbridge_connections gauge (0 when it does not answer)
  curl -s --max-time 2 "http://127.0.0.1:${MPORT[$1]}/metrics" 2>/dev/null |
    awk '$1 == "drawbridge_connections" {printf "%d", $2; found = 1} END {if (!found) print 0}'
}

write_nginx_conf() {
  mkdir -p "$OUT/nginx"
  cat >"$OUT/nginx.conf" <<EOF
# Written by failover.sh from deploy/nginx-drawbridge-relays.conf (loopback, no TLS).
worker_processes 1;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log $OUT/nginx-access.log;
    client_body_temp_path $OUT/nginx/body;
    proxy_temp_path $OUT/nginx/proxy;
    fastcgi_temp_path $OUT/nginx/fastcgi;
    uwsgi_temp_path $OUT/nginx/uwsgi;
    scgi_temp_path $OUT/nginx/scgi;
    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        ''      close;
    }
    upstream drawbridge_relays {
        hash \$uri consistent;
        server 127.0.0.1:${PORT[a]} max_fails=0;
        server 127.0.0.1:${PORT[b]} max_fails=0;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location /v1/ {
            proxy_pass http://drawbridge_relays;
            proxy_next_upstream error timeout;
            proxy_connect_timeout 3s;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_read_timeout 120s;
            proxy_send_timeout 120s;
            proxy_buffering off;
            client_max_body_size 1m;
        }
    }
}
EOF
}

echo "results in $OUT"
start_redis
start_relay a; start_relay b
write_nginx_conf
nginx -t -c "$OUT/nginx.conf" -p "$OUT/nginx" >>"$OUT/nginx-error.log" 2>&1
nginx -c "$OUT/nginx.conf" -p "$OUT/nginx" -g 'daemon off;' >>"$OUT/nginx-error.log" 2>&1 &
PID[nginx]=$!; STARTED+=("$!")
wait_port "$NGINX_PORT" nginx "$OUT/nginx-error.log"

# The client program: desktop-client's test class path (compiled here, nothing installed).
if [[ ! -f $OUT/cp.txt ]]; then
  JAVA_HOME=$JAVA_HOME ./mvnw -q -B -pl desktop-client -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test -Dspotless.check.skip=true >"$OUT/build.log" 2>&1
fi
CP="desktop-client/target/test-classes:desktop-client/target/classes:$(cat "$OUT/cp.txt")"
TOKEN=$("$JAVA" -jar "$JAR" token --secret "$SECRET" --room "$ROOM" --ttl 1d)
CTL=$OUT/ctl; mkdir -p "$CTL"
timeout $(( KILLS * (KILL_TIMEOUT + HOLD + 30) + 600 )) "$JAVA" -Xmx512m -cp "$CP" \
  dev.drawbridge.client.sync.it.FailoverBench "ws://127.0.0.1:$NGINX_PORT" "$ROOM" "$TOKEN" "$CTL" \
  "$CLIENTS" "$DRAW_PAUSE_MS" "$KILL_TIMEOUT" >"$OUT/clients.log" 2>&1 &
PID[clients]=$!; STARTED+=("$!")
for _ in $(seq 1200); do [[ -f $CTL/ready ]] && break; kill -0 "${PID[clients]}" 2>/dev/null || break; sleep 0.1; done
[[ -f $CTL/ready ]] || { echo "clients not ready: $(tail -20 "$OUT/clients.log")" >&2; exit 1; }
echo "$CLIENTS members drawing through nginx :$NGINX_PORT (relays a :${PORT[a]}, b :${PORT[b]}, redis :$REDIS_PORT)"
sleep 3
# The room's relay by nginx's hash: the one the members joined first.
if (( $(members a) > 0 )); then PRIMARY=a; OTHER=b; else PRIMARY=b; OTHER=a; fi
echo "the room's relay (nginx's hash pick): $PRIMARY"

event=0
wait_done() { # event -> prints the program's answer
  for _ in $(seq $(( (KILL_TIMEOUT + 10) * 20 ))); do
    [[ -f $CTL/done-$1 ]] && { cat "$CTL/done-$1"; return 0; }
    sleep 0.05
  done
  echo "no-answer"
}

: >"$OUT/kills.txt"
for k in $(seq "$KILLS"); do
  ma=$(members a); mb=$(members b)
  if (( ma >= mb )); then victim=a; standin=b; else victim=b; standin=a; fi
  event=$((event + 1))
  t=$(date +%s%3N)
  kill -9 "${PID[$victim]}"
  printf 'kill %s\n' "$t" >"$CTL/event-$event.tmp"; mv "$CTL/event-$event.tmp" "$CTL/event-$event"
  wait "${PID[$victim]}" 2>/dev/null || true
  read -r ms att <<<"$(wait_done "$event")"
  on_standin=$(members "$standin")
  echo "$k $victim $ma $mb $ms $on_standin ${att:-?}" >>"$OUT/kills.txt"
  echo "kill $k: relay $victim (members a=$ma b=$mb) -> synced on $standin after $ms ms" \
    "($on_standin members there; highest reconnect attempt ${att:-?})"
  start_relay "$victim"
  sleep "$HOLD"
done

: >"$OUT/moves.txt"
total=$CLIENTS
for m in $(seq "$MOVES"); do
  if (( $(members "$PRIMARY") > 0 )); then
    # Members on the room's relay: move them to the other one first (a kill, not counted above).
    event=$((event + 1)); t=$(date +%s%3N)
    kill -9 "${PID[$PRIMARY]}"
    printf 'kill %s\n' "$t" >"$CTL/event-$event.tmp"; mv "$CTL/event-$event.tmp" "$CTL/event-$event"
    wait "${PID[$PRIMARY]}" 2>/dev/null || true
    wait_done "$event" >/dev/null
    start_relay "$PRIMARY"; sleep "$HOLD"
  fi
  moved_before=$(cat "$OUT"/relay-*.log | grep -c "handing its members over" || true)
  failed_before=$(cat "$OUT"/relay-*.log | grep -c "op log write failed" || true)
  event=$((event + 1)); total=$((total + 1))
  t=$(date +%s%3N)
  printf 'join %s\n' "$t" >"$CTL/event-$event.tmp"; mv "$CTL/event-$event.tmp" "$CTL/event-$event"
  wait_done "$event" >/dev/null
  one=""; stable_since=""; trace=""
  while (( $(date +%s%3N) - t < MOVE_TIMEOUT * 1000 )); do
    now=$(date +%s%3N); mp=$(members "$PRIMARY"); mo=$(members "$OTHER")
    trace+=" $(( now - t )):$mp/$mo"
    if (( (mp == total && mo == 0) || (mo == total && mp == 0) )); then
      [[ -n $stable_since ]] || stable_since=$now
      (( now - stable_since >= 3000 )) && { one=$(( stable_since - t )); break; }
    else
      stable_since=""
    fi
    sleep 0.1
  done
  moved=$(( $(cat "$OUT"/relay-*.log | grep -c "handing its members over" || true) - moved_before ))
  failed=$(( $(cat "$OUT"/relay-*.log | grep -c "op log write failed" || true) - failed_before ))
  echo "$m ${one:-timeout} $mp $mo $moved $failed" >>"$OUT/moves.txt"
  echo "$trace" >"$OUT/move-$m.trace"
  echo "move $m: newcomer on the room's relay $PRIMARY; all $total members on one relay after ${one:-timeout (${MOVE_TIMEOUT}s)} ms" \
    "($PRIMARY=$mp $OTHER=$mo; 1012 hand-overs $moved, refused appends $failed)"
  sleep "$HOLD"
done

# Redis restart while the members draw. SHUTDOWN with appendonly fsyncs the AOF before exiting.
before=$(redis-cli -p "$REDIS_PORT" llen "drawbridge:{$ROOM}:ops")
down=$(date +%s%3N)
redis-cli -p "$REDIS_PORT" shutdown >/dev/null 2>&1 || true
wait "${PID[redis]}" 2>/dev/null || true
sleep "$REDIS_DOWN"
start_redis
after=$(redis-cli -p "$REDIS_PORT" llen "drawbridge:{$ROOM}:ops")
event=$((event + 1))
up=$(date +%s%3N)
printf 'redis %s %s\n' "$down" "$up" >"$CTL/event-$event.tmp"; mv "$CTL/event-$event.tmp" "$CTL/event-$event"
read -r redis_ms redis_left <<<"$(wait_done "$event")"
echo "redis restart (SHUTDOWN to answering again: $(( up - down )) ms): ops in Redis before SHUTDOWN $before, after restart $after;" \
  "every member synced, nothing pending or awaiting durable ${redis_ms} ms after Redis answered; members that left Synced: ${redis_left:-?}"
echo "$before $after $redis_ms ${redis_left:-?} $(( up - down ))" >"$OUT/redis-restart.txt"
sleep 5

touch "$CTL/stop"
rc=0; wait "${PID[clients]}" || rc=$?
echo "clients: $(cat "$CTL/summary.txt" 2>/dev/null || tail -5 "$OUT/clients.log") (exit $rc)"

redis-cli -p "$REDIS_PORT" --raw lrange "drawbridge:{$ROOM}:ops" 0 -1 >"$OUT/redis-ops.txt"
redis-cli -p "$REDIS_PORT" hlen "drawbridge:{$ROOM}:ids" >"$OUT/redis-ids-count.txt"

python3 - "$OUT" "$KILLS" <<'PY'
import collections, math, sys
out, kills = sys.argv[1], int(sys.argv[2])
rows = [l.split() for l in open(f"{out}/kills.txt") if l.strip()]
att = [int(r[6]) for r in rows if len(r) > 6 and r[6].isdigit()]
ms = sorted(int(r[4]) for r in rows if r[4].isdigit())
failed = [r for r in rows if not r[4].isdigit()]
def pct(xs, p):
    return xs[min(len(xs) - 1, max(0, math.ceil(p / 100 * len(xs)) - 1))] if xs else float("nan")
print(f"\nkills: {len(rows)} of {kills}; synced on the stand-in: {len(ms)}; timed out: {len(failed)}")
if ms:
    print(f"time from SIGKILL to every member synced, nothing pending: p50 {pct(ms, 50)} ms, "
          f"p99 {pct(ms, 99)} ms, min {ms[0]} ms, max {ms[-1]} ms")
    print("all: " + " ".join(map(str, ms)))
if att:
    print(f"highest reconnect attempt in a kill: {max(att)} (kills where some member needed a 2nd: {sum(a > 1 for a in att)})")
moves = [l.split() for l in open(f"{out}/moves.txt") if l.strip()]
if moves:
    done = sorted(int(r[1]) for r in moves if r[1].isdigit())
    print(f"moves: {len(moves)}; all members on one relay in {len(done)}: "
          + " ".join(map(str, done)) + f" ms; timed out: {len(moves) - len(done)}")
stored = []
bad_seq = 0
for i, line in enumerate(l.rstrip("\n") for l in open(f"{out}/redis-ops.txt")):
    if not line:
        continue
    seq, op_id = line.split("\t", 3)[:2]
    bad_seq += int(seq) != i + 1
    stored.append(op_id)
counts = collections.Counter(stored)
drawn = [l.strip() for l in open(f"{out}/ctl/submitted.txt") if l.strip()]
missing = [d for d in drawn if counts[d] == 0]
dups = sum(c - 1 for c in counts.values() if c > 1)
foreign = set(stored) - set(drawn)
ids = int(open(f"{out}/redis-ids-count.txt").read().strip() or 0)
print(f"ops drawn and acked: {len(drawn)}; stored in Redis: {len(stored)} (ids hash {ids}); "
      f"missing: {len(missing)}; duplicates: {dups}; stored but not drawn: {len(foreign)}; "
      f"seq out of place: {bad_seq}")
for m in missing[:10]:
    print("  missing", m)
sys.exit(1 if missing or dups or foreign or bad_seq or failed or len(done if moves else []) < len(moves) else 0)
PY
