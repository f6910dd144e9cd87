#!/usr/bin/env bash
# SCIM provisioning on loopback (docs/PERFORMANCE.md): 10,000 users, one lookup and one create
# each as identity providers send them, against as many trivial authenticated SCIM calls.
# Usage: scripts/perf-scim.sh [users] [workers]   (default 10000 users, 4 workers)
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-10000}
workers=${2:-4}
port=18083
admin=perf-admin-token-0123456789
home=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; sleep 2; rm -rf "$home"' EXIT

./mvnw -q -DskipTests package >/dev/null
./mvnw -q -Pbench test-compile >/dev/null
jar=$(ls target/baton-*.jar | grep -v plain | head -1)
BATON_HOME="$home" BATON_ADMIN_TOKEN=$admin SERVER_PORT=$port java -jar "$jar" >"$home/run.log" 2>&1 &
until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.2; done

# The identity provider's token: an admin creates it with the permission scim.
scim=$(curl -s -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"name":"identity provider","permissions":["scim"]}' \
  "http://localhost:$port/api/v1/me/tokens" | sed 's/.*"secret":"\([^"]*\)".*/\1/')

java -cp target/test-classes org.baton.bench.ScimLoad "http://localhost:$port" "$scim" "$users" "$workers"
