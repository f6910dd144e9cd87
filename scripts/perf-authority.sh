#!/usr/bin/env bash
# HTTP on loopback for the authority check and the decision record (docs/PERFORMANCE.md):
#  - the check with an API token vs a trivial authenticated endpoint, closed loop;
#  - the check's p50/p99 in an open loop at half its maximum throughput;
#  - recording decisions (hash chain included) vs pgbench single-row inserts on the same
#    PostgreSQL with the same number of clients.
# Usage: scripts/perf-authority.sh [seconds] [workers]   (default 10 s, 8 workers)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
workers=${2:-8}
port=18082
token=perf-admin-token-0123456789
home=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; sleep 2; rm -rf "$home"' EXIT
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }

./mvnw -q -DskipTests package >/dev/null
./mvnw -q -Pbench test-compile >/dev/null
cp=$(./mvnw -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
jar=$(ls target/baton-*.jar | grep -v plain | head -1)
BATON_HOME="$home" BATON_ADMIN_TOKEN=$token SERVER_PORT=$port java -jar "$jar" >"$home/run.log" 2>&1 &
until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.2; done

# Henry's own token, created as Henry would: sign in, then POST /api/v1/me/tokens with CSRF.
jar_cookies="$home/cookies"
csrf=$(curl -s -c "$jar_cookies" "http://localhost:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$jar_cookies" -c "$jar_cookies" -o /dev/null -d "username=henry@example.com&password=baton-demo&_csrf=$csrf" "http://localhost:$port/login"
csrf=$(curl -s -b "$jar_cookies" "http://localhost:$port/me/tokens" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
member=$(curl -s -b "$jar_cookies" -H "X-CSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"load test"}' "http://localhost:$port/api/v1/me/tokens" | sed 's/.*"secret":"\([^"]*\)".*/\1/')

java -cp "target/test-classes:$cp" org.baton.bench.HttpLoad "http://localhost:$port" "$token" "$member" "$seconds" "$workers"

pgport=$(sed -n 4p "$home/postgres/data/postmaster.pid")
# the embedded database asks for a password: the owner's, generated under BATON_HOME
PGPASSWORD=$(sed -n 's/^owner-password=//p' "$home/postgres/credentials.properties")
export PGPASSWORD
psql -q -h localhost -p "$pgport" -U postgres baton -c "create table if not exists bench_insert (id bigserial primary key, note text not null, at timestamptz not null default now())"
echo "insert into bench_insert (note) values ('a single-row insert');" >"$home/insert.sql"
tps=$(pgbench -n -h localhost -p "$pgport" -U postgres -c "$workers" -j 2 -T "$seconds" -f "$home/insert.sql" baton 2>/dev/null | grep -o 'tps = [0-9.]*' | head -1)
echo "pgbench single-row insert, $workers clients, same PostgreSQL: $tps"
verified=$(curl -s -H "Authorization: Bearer $token" "http://localhost:$port/api/v1/decisions/verify")
echo "chain after the load: $verified"
