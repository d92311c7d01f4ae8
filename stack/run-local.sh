#!/bin/sh
# Runs the whole Alliance Pulse system on this machine, without Docker: a Kafka broker, PostgreSQL, an SMTP server
# with a mail page, Keycloak with the demo realm, and the four services as separate processes, with demo data.
# Needs only a JDK 17+ (and, on the first run, network access to Maven Central). Ctrl-C stops everything.
#
#   stack/run-local.sh                  build (no tests), then run
#   stack/run-local.sh --no-build       run what was built last time
#   stack/run-local.sh --no-demo-data   start without the demo data
set -e
cd "$(dirname "$0")/.."
build=yes
for arg in "$@"; do
  case "$arg" in
    --no-build) build=no ;;
    --no-demo-data) demo="--no-demo-data" ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
if [ "$build" = yes ]; then
  ./mvnw -q install -DskipTests
fi
exec ./mvnw -q -pl stack exec:exec -Dalliancepulse.local.args="${demo:-}"
