#!/usr/bin/env bash
# The learning library and similar learnings on a generated corpus of 100,000 reviews and
# 100,000 report-outs, over loopback with an API token (docs/PERFORMANCE.md): p50/p95 of search
# and similar-learnings calls against GET /actuator/health in the same run, the time to write the
# corpus (the search vectors are kept by PostgreSQL on every insert), the indexes' size, and the
# check's answer time before and after.
# Usage: scripts/perf-learning.sh [rows-of-each] [requests-per-query]   (default 100000, 200)
source "$(dirname "$0")/baton-for-benchmarks.sh"
port=18084
start_baton $port
# The generator writes as the database's owner, as a migration would.
java -cp "$classpath" org.baton.bench.LearningLoad \
  "http://localhost:$port" "$admin" "jdbc:postgresql://localhost:$db_port/baton?reWriteBatchedInserts=true" \
  postgres "$db_password" "$@"
