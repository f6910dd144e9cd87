#!/usr/bin/env bash
# Long lists read by key (docs/PERFORMANCE.md): 1,000,000 decisions and 120,000 each of
# initiatives, advice requests (Sam on every panel), report-outs and a round's contributions written
# into a fresh Baton's database; then p50/p95 of page 1 and of page 5,000 of each list, signed in as
# Sam, against GET /actuator/health, over loopback in the same run.
# Usage: scripts/perf-paging.sh [decisions] [others] [requests]   (default 1000000 120000 300)
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
java -cp "target/test-classes:target/classes:$(cat "$home/cp.txt")" org.baton.bench.PagingLoad \
  "http://localhost:$port" "$admin" "jdbc:postgresql://localhost:$db_port/baton" \
  postgres "$password" "$@"
