#!/usr/bin/env bash
# B6 (docs/benchmarks.md): many practitioners at once against one Pathways node on PostgreSQL: referrers, MASH
# screening on the task pages, other agencies reading their inbox, tasks and cases, each with think time.
# Not a test; loopback only; prints its figures.
#   bash bench/cluster/b6.sh        USERS (100), SECONDS (600), THINK seconds between actions (3)
WORK=${WORK:-$(cd "$(dirname "$0")/../.." && pwd)/target/cluster-b6}
export PATHWAYS_CLUSTER_DB=${PATHWAYS_CLUSTER_DB:-pathways_b6}
source "$(dirname "$0")/lib.sh"
USERS=${USERS:-100}; SECONDS_=${SECONDS_:-${B6_SECONDS:-600}}; THINK=${THINK:-3}
N1=18061
trap 'stop_node 1' EXIT
echo "# B6 $(date -u +%FT%TZ); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $USERS practitioners, $SECONDS_ s, think $THINK s"
need_jar
fresh_db
start_node 1 $N1 || exit 2
wait_up $N1 || exit 2
python3 "$ROOT/bench/cluster/b6.py" --users "$USERS" --seconds "$SECONDS_" --think "$THINK" "http://127.0.0.1:$N1" | sed 's/^/B6 /'
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
