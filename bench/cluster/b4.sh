#!/usr/bin/env bash
# B4 (docs/benchmarks.md): CLOCKS (10,000) escalation clocks due at once; time to clear and p99 lateness on one node
# and on two, for each job executor setting; the ratio. Not a test; loopback only; prints its figures.
#   bash bench/cluster/b4.sh                  CLOCKS (10000), TEMPLATES (50), SETTINGS ("shipped acq10")
# Database pathways_b4 (PATHWAYS_CLUSTER_DB), dropped and re-created. Each storm: TEMPLATES referrals through the
# API (waiting at MASH screening, each with its screening clock), copied with clone-open-tasks.sql up to CLOCKS open
# tasks, then every one of their clocks made due at the same moment. A clock is cleared when its timer job has run
# (escalation written, managers added, e-mail queued). CPU is the share of both cores busy during the storm.
WORK=${WORK:-$(cd "$(dirname "$0")/../.." && pwd)/target/b4}
export PATHWAYS_CLUSTER_DB=${PATHWAYS_CLUSTER_DB:-pathways_b4}
source "$(dirname "$0")/lib.sh"
CLOCKS=${CLOCKS:-10000}; TEMPLATES=${TEMPLATES:-50}; SETTINGS=${SETTINGS:-shipped acq10}
N1=18061; N2=18062
trap 'stop_node 1; stop_node 2' EXIT
args() { # job executor settings by name (the cluster profile's are "shipped")
  case $1 in
    shipped) ;;
    acq10) echo "--camunda.bpm.job-execution.max-jobs-per-acquisition=10 --camunda.bpm.job-execution.core-pool-size=4 --camunda.bpm.job-execution.max-pool-size=8 --camunda.bpm.job-execution.queue-capacity=20" ;;
    *) echo "$1" ;;
  esac
}
busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat; }
storm() { # storm LABEL SETTING NODES
  local label=$1 setting=$2 nodes=$3 since t0 t1 left c0 c1 n
  for n in $(seq 1 "$nodes"); do start_node "$n" $((18060 + n)) $(args "$setting") || exit 2; done
  for n in $(seq 1 "$nodes"); do wait_up $((18060 + n)) || exit 2; done
  since=$(sql "select now()")
  refer_many $N1 "$TEMPLATES" Storm || exit 2
  psql -h localhost -U "$PGUSER_" -d "$DB" -qtAX -v from=1 -v to=$(( (CLOCKS + TEMPLATES - 1) / TEMPLATES - 1 )) -v since="'$since'" \
    -f "$ROOT/bench/cluster/clone-open-tasks.sql" >/dev/null || exit 2
  sql "create table if not exists b4_clock (job_id varchar(64) primary key, storm varchar(40))" >/dev/null
  sql "insert into b4_clock select j.id_, '$label' from act_ru_job j join act_ru_task t on t.execution_id_ = j.execution_id_
       where j.handler_type_ = 'timer-task-listener' and t.task_def_key_ = 'screening' and t.create_time_ >= timestamptz '$since'" >/dev/null
  sql "analyze act_ru_job" >/dev/null; sleep 2
  local due; due=$(sql "select count(*) from b4_clock where storm = '$label'")
  c0=$(busy); t0=$(date +%s.%N)
  sql "update act_ru_job set duedate_ = to_timestamp($t0) where id_ in (select job_id from b4_clock where storm = '$label')" >/dev/null
  for i in $(seq 1 1800); do
    left=$(sql "select count(*) from act_ru_job where id_ in (select job_id from b4_clock where storm = '$label')")
    [ "$left" -eq 0 ] && break; sleep 0.5
  done
  t1=$(date +%s.%N); c1=$(busy)
  echo "B4 $label ($setting, $nodes node(s)): $due clocks due at once, cleared in $(awk -v a=$t0 -v b=$t1 'BEGIN {printf "%.1f", b - a}') s (left $left); p99 lateness $(sql "select round(extract(epoch from percentile_cont(0.99) within group (order by l.timestamp_ - to_timestamp($t0)))::numeric, 1) from act_hi_job_log l join b4_clock b on b.job_id = l.job_id_ and b.storm = '$label' where l.job_state_ = 2") s; fired twice: $(sql "select count(*) from (select l.job_id_ from act_hi_job_log l join b4_clock b on b.job_id = l.job_id_ and b.storm = '$label' where l.job_state_ = 2 group by 1 having count(*) > 1) d"); by node: $(sql "select l.hostname_ || '=' || count(*) from act_hi_job_log l join b4_clock b on b.job_id = l.job_id_ and b.storm = '$label' where l.job_state_ = 2 group by l.hostname_" | tr '\n' ' ')CPU busy $(awk -v a="$c0" -v b="$c1" 'BEGIN {split(a, x, " "); split(b, y, " "); printf "%.0f%%", 100 * (y[1] - x[1]) / (y[2] - x[2])}')"
  eval "T_$(tr -c 'a-z0-9' '_' <<<"$label")=$(awk -v a=$t0 -v b=$t1 'BEGIN {printf "%.2f", b - a}')"
  for n in $(seq 1 "$nodes"); do stop_node "$n"; done
}

echo "# B4 $(date -u +%FT%TZ); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); settings: $SETTINGS"
fresh_db; need_jar
for setting in $SETTINGS; do
  storm "$setting-one" "$setting" 1
  storm "$setting-two" "$setting" 2
  echo "B4 $setting: two nodes cleared $(awk -v a="$(eval echo "\$T_$(tr -c 'a-z0-9' '_' <<<"$setting-one")")" -v b="$(eval echo "\$T_$(tr -c 'a-z0-9' '_' <<<"$setting-two")")" 'BEGIN {printf "%.2f", a / b}')x as fast as one (goal >= 1.7)"
done
