#!/bin/sh
# Latency under load: feedback through the HTTP API at steady rates, open-loop, on the real local stack
# (see LoadLatencyBenchmark); prints percentiles to AlertRaised and to the email, and each service's memory.
#   stack/run-load.sh                 50/s and 500/s, 60 s each, after building the services (no tests)
#   stack/run-load.sh 50,200 30       other rates and duration
#   stack/run-load.sh 50,500 60 --no-build
set -e
cd "$(dirname "$0")/.."
rates="${1:-50,500}"
seconds="${2:-60}"
if [ "${3:-}" != "--no-build" ]; then
  ./mvnw -q install -DskipTests
fi
exec ./mvnw -q -pl stack exec:exec -Dalliancepulse.main=org.alliancepulse.stack.LoadLatencyBenchmark \
  -Dalliancepulse.local.args="$rates $seconds" -Dalliancepulse.stack.heap=2g
