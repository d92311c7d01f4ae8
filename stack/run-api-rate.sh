#!/bin/sh
# The API's own rate, closed-loop, beside a trivial authenticated endpoint of the same service (see ApiRateBenchmark).
#   stack/run-api-rate.sh                 16 workers, 20 s per endpoint, after building the services (no tests)
#   stack/run-api-rate.sh 32 30 --no-build
set -e
cd "$(dirname "$0")/.."
workers="${1:-16}"
seconds="${2:-20}"
if [ "${3:-}" != "--no-build" ]; then
  ./mvnw -q install -DskipTests
fi
exec ./mvnw -q -pl stack exec:exec -Dalliancepulse.main=org.alliancepulse.stack.ApiRateBenchmark \
  -Dalliancepulse.local.args="$workers $seconds"
