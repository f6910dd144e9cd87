#!/usr/bin/env bash
# Growth at scale (docs/PERFORMANCE.md): 10,000 people, 500 decision types and 1,000,000 decisions
# written into a fresh Baton's database; the time to rebuild every track record against one scan
# of the same decisions, and p50/p95 of a busy clerk's track-record page against
# GET /actuator/health, over loopback in the same run.
# Usage: scripts/perf-growth.sh [people] [types] [decisions] [requests]
#        (default 10000 500 1000000 300)
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-10000}
types=${2:-500}
decisions=${3:-1000000}
requests=${4:-300}
port=18087
admin=perf-admin-token-0123456789
home=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; sleep 2; rm -rf "$home"' EXIT

./mvnw -q -DskipTests package >/dev/null
./mvnw -q -Pbench test-compile >/dev/null
./mvnw -q dependency:build-classpath -Dmdep.outputFile="$home/cp.txt" >/dev/null
jar=$(ls target/baton-*.jar | grep -v plain | head -1)
# the follower paused, so that the rebuild is timed alone
BATON_HOME="$home" BATON_ADMIN_TOKEN=$admin SERVER_PORT=$port BATON_GROWTH_POLL=PT1H \
  java -jar "$jar" >"$home/run.log" 2>&1 &
until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.2; done

pid=$(find "$home" -name postmaster.pid | head -1)
db_port=$(sed -n 4p "$pid")
password=$(sed -n 's/^owner-password=//p' "$home/postgres/credentials.properties")
java -cp "target/test-classes:$(cat "$home/cp.txt")" org.baton.bench.GrowthLoad \
  "http://localhost:$port" "$admin" "jdbc:postgresql://localhost:$db_port/baton" \
  postgres "$password" "$people" "$types" "$decisions" "$requests"
# how each rebuild split between reading and counting, and writing (the server logs its phases)
grep -o 'Rebuilt .*' "$home/run.log" || true
