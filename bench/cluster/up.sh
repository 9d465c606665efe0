#!/usr/bin/env bash
# A two-node Pathways cluster on this machine, without Docker: PostgreSQL (Debian's), two nodes (java -jar, profiles
# postgres,cluster,demo) and nginx (Debian's nginx-light) with deploy/nginx/pathways.conf, on http://localhost:8081.
# Ctrl-C stops the nodes and nginx; the database (pathways_cluster) is kept.
#   bash bench/cluster/up.sh              PROXY_PORT (8081), NODES (2)
WORK=${WORK:-$(cd "$(dirname "$0")/../.." && pwd)/target/cluster-local}
source "$(dirname "$0")/lib.sh"
PROXY_PORT=${PROXY_PORT:-8081}; NODES=${NODES:-2}

version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
[ -n "$version" ] || { as_root apt-get install -y -qq postgresql >/dev/null && version=$(ls /etc/postgresql | sort -n | tail -1); }
as_root pg_ctlcluster "$version" main start 2>/dev/null || true
for i in $(seq 1 30); do as_root su postgres -c "pg_isready -q" && break; sleep 1; done
as_root su postgres -c "psql -tAc \"select 1 from pg_roles where rolname = '$PGUSER_'\"" | grep -q 1 \
  || as_root su postgres -c "psql -qc \"create role $PGUSER_ login password '$PGPASSWORD'\""
as_root su postgres -c "psql -tAc \"select 1 from pg_database where datname = '$DB'\"" | grep -q 1 \
  || as_root su postgres -c "psql -qc 'create database $DB owner $PGUSER_'"
need_jar

stop_all() { local n; for n in $(seq 1 "$NODES"); do stop_node "$n"; done; stop_proxy; }
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT
ports=()
for n in $(seq 1 "$NODES"); do
  port=$((18180 + n)); ports+=("$port")
  log "starting node-$n on 127.0.0.1:$port (log: $WORK/node-$n.log)"
  start_node "$n" "$port" || exit 2
  wait_up "$port" || exit 2   # one after the other: the first creates the schema on an empty database
done
start_proxy "$PROXY_PORT" "${ports[@]}" || exit 2
cat <<MSG

Pathways cluster: ${NODES} nodes on PostgreSQL database $DB, nginx on http://localhost:$PROXY_PORT
  Pathways pages   http://localhost:$PROXY_PORT/
  Tasklist         http://localhost:$PROXY_PORT/camunda/app/tasklist/
  Which node       the X-Pathways-Upstream response header; ACT_HI_JOB_LOG.HOSTNAME_ for clocks
Ctrl-C stops the nodes and nginx.
MSG
while sleep 5; do
  for n in $(seq 1 "$NODES"); do kill -0 "$(cat "$WORK/node-$n.pid" 2>/dev/null)" 2>/dev/null || log "node-$n is not running"; done
done
