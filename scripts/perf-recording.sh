#!/usr/bin/env bash
# Recording decisions in process (hash chain included) vs pgbench single-row inserts on the
# same embedded PostgreSQL, same number of clients, same run. See docs/PERFORMANCE.md.
# Usage: scripts/perf-recording.sh [seconds] [clients]   (default 10 s, 8 clients)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
./mvnw -q -Pbench test-compile >/dev/null
cp=$(./mvnw -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java -cp "target/classes:target/test-classes:$cp" org.baton.bench.RecordingLoad "${1:-10}" "${2:-8}" 2>&1 \
  | grep -E "^(recording|pgbench)"
