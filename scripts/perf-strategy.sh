#!/usr/bin/env bash
# A dialogue round of 10,000 contributions (50,000 supports, 20,000 comments) and a key figure with
# ten years of daily values, over loopback (docs/PERFORMANCE.md): p50/p95 of the round's page and
# its API list (first page, by support, one theme) and of the figure's chart data, against
# GET /actuator/health in the same run.
# Usage: scripts/perf-strategy.sh [requests-per-endpoint]   (default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-300}
port=18086
admin=perf-admin-token-0123456789
home=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; sleep 2; rm -rf "$home"' EXIT

./mvnw -q -DskipTests package >/dev/null
./mvnw -q -Pbench test-compile >/dev/null
./mvnw -q dependency:build-classpath -Dmdep.outputFile="$home/cp.txt" >/dev/null
jar=$(ls target/baton-*.jar | grep -v plain | head -1)
BATON_HOME="$home" BATON_ADMIN_TOKEN=$admin SERVER_PORT=$port java -jar "$jar" >"$home/run.log" 2>&1 &
until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.2; done

pid=$(find "$home" -name postmaster.pid | head -1)
db_port=$(sed -n 4p "$pid")
password=$(sed -n 's/^owner-password=//p' "$home/postgres/credentials.properties")
java -cp "target/test-classes:$(cat "$home/cp.txt")" org.baton.bench.StrategyLoad \
  "http://localhost:$port" "$admin" "jdbc:postgresql://localhost:$db_port/baton?reWriteBatchedInserts=true" \
  postgres "$password" "$requests"
