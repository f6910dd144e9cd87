#!/usr/bin/env bash
# Recording decisions with 1, 2 and 4 Baton servers on one PostgreSQL (the first server's
# embedded one; the others connect to it as the application's role, share its witness directory
# and tell each other through LISTEN/NOTIFY), each client sending to the servers in turn, against
# pgbench single-row inserts with as many clients on the same database in the same run.
# Usage: scripts/perf-servers.sh [seconds] [clients]   (default 20 s, 16 clients)
source "$(dirname "$0")/baton-for-benchmarks.sh"
seconds=${1:-20}
clients=${2:-16}
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }

start_baton 18101 BATON_LIVE_BUS=postgres
app_password=$(sed -n 's/^app-password=//p' "$home/postgres/credentials.properties")
bases="http://localhost:18101"
for port in 18102 18103 18104; do
  mkdir -p "$home/server-$port"
  env BATON_HOME="$home/server-$port" BATON_DEMO=false BATON_LIVE_BUS=postgres \
    BATON_WITNESS_DIRECTORY="$home/witness" BATON_ADMIN_TOKEN="$admin" SERVER_PORT=$port \
    SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$db_port/baton" \
    SPRING_DATASOURCE_USERNAME=baton_app SPRING_DATASOURCE_PASSWORD="$app_password" \
    java -jar "$jar" >"$home/server-$port.log" 2>&1 &
  bases="$bases,http://localhost:$port"
done
for port in 18102 18103 18104; do
  until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.5; done
done

member=$(member_token 18101 henry@example.com)

for n in 1 2 4; do
  java -cp "$classpath" org.baton.bench.ServersLoad "$(echo "$bases" | cut -d, -f1-$n)" "$member" "$clients" "$seconds" 2>"$home/errors-$n.log"
  echo "  errors logged: $(wc -l <"$home/errors-$n.log")"
done

export PGPASSWORD=$db_password
psql -q -h localhost -p "$db_port" -U postgres baton -c "create table if not exists bench_insert (id bigserial primary key, note text not null, at timestamptz not null default now())"
echo "insert into bench_insert (note) values ('a single-row insert');" >"$home/insert.sql"
tps=$(pgbench -n -h localhost -p "$db_port" -U postgres -c "$clients" -j 2 -T "$seconds" -f "$home/insert.sql" baton 2>/dev/null | grep -o 'tps = [0-9.]*' | head -1)
echo "pgbench single-row insert, $clients clients, same PostgreSQL: $tps"
echo "chain after the load: $(curl -s -H "Authorization: Bearer $admin" "http://localhost:18104/api/v1/decisions/verify")"
