#!/usr/bin/env bash
# A soak on loopback (docs/PERFORMANCE.md): 1,000 open SSE streams and a mixed load (checks,
# decisions, lists, advice asked and left open) for 10 minutes after a minute of warm-up; p50/p99
# per minute and the last minute's p99 against the first's.
# Usage: scripts/perf-soak.sh [minutes] [streams] [workers]   (default 10 1000 8)
set -euo pipefail
cd "$(dirname "$0")/.."
port=18089
export BATON_ADMIN_TOKEN=perf-admin-token-0123456789
home=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; sleep 2; rm -rf "$home"' EXIT
./mvnw -q -DskipTests package >/dev/null
./mvnw -q -Pbench test-compile >/dev/null
cp=$(./mvnw -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
jar=$(ls target/baton-*.jar | grep -v plain | head -1)
BATON_HOME="$home" SERVER_PORT=$port java -jar "$jar" >"$home/run.log" 2>&1 &
until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.2; done
java -cp "target/test-classes:$cp" org.baton.bench.SoakLoad "http://localhost:$port" \
  "${1:-10}" "${2:-1000}" "${3:-8}"
