#!/usr/bin/env bash
# A soak on loopback (docs/PERFORMANCE.md): 1,000 open SSE streams and a mixed load (checks,
# decisions, lists, advice asked and left open) for 10 minutes after a minute of warm-up; p50/p99
# per minute and the last minute's p99 against the first's.
# Usage: scripts/perf-soak.sh [minutes] [streams] [workers]   (default 10 1000 8)
source "$(dirname "$0")/baton-for-benchmarks.sh"
port=18089
export BATON_ADMIN_TOKEN=$admin # SoakLoad lists the people with it
start_baton $port
java -cp "$classpath" org.baton.bench.SoakLoad "http://localhost:$port" \
  "${1:-10}" "${2:-1000}" "${3:-8}"
