#!/usr/bin/env bash
# Insights at scale (docs/PERFORMANCE.md): 10,000 people in 100 teams, 1,000,000 decisions,
# 5,000,000 checks, 100,000 initiatives and 100,000 advice requests written into a fresh Baton's
# database; the insights follower's catch-up, then p50/p95 of every insights page and API and of a
# home with 1,000 waiting items against GET /actuator/health, over loopback in the same run.
# Usage: scripts/perf-insights.sh [people] [decisions] [checks] [initiatives] [advice] [requests]
#        (default 10000 1000000 5000000 100000 100000 300)
set -euo pipefail
cd "$(dirname "$0")/.."
port=18088
admin=perf-admin-token-0123456789
home=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; sleep 2; rm -rf "$home"' EXIT

./mvnw -q -DskipTests package >/dev/null
./mvnw -q -Pbench test-compile >/dev/null
./mvnw -q dependency:build-classpath -Dmdep.outputFile="$home/cp.txt" >/dev/null
jar=$(ls target/baton-*.jar | grep -v plain | head -1)
# growth's follower paused: it would count the same million decisions meanwhile
BATON_HOME="$home" BATON_ADMIN_TOKEN=$admin SERVER_PORT=$port BATON_GROWTH_POLL=PT1H \
  java -jar "$jar" >"$home/run.log" 2>&1 &
until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.2; done

pid=$(find "$home" -name postmaster.pid | head -1)
db_port=$(sed -n 4p "$pid")
password=$(sed -n 's/^owner-password=//p' "$home/postgres/credentials.properties")
java -cp "target/test-classes:$(cat "$home/cp.txt")" org.baton.bench.InsightsLoad \
  "http://localhost:$port" "$admin" "jdbc:postgresql://localhost:$db_port/baton" \
  postgres "$password" "$@"
