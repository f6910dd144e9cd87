#!/usr/bin/env bash
# Live fan-out on loopback: 2,000 open SSE streams (background), then the time from an adviser's
# request to the event on the asker's and the panel's streams (p50/p99), and the server's heap
# per 1,000 open streams. See docs/PERFORMANCE.md.
# Usage: scripts/perf-live.sh [streams] [rounds]   (default 2000 streams, 100 rounds)
source "$(dirname "$0")/baton-for-benchmarks.sh"
port=18083
export BATON_ADMIN_TOKEN=$admin # LiveLoad lists the people with it
start_baton $port
java -cp "$classpath" org.baton.bench.LiveLoad "http://localhost:$port" "${1:-2000}" "${2:-100}" "$server"
