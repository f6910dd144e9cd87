#!/usr/bin/env bash
# Digests and webhooks under load over loopback (docs/PERFORMANCE.md): a daily digest for
# 10,000 people into a real SMTP server, and 20,000 webhook deliveries to one loopback receiver,
# each with the p95 of a main list meanwhile against the same list idle, in the same run.
# Usage: scripts/perf-notifications.sh [people] [deliveries]   (default 10000 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -DskipTests -Pbench test-compile >/dev/null
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
java -cp "target/classes:target/test-classes:$(cat "$cp_file")" org.baton.bench.NotificationLoad "${1:-10000}" "${2:-20000}"
