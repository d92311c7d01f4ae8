#!/bin/sh
# Measures how fast the analytics service takes in a network's events (catch-up and rebuild) beside this machine's
# plain Kafka consume and PostgreSQL batch-upsert rates, on the real local stack (see ThroughputBenchmark).
#   stack/run-throughput.sh                1,000,000 events, after building the services (no tests)
#   stack/run-throughput.sh 200000         fewer events
#   stack/run-throughput.sh 200000 --no-build
set -e
cd "$(dirname "$0")/.."
events="${1:-1000000}"
if [ "${2:-}" != "--no-build" ]; then
  ./mvnw -q install -DskipTests
fi
exec ./mvnw -q -pl stack exec:exec -Dalliancepulse.main=org.alliancepulse.stack.throughput.ThroughputBenchmark \
  -Dalliancepulse.local.args="$events" -Dalliancepulse.stack.heap=4g
