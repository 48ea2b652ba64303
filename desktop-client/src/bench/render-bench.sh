#!/usr/bin/env bash
# Canvas rendering figures (issue 7) in a real 1920x1080 window on the software pipeline.
# Starts Xvfb on :97, runs dev.drawbridge.client.ui.bench.RenderBenchmark from the test class
# path, and stops Xvfb again. Run from anywhere: desktop-client/src/bench/render-bench.sh
# Options go in BENCH_JAVA_OPTS: -Dbench.only=zoom,fit (scenario filter; -Dbench.only=photos runs
# only the 200-photo board of issue 15, PhotoScenario), -Dbench.values=true (every
# sample in order), -Dbench.coldOnly=true (zoom/fit: only the cold rows, i.e. levels neither cached
# nor pre-rendered: BoardCanvas.setZoomCache(false)), -Dbench.split=true, -Dbench.shot=MS
# -Dbench.shotZoom=fit|1.5 (hold the window for a screenshot). BENCH_DISPLAY=N uses another display.
set -euo pipefail
cd "$(dirname "$0")/../../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DISPLAY_NO="${BENCH_DISPLAY:-97}"

if ! command -v Xvfb >/dev/null || ! dpkg -s libgtk-3-0 libxtst6 >/dev/null 2>&1; then
  apt-get install -y xvfb libgtk-3-0 libxtst6
fi

Xvfb ":${DISPLAY_NO}" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  [ -e "/tmp/.X11-unix/X${DISPLAY_NO}" ] && break
  sleep 0.1
done
if ! kill -0 "$XVFB_PID" 2>/dev/null; then
  echo "Xvfb could not start on :${DISPLAY_NO} (in use? set BENCH_DISPLAY)" >&2
  exit 1
fi

# The exec plugin's java gets these through JAVA_TOOL_OPTIONS (the pom fixes its arguments; its
# memory options, the installers' own, come after these and win: docs/performance.md, "Pictures").
export JAVA_TOOL_OPTIONS="-Dprism.order=sw -Djavafx.animation.fullspeed=true -Xmx1g ${BENCH_JAVA_OPTS:-}"
DISPLAY=":${DISPLAY_NO}" ./mvnw -q -pl desktop-client -am test-compile exec:exec \
  -Dexec.classpathScope=test -Dapp.mainClass=dev.drawbridge.client.ui.bench.RenderBenchmark \
  -Dspotless.check.skip=true "$@" 2>&1 | grep -v '^Picked up JAVA_TOOL_OPTIONS'
