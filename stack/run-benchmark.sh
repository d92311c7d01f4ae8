#!/bin/sh
# Measures the feedback-to-email path on the real local stack (see PathLatencyBenchmark); prints percentiles.
#   stack/run-benchmark.sh            50 samples, after building the services (no tests)
#   stack/run-benchmark.sh 200        200 samples
#   stack/run-benchmark.sh 50 --no-build
set -e
cd "$(dirname "$0")/.."
samples="${1:-50}"
if [ "${2:-}" != "--no-build" ]; then
  ./mvnw -q install -DskipTests
fi
exec ./mvnw -q -pl stack exec:exec -Dalliancepulse.main=org.alliancepulse.stack.PathLatencyBenchmark \
  -Dalliancepulse.local.args="$samples"
