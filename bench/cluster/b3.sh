#!/usr/bin/env bash
# B3 (docs/benchmarks.md): an agency's "my tasks" first page with 1k and 100k open tasks over 1M historic instances,
# authorization checks on; the ratio of the two. Not a test; loopback only; prints its figures. About 10 minutes.
#   bash bench/cluster/b3.sh                 SMALL (1000) and LARGE (100000) open tasks, HISTORY (1000000), RUNS (30)
#   NODE_ARGS="--x=y" bash bench/cluster/b3.sh   extra settings for the node (a tuning change, for before/after)
# Database pathways_b3 (PATHWAYS_CLUSTER_DB), dropped and re-created. The open tasks: TEMPLATES referrals made
# through the API, waiting at MASH screening, copied with clone-open-tasks.sql; history with history.sql.
WORK=${WORK:-$(cd "$(dirname "$0")/../.." && pwd)/target/b3}
export PATHWAYS_CLUSTER_DB=${PATHWAYS_CLUSTER_DB:-pathways_b3}
source "$(dirname "$0")/lib.sh"
SMALL=${SMALL:-1000}; LARGE=${LARGE:-100000}; HISTORY=${HISTORY:-1000000}; RUNS=${RUNS:-30}; TEMPLATES=${TEMPLATES:-50}
USER_=${B3_USER:-mash-worker}
N1=18071
trap 'stop_node 1' EXIT
psql_f() { psql -h localhost -U "$PGUSER_" -d "$DB" -qtAX "$@"; }
open_tasks() { sql "select count(*) from act_ru_task t join act_ru_identitylink i on i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ = 'mash'"; }
grow_to() { # grow_to N: copies of the templates until the agency has N open tasks
  local have per to; have=$(open_tasks); per=$TEMPLATES
  to=$(( ($1 + per - 1) / per - 1 ))
  if [ "$to" -ge "${COPIED:-0}" ] && [ "$to" -gt 0 ]; then
    psql_f -v from=$((${COPIED:-0} + 1)) -v to=$to -f "$ROOT/bench/cluster/clone-open-tasks.sql" >/dev/null || exit 2
    COPIED=$to
  fi
  sql "vacuum analyze act_ru_task; vacuum analyze act_ru_identitylink; vacuum analyze act_ru_authorization; vacuum analyze act_ru_variable; vacuum analyze act_ru_execution" >/dev/null
}

echo "# B3 $(date -u +%FT%TZ); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); node args: ${NODE_ARGS:-none}"
fresh_db; need_jar
start_node 1 $N1 --camunda.bpm.job-execution.enabled=false ${NODE_ARGS:-}; wait_up $N1 || exit 2
for i in $(seq 1 "$TEMPLATES"); do
  curl -sf -o /dev/null -u "health-worker:$PW" -H 'Content-Type: application/json' \
    -d "$(referral_body "Mytasks$(letters $i)")" "http://127.0.0.1:$N1/api/referrals" || { log "referral $i refused"; exit 2; }
done
log "$TEMPLATES referrals made through the API; adding $HISTORY historic instances"
t0=$SECONDS; psql_f -v instances="$HISTORY" -f "$ROOT/bench/cluster/history.sql" >/dev/null || exit 2
log "history written in $((SECONDS - t0)) s"
COPIED=0
for n in $SMALL $LARGE; do
  grow_to "$n"
  r=$(python3 "$ROOT/bench/cluster/my_tasks.py" "http://127.0.0.1:$N1" "$USER_" "$RUNS") || exit 2
  echo "B3 $n: open tasks for the agency $(open_tasks), all open tasks $(sql "select count(*) from act_ru_task"), historic instances $(sql "select count(*) from act_hi_procinst"): $r"
  eval "P50_$n=$(sed 's/.*"first_page": {"p50_ms": \([0-9.]*\).*/\1/' <<<"$r")"
  eval "C50_$n=$(sed 's/.*"count": {"p50_ms": \([0-9.]*\).*/\1/' <<<"$r")"
done
echo "B3 ratio first page $LARGE/$SMALL: $(awk -v a="$(eval echo \$P50_$LARGE)" -v b="$(eval echo \$P50_$SMALL)" 'BEGIN {printf "%.2f", a / b}') (goal <= 1.5); count: $(awk -v a="$(eval echo \$C50_$LARGE)" -v b="$(eval echo \$C50_$SMALL)" 'BEGIN {printf "%.2f", a / b}')"
