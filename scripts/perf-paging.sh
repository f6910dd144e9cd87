#!/usr/bin/env bash
# Long lists read by key (docs/PERFORMANCE.md): 1,000,000 decisions and 120,000 each of
# initiatives, advice requests (Sam on every panel), report-outs and a round's contributions written
# into a fresh Baton's database; then p50/p95 of page 1 and of page 5,000 of each list, signed in as
# Sam, against GET /actuator/health, over loopback in the same run.
# Usage: scripts/perf-paging.sh [decisions] [others] [requests]   (default 1000000 120000 300)
source "$(dirname "$0")/baton-for-benchmarks.sh"
port=18088
# growth's follower paused: it would count the same million decisions meanwhile
start_baton $port BATON_GROWTH_POLL=PT1H
java -cp "$classpath" org.baton.bench.PagingLoad \
  "http://localhost:$port" "$admin" "jdbc:postgresql://localhost:$db_port/baton" \
  postgres "$db_password" "$@"
