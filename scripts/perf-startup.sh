#!/usr/bin/env bash
# Time from the README's run command to the first page, on a first start (empty BATON_HOME:
# initdb, migrations, demo organisation) and on a restart of the same home. As a baseline from
# the same run: a Maven no-op through the same wrapper (./mvnw -q -o validate), the part of the
# run command that is tooling, not Baton.
# Usage: scripts/perf-startup.sh [runs]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=18080
home=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$home"' EXIT

./mvnw -q -o -DskipTests compile >/dev/null

now() { date +%s.%N; }

start_and_wait() {
  local t0 pid
  t0=$(now)
  BATON_HOME="$home" SERVER_PORT=$port ./mvnw -q -o spring-boot:run >"$home/run.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$port/login"; do
    sleep 0.1
    kill -0 $pid 2>/dev/null || { echo "Baton did not start; see $home/run.log" >&2; exit 1; }
  done
  echo "$(now) - $t0" | bc
  kill $pid
  wait $pid 2>/dev/null || true
  # make sure the embedded PostgreSQL is gone before the next start
  while pgrep -f "$home/postgres" >/dev/null; do sleep 0.1; done
}

baseline() {
  local t0
  t0=$(now)
  ./mvnw -q -o validate >/dev/null
  echo "$(now) - $t0" | bc
}

printf "run\tmaven no-op (s)\tfirst start (s)\trestart (s)\n"
for i in $(seq 1 "$runs"); do
  rm -rf "${home:?}"/*
  b=$(baseline)
  first=$(start_and_wait)
  again=$(start_and_wait)
  printf "%d\t%.2f\t%.2f\t%.2f\n" "$i" "$b" "$first" "$again"
done
