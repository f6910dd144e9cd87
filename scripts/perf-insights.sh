#!/usr/bin/env bash
# Insights at scale (docs/PERFORMANCE.md): 10,000 people in 100 teams, 1,000,000 decisions,
# 5,000,000 checks, 100,000 initiatives and 100,000 advice requests written into a fresh Baton's
# database; the insights follower's catch-up, then p50/p95 of every insights page and API and of a
# home with 1,000 waiting items against GET /actuator/health, over loopback in the same run.
# Usage: scripts/perf-insights.sh [people] [decisions] [checks] [initiatives] [advice] [requests]
#        (default 10000 1000000 5000000 100000 100000 300)
source "$(dirname "$0")/baton-for-benchmarks.sh"
port=18088
# growth's follower paused: it would count the same million decisions meanwhile
start_baton $port BATON_GROWTH_POLL=PT1H
java -cp "$classpath" org.baton.bench.InsightsLoad \
  "http://localhost:$port" "$admin" "jdbc:postgresql://localhost:$db_port/baton" \
  postgres "$db_password" "$@"
