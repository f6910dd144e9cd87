#!/usr/bin/env bash
# The learning library and similar learnings on a generated corpus of 100,000 reviews and
# 100,000 report-outs, over loopback with an API token (docs/PERFORMANCE.md): p50/p95 of search
# and similar-learnings calls against GET /actuator/health in the same run, the time to write the
# corpus (the search vectors are kept by PostgreSQL on every insert), the indexes' size, and the
# check's answer time before and after.
# Usage: scripts/perf-learning.sh [rows-of-each] [requests-per-query]   (default 100000, 200)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
requests=${2:-200}
port=18084
admin=perf-admin-token-0123456789
home=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; sleep 2; rm -rf "$home"' EXIT

./mvnw -q -DskipTests package >/dev/null
./mvnw -q -Pbench test-compile >/dev/null
./mvnw -q dependency:build-classpath -Dmdep.outputFile="$home/cp.txt" >/dev/null
jar=$(ls target/baton-*.jar | grep -v plain | head -1)
BATON_HOME="$home" BATON_ADMIN_TOKEN=$admin SERVER_PORT=$port java -jar "$jar" >"$home/run.log" 2>&1 &
until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.2; done

# The embedded database: its port from the postmaster's pid file, the owner's password from
# BATON_HOME (the generator writes as the owner, as a migration would).
pid=$(find "$home" -name postmaster.pid | head -1)
db_port=$(sed -n 4p "$pid")
password=$(sed -n 's/^owner-password=//p' "$home/postgres/credentials.properties")
java -cp "target/test-classes:$(cat "$home/cp.txt")" org.baton.bench.LearningLoad \
  "http://localhost:$port" "$admin" "jdbc:postgresql://localhost:$db_port/baton?reWriteBatchedInserts=true" \
  postgres "$password" "$rows" "$requests"
