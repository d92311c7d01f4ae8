#!/bin/sh
# Benchmarks on the real local stack (see docs/benchmarks.md).
#   stack/run-benchmark.sh all             the five of issue 11 on one stack (~17 min), after building the services
#                                          (no tests); appends the reports to docs/benchmarks.md
#   stack/run-benchmark.sh all --no-build  the same from a built checkout
#   stack/run-benchmark.sh all 200000      with a smaller analytics backlog than the default 1,000,000 events
#   stack/run-benchmark.sh                 the feedback-to-email path, one request at a time, 50 samples
#   stack/run-benchmark.sh 200 --no-build  the same, 200 samples, no build
set -e
cd "$(dirname "$0")/.."
build=yes
for arg in "$@"; do
  [ "$arg" = "--no-build" ] && build=no
done
if [ "$build" = yes ]; then
  ./mvnw -q install -DskipTests
fi
if [ "${1:-}" = "all" ]; then
  events="${2:-}"
  [ "$events" = "--no-build" ] && events=""
  exec ./mvnw -q -pl stack exec:exec -Dalliancepulse.main=org.alliancepulse.stack.AllBenchmarks \
    -Dalliancepulse.local.args="$events" -Dalliancepulse.stack.heap=4g
fi
samples="${1:-50}"
[ "$samples" = "--no-build" ] && samples=50
exec ./mvnw -q -pl stack exec:exec -Dalliancepulse.main=org.alliancepulse.stack.PathLatencyBenchmark \
  -Dalliancepulse.local.args="$samples"
