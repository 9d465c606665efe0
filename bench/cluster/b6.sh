#!/usr/bin/env bash
# B6 (docs/benchmarks.md): many practitioners at once against Pathways on PostgreSQL: referrers, MASH screening on the
# task pages, other agencies reading their inbox, tasks and cases, each with think time. One node, or two behind
# nginx with the repo's config (NODES=2; Debian's nginx-light, installed by lib.sh's start_proxy if missing).
# Not a test; loopback only; prints its figures; the load average is recorded at the start and at the end.
#   bash bench/cluster/b6.sh        USERS (100), B6_SECONDS (600), THINK seconds between actions (3), NODES (1 or 2),
#                                   REFER_EVERY (0: a referrer refers at every action; N: at most once in N seconds,
#                                   each referrer's first referral at a random moment of the first N seconds),
#                                   REFER_IN_PHASE (1: with REFER_EVERY, all referrers' first referrals at once, as
#                                   the runs before 2026-12-07 20:30 did),
#                                   SAMPLE (1: the connection pool and row-lock waits once a second)
WORK=${WORK:-$(cd "$(dirname "$0")/../.." && pwd)/target/cluster-b6}
export PATHWAYS_CLUSTER_DB=${PATHWAYS_CLUSTER_DB:-pathways_b6}
source "$(dirname "$0")/lib.sh"
USERS=${USERS:-100}; SECONDS_=${SECONDS_:-${B6_SECONDS:-600}}; THINK=${THINK:-3}; NODES=${NODES:-1}; REFER_EVERY=${REFER_EVERY:-0}
IN_PHASE=(); [ "${REFER_IN_PHASE:-0}" = 1 ] && IN_PHASE=(--refer-in-phase)
N1=18061; N2=18062; PROXY=18070
trap 'stop_node 1; stop_node 2; stop_proxy' EXIT
echo "# B6 $(date -u +%FT%TZ); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $USERS practitioners, $SECONDS_ s, think $THINK s, $NODES node(s), a referral at most every $REFER_EVERY s per referrer${IN_PHASE:+, referrers in phase}"
need_jar
fresh_db
start_node 1 $N1 || exit 2
wait_up $N1 || exit 2   # the first node makes the schema; the second starts on it
url=http://127.0.0.1:$N1
if [ "$NODES" = 2 ]; then
  start_node 2 $N2 || exit 2
  wait_up $N2 || exit 2
  start_proxy $PROXY $N1 $N2 || exit 2
  url=http://127.0.0.1:$PROXY
fi
# With SAMPLE=1, once a second while the practitioners work: node 1's connection pool (requests waiting for a
# connection) and the database's sessions waiting on a row lock (such as the reference counter that referrals take in
# turn). Off by default: the scrape and psql every second take CPU from the node being measured.
sample() {
  while sleep 1; do
    pending=$(curl -sf -m 1 -u "admin:$PW" "http://127.0.0.1:$N1/actuator/prometheus" 2>/dev/null \
      | awk '/^hikaricp_connections_pending\{/ {s += $2} END {printf "%d", s}')
    locks=$(sql "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'" 2>/dev/null)
    echo "${pending:-0} ${locks:-0}"
  done
}
sampler=
if [ "${SAMPLE:-0}" = 1 ]; then sample > "$WORK/b6-samples.txt" & sampler=$!; fi
python3 "$ROOT/bench/cluster/b6.py" --users "$USERS" --seconds "$SECONDS_" --think "$THINK" --refer-every "$REFER_EVERY" ${IN_PHASE[@]} "$url" | sed "s/^/B6 ($NODES node(s)) /"
[ -n "$sampler" ] && { kill $sampler 2>/dev/null; wait $sampler 2>/dev/null
awk '{n++; if ($1 > 0) p++; if ($1 > mp) mp = $1; if ($2 > 0) l++; if ($2 > ml) ml = $2}
  END {printf "B6 (%s node(s)) once a second for %d s: node 1 had requests waiting for a database connection in %d s (at most %d at once); statements waited on a row lock in %d s (at most %d at once)\n", nodes, n, p, mp, l, ml}' \
  nodes="$NODES" "$WORK/b6-samples.txt"; }
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
