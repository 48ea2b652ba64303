#!/usr/bin/env bash
# Idle RSS of one relay (SQLite, no client): VmRSS 5 s after its port opens, i.e. after serve's
# warm-up (docs/performance.md, "The shipped flags, chosen by measurement").
#
#   ./mvnw -q -pl relay-server -am package -DskipTests
#   relay-server/src/bench/idle-rss.sh "-Xmx512m -Xmn16m" old-flags    # java <flags> -jar …
#   relay-server/src/bench/idle-rss.sh launcher shipped                  # relay-server/bin/relay-server
# JAR picks another jar. The relay is pinned to core 0 and stopped by pid.
set -euo pipefail
FLAGS=${1:?usage: idle-rss.sh "<jvm flags>"|launcher [label]}
LABEL=${2:-relay}
JAR=${JAR:-relay-server/target/relay-server.jar}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DIR=$(mktemp -d /tmp/idle-rss.XXXXXX)
PORT=${PORT:-19485}
args=(serve --no-auth --data-dir "$DIR/data" --bind 127.0.0.1 --port "$PORT" --metrics-port -1)
if [[ $FLAGS == launcher ]]; then
  RELAY_JAR=$JAR taskset -c 0 relay-server/bin/relay-server "${args[@]}" >"$DIR/relay.log" 2>&1 &
else
  # shellcheck disable=SC2086 # FLAGS is a list of JVM flags
  taskset -c 0 "$JAVA_HOME/bin/java" -XX:+ExitOnOutOfMemoryError $FLAGS -jar "$JAR" "${args[@]}" \
    >"$DIR/relay.log" 2>&1 &
fi
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$DIR"' EXIT INT TERM
for _ in $(seq 200); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.05; done
sleep 5
echo "$LABEL: idle RSS $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status") MB"
