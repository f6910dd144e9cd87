# Sourced by the perf scripts: builds Baton and its benchmarks, starts a fresh Baton on its own
# embedded database in a temporary BATON_HOME (removed on exit), and waits until it is ready.
#
#   start_baton PORT [NAME=VALUE ...]   the extra environment for the server
#   member_token PORT EMAIL              a demo person's own API token, made as they would
#
# Sets: home, jar, server (its pid), classpath (main, benchmark and test classes with every
# dependency), admin (the operator token), db_port and db_password (the database's owner).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

admin=perf-admin-token-0123456789
home=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; sleep 2; rm -rf "$home"' EXIT

start_baton() {
  local port=$1
  shift
  ./mvnw -q -DskipTests package >/dev/null
  ./mvnw -q -Pbench test-compile >/dev/null
  ./mvnw -q -Pbench dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$home/cp.txt" >/dev/null
  classpath="target/test-classes:target/classes:$(cat "$home/cp.txt")"
  jar=$(ls target/baton-*.jar | grep -v plain | head -1)
  env BATON_HOME="$home" BATON_ADMIN_TOKEN="$admin" SERVER_PORT="$port" "$@" \
    java -jar "$jar" >"$home/run.log" 2>&1 &
  server=$!
  until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.2; done
  local pid
  pid=$(find "$home" -name postmaster.pid | head -1)
  db_port=$(sed -n 4p "$pid")
  db_password=$(sed -n 's/^owner-password=//p' "$home/postgres/credentials.properties")
}

# A demo person's own API token, made as they would: sign in, then POST /api/v1/me/tokens with
# the page's CSRF token. Prints the secret.
member_token() {
  local port=$1 email=$2 cookies="$home/cookies-$2" csrf
  csrf=$(curl -s -c "$cookies" "http://localhost:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -b "$cookies" -c "$cookies" -o /dev/null -d "username=$email&password=baton-demo&_csrf=$csrf" "http://localhost:$port/login"
  csrf=$(curl -s -b "$cookies" "http://localhost:$port/me/tokens" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -b "$cookies" -H "X-CSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
    -d '{"name":"load test"}' "http://localhost:$port/api/v1/me/tokens" | sed 's/.*"secret":"\([^"]*\)".*/\1/'
}
