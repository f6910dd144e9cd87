#!/usr/bin/env bash
# Live fan-out on loopback: 2,000 open SSE streams (background), then the time from an adviser's
# request to the event on the asker's and the panel's streams (p50/p99), and the server's heap
# per 1,000 open streams. See docs/PERFORMANCE.md.
# Usage: scripts/perf-live.sh [streams] [rounds]   (default 2000 streams, 100 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
port=18083
export BATON_ADMIN_TOKEN=perf-admin-token-0123456789
home=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; sleep 2; rm -rf "$home"' EXIT
./mvnw -q -DskipTests package >/dev/null
./mvnw -q -Pbench test-compile >/dev/null
cp=$(./mvnw -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
jar=$(ls target/baton-*.jar | grep -v plain | head -1)
BATON_HOME="$home" SERVER_PORT=$port java -jar "$jar" >"$home/run.log" 2>&1 &
server=$!
until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.2; done
java -cp "target/test-classes:$cp" org.baton.bench.LiveLoad "http://localhost:$port" "${1:-2000}" "${2:-100}" "$server"
