#!/usr/bin/env bash
# B3 (docs/benchmarks.md): an agency's "my tasks" first page with 1k and 100k open tasks over 1M historic instances,
# authorization checks on; the ratio of the two; before and after each tuning change. Not a test; loopback only;
# prints its figures. About 15 minutes. Beside the Tasklist's calls, the Pathways inbox (GET /tasks, 50 rows, never
# counted; issue 14), signed in through the pages' form login: "inbox_page" in each line, its ratio at the end.
#   bash bench/cluster/b3.sh        SMALL (1000), LARGE (100000) open tasks; HISTORY (1000000); RUNS (30); ONLY_TUNED=1
# Database pathways_b3 (PATHWAYS_CLUSTER_DB), dropped and re-created. The open tasks: TEMPLATES (50) referrals made
# through the API, waiting at MASH screening, copied with clone-open-tasks.sql; the history: history.sql.
# Tuning steps, each measured on the same data with the node restarted:
#   before      engine tables as Camunda makes them, JIT on (PostgreSQL's default); statement_timeout 120 s
#   +stats      statistics on the grants' permission bits (db/engine-tuning/postgresql.sql, first statement)
#   +index      and the due-date index on ACT_RU_TASK
#   shipped     and JIT off, a custom plan for every execution: Pathways as it ships (EngineTuning on,
#               application-postgres.yml)
# B3_KEEP_DB=1 reuses the database of an earlier run (history and copies already there).
WORK=${WORK:-$(cd "$(dirname "$0")/../.." && pwd)/target/b3}
export PATHWAYS_CLUSTER_DB=${PATHWAYS_CLUSTER_DB:-pathways_b3}
source "$(dirname "$0")/lib.sh"
SMALL=${SMALL:-1000}; LARGE=${LARGE:-100000}; HISTORY=${HISTORY:-1000000}; RUNS=${RUNS:-30}; TEMPLATES=${TEMPLATES:-50}
USER_=${B3_USER:-mash-worker}
N1=18071
trap 'stop_node 1' EXIT
psql_f() { psql -h localhost -U "$PGUSER_" -d "$DB" -qtAX "$@"; }
open_tasks() { sql "select count(*) from act_ru_task t join act_ru_identitylink i on i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ = 'mash'"; }
analyze() { local t; for t in act_ru_task act_ru_identitylink act_ru_authorization act_ru_variable act_ru_execution; do sql "vacuum analyze $t" >/dev/null; done; }
grow_to() { # grow_to N: copies of the templates until the agency has about N open tasks
  local to=$(( ($1 + TEMPLATES - 1) / TEMPLATES - 1 ))
  if [ "$to" -gt "$COPIED" ]; then
    psql_f -v from=$((COPIED + 1)) -v to=$to -f "$ROOT/bench/cluster/clone-open-tasks.sql" >/dev/null || exit 2
    COPIED=$to
  fi
  analyze
}
node() { # node STEP: restart the node as that tuning step has it
  stop_node 1
  case $1 in
    before) sql "drop statistics if exists pw_auth_perms_stats; drop index if exists pw_idx_ru_task_due" >/dev/null ;;
    +stats) sql "$(tuning_statement 1)" >/dev/null ;;
    +index) sql "$(tuning_statement 2)" >/dev/null ;;
  esac
  analyze
  if [ "$1" = shipped ]; then
    start_node 1 $N1 --camunda.bpm.job-execution.enabled=false
  else
    start_node 1 $N1 --camunda.bpm.job-execution.enabled=false --pathways.engine-tuning.enabled=false \
      "--spring.datasource.hikari.data-source-properties.options=-c jit=on -c plan_cache_mode=auto -c statement_timeout=120000"
  fi
  wait_up $N1 || exit 2
}
measure() { # measure N STEP
  local runs=$RUNS warm=5
  # before the statistics the page is quadratic in open tasks: one call, no warm-up, at the large size
  [ "$2" = before ] && [ "$1" = "$LARGE" ] && { runs=1; warm=0; }
  [ "$2" != before ] && [ "$1" = "$LARGE" ] && { runs=$(( RUNS < 15 ? RUNS : 15 )); warm=2; }
  r=$(python3 "$ROOT/bench/cluster/my_tasks.py" "http://127.0.0.1:$N1" "$USER_" $runs $warm) || exit 2
  echo "B3 $2, $(open_tasks) open tasks for the agency ($(sql "select count(*) from act_ru_task") in all), $(sql "select count(*) from act_hi_procinst") historic instances: $r"
  local key; key=$(tr -c 'a-z0-9' '_' <<<"$2$1")
  eval "P50_$key=$(sed -n 's/.*"first_page": {"p50_ms": \([0-9.]*\).*/\1/p' <<<"$r")"
  eval "C50_$key=$(sed -n 's/.*"count": {"p50_ms": \([0-9.]*\).*/\1/p' <<<"$r")"
  eval "B50_$key=$(sed -n 's/.*"first_page_without_count": {"p50_ms": \([0-9.]*\).*/\1/p' <<<"$r")"
  eval "I50_$key=$(sed -n 's/.*"inbox_page": {"p50_ms": \([0-9.]*\).*/\1/p' <<<"$r")"
}
STEPS=${STEPS:-before +stats +index shipped}
ratio() { awk -v a="$(eval echo "\${$1_$2:-}")" -v b="$(eval echo "\${$1_$3:-}")" 'BEGIN {if (a == "" || b == "") print "-"; else printf "%.2f", a / b}'; }

echo "# B3 $(date -u +%FT%TZ); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); steps: $STEPS"
need_jar
if [ -n "${B3_KEEP_DB:-}" ]; then # B3_KEEP_DB=1: the database of an earlier run, as it is (it can only grow)
  TEMPLATES=$(sql "select count(*) from act_ru_task where id_ not like '%~%' and task_def_key_ = 'screening'")
  COPIED=$(sql "select coalesce(max(substring(id_ from '~([0-9]+)$')::int), 0) from act_ru_task")
  log "kept database $DB: $TEMPLATES templates, $COPIED copies each"
else
  fresh_db
  start_node 1 $N1 --camunda.bpm.job-execution.enabled=false --pathways.engine-tuning.enabled=false; wait_up $N1 || exit 2
  refer_many $N1 "$TEMPLATES" Mytasks || exit 2
  log "$TEMPLATES referrals made through the API; adding $HISTORY historic instances"
  t0=$SECONDS; psql_f -v instances="$HISTORY" -f "$ROOT/bench/cluster/history.sql" >/dev/null || exit 2
  log "history written in $((SECONDS - t0)) s"
  COPIED=0
fi
for n in $SMALL $LARGE; do
  grow_to "$n"
  for step in $STEPS; do node "$step"; measure "$n" "$step"; done
done
for step in $STEPS; do
  a=$(tr -c 'a-z0-9' '_' <<<"$step$LARGE"); b=$(tr -c 'a-z0-9' '_' <<<"$step$SMALL")
  echo "B3 $step: ${LARGE}/${SMALL} ratio (goal <= 1.5): Tasklist first page (with count) $(ratio P50 "$a" "$b"); first page without count $(ratio B50 "$a" "$b"); count $(ratio C50 "$a" "$b"); Pathways inbox (GET /tasks, 50 rows, no count) $(ratio I50 "$a" "$b")"
done
