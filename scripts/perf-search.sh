#!/usr/bin/env bash
# People search on a generated organisation of 10,000 people, over HTTP on loopback with an API
# token: p50/p95 latency of searches, against GET /actuator/health on the same server in the
# same run as the baseline. Also times the import of the 10,000-person CSV through the API.
# Usage: scripts/perf-search.sh [requests-per-query]   (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
per_query=${1:-50}
port=18081
token=perf-admin-token-0123456789
home=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$home"' EXIT

./mvnw -q -o -DskipTests package >/dev/null
jar=$(ls target/baton-*.jar | grep -v plain | head -1)
BATON_HOME="$home" BATON_ADMIN_TOKEN=$token SERVER_PORT=$port java -jar "$jar" >"$home/run.log" 2>&1 &
until curl -sf -o /dev/null "http://localhost:$port/actuator/health"; do sleep 0.2; done

# 10,000 people in 100 teams under 10 departments, each with one or two of 8 perspectives.
csv="$home/org.csv"
perspectives=(Finance Quality "Production engineering" "Customer service" Safety Legal "R&D" Logistics)
titles=(Operator Clerk Engineer Analyst Inspector Technician Manager Planner)
{
  echo "email,name,title,team,parent_team,team_leader,perspectives,location,phone"
  for i in $(seq 0 9999); do
    team=$((i % 100)); dept=$((team % 10))
    p1=${perspectives[$((i % 8))]}; p2=${perspectives[$(((i / 8) % 8))]}
    leader=""; [ $i -lt 100 ] && leader=yes
    echo "p$i@perf.example,Person$i Surname$((i % 997)),${titles[$((i % 8))]},Team $team,Department $dept,$leader,$p1;$p2,Site $((i % 5)),"
  done
} >"$csv"

t0=$(date +%s.%N)
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" -H "Content-Type: text/csv" \
  --data-binary @"$csv" "http://localhost:$port/api/v1/imports"
import_s=$(echo "$(date +%s.%N) - $t0" | bc)

measure() { # url → one latency in ms per line
  for _ in $(seq 1 "$per_query"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$1"
  done | awk '{ printf "%.3f\n", $1 * 1000 }'
}
pct() { sort -n | awk -v p="$1" '{ a[NR] = $1 } END { i = int(NR * p / 100); if (i < 1) i = 1; print a[i] }'; }

# warm-up
measure "http://localhost:$port/api/v1/people?q=person" >/dev/null

base="$home/base.txt"; search="$home/search.txt"
measure "http://localhost:$port/actuator/health" >"$base"
for q in finance "surname42" "quality+engineer" person9 "r%26d" zzz-nobody; do
  measure "http://localhost:$port/api/v1/people?q=$q&size=20"
done >"$search"

b50=$(pct 50 <"$base"); b95=$(pct 95 <"$base")
s50=$(pct 50 <"$search"); s95=$(pct 95 <"$search")
echo "import of 10,000 people through the API: ${import_s} s"
printf "endpoint\tp50 (ms)\tp95 (ms)\n"
printf "GET /actuator/health (baseline)\t%s\t%s\n" "$b50" "$b95"
printf "GET /api/v1/people?q=… (search)\t%s\t%s\n" "$s50" "$s95"
printf "search / baseline\t%.2f\t%.2f\n" "$(echo "$s50 / $b50" | bc -l)" "$(echo "$s95 / $b95" | bc -l)"
