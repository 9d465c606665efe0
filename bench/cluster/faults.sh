#!/usr/bin/env bash
# Fault tests for a two-node Pathways cluster on one local PostgreSQL (docs/cluster.md). Loopback only; every
# load loop is bounded in count and time. Exit status 0 only if every check passed.
#
#   bash bench/cluster/faults.sh                # kill -9, database outage, clock storm (about 6-10 minutes)
#   bash bench/cluster/faults.sh --pg-restart   # the outage is a real `pg_ctlcluster restart` of the whole server
#                                               # (do not use on a machine where others use the same PostgreSQL)
# Env: PATHWAYS_CLUSTER_DB (default pathways_cluster, dropped and re-created), STORM (clocks, default 300).
source "$(dirname "$0")/lib.sh"

PG_RESTART=false
[ "${1:-}" = "--pg-restart" ] && PG_RESTART=true
STORM=${STORM:-300}
N1=18081; N2=18082
FAILED=0
check() { # check "what" test-command...
  local what=$1; shift
  if "$@"; then log "PASS  $what"; else log "FAIL  $what"; FAILED=$((FAILED + 1)); fi
}
cleanup() { rm -f "$WORK/stop"; stop_node 1; stop_node 2; jobs -p | xargs -r kill 2>/dev/null; }
trap cleanup EXIT

fresh_db
need_jar
log "starting node-1 (creates the schema), then node-2"
start_node 1 $N1; wait_up $N1 || exit 2
start_node 2 $N2; wait_up $N2 || exit 2

# --- load generators (bounded) --------------------------------------------------------------------------------
# refer_loop FILE MAX SECONDS: referrals alternating between the nodes; "epoch code node reference pid" per line.
refer_loop() {
  local out=$1 max=$2 secs=$3 end=$((SECONDS + $3)) i code port body ref pid
  for ((i = 0; i < max && SECONDS < end; i++)); do
    [ -f "$WORK/stop" ] && break
    port=$((i % 2 == 0 ? N1 : N2))
    body=$(curl -s -m 20 -o - -w '\n%{http_code} %{content_type}' -u "health-worker:$PW" -H 'Content-Type: application/json' \
      -d "$(referral_body "Fault$(letters $((RANDOM * 32768 + RANDOM)))$(letters $i)")" "http://127.0.0.1:$port/api/referrals")
    code=$(tail -1 <<<"$body" | cut -d' ' -f1)
    ref=$(grep -o '"reference":"[^"]*"' <<<"$body" | cut -d'"' -f4)
    pid=$(grep -o '"processInstanceId":"[^"]*"' <<<"$body" | cut -d'"' -f4)
    echo "$(date +%s) $code $port ${ref:--} ${pid:--} $(tail -1 <<<"$body" | cut -d' ' -f2)" >>"$out"
  done
}
# complete_loop PORT FILE MAX SECONDS: submits one of the first three open screening tasks (so loops collide).
complete_loop() {
  local port=$1 out=$2 max=$3 end=$((SECONDS + $4)) i ids id code
  for ((i = 0; i < max && SECONDS < end; i++)); do
    [ -f "$WORK/stop" ] && break
    ids=($(curl -s -m 10 -u "mash-worker:$PW" "http://127.0.0.1:$port/engine-rest/task?taskDefinitionKey=screening&sortBy=created&sortOrder=asc&maxResults=3" \
      | grep -o '"id":"[^"]*"' | cut -d'"' -f4))
    [ ${#ids[@]} -eq 0 ] && { sleep 0.2; continue; }
    id=${ids[$((RANDOM % ${#ids[@]}))]}
    code=$(curl -s -m 20 -o /dev/null -w '%{http_code}' -u "mash-worker:$PW" -H 'Content-Type: application/json' \
      -d "$SCREENING_FORM" "http://127.0.0.1:$port/engine-rest/task/$id/submit-form")
    echo "$(date +%s) $code $port $id" >>"$out"
  done
}

# --- 1. kill -9 of a node under load ----------------------------------------------------------------------------
log "1. kill -9 node-2 under a load of referrals and task completions"
K=$WORK/kill; rm -rf "$K"; mkdir -p "$K"
refer_loop "$K/referrals" 600 150 & RL=$!
complete_loop $N1 "$K/completions" 400 150 & C1=$!
complete_loop $N2 "$K/completions" 400 150 & C2=$!
sleep 15
log "kill -9 node-2 (pid $(cat "$WORK/node-2.pid"))"
kill -9 "$(cat "$WORK/node-2.pid")"; rm -f "$WORK/node-2.pid"
sleep 5
log "restarting node-2"
start_node 2 $N2; wait_up $N2 || exit 2
sleep 10
touch "$WORK/stop"; wait $RL $C1 $C2; rm -f "$WORK/stop"

ok201=$(awk '$2 == 201' "$K/referrals" | wc -l)
log "referrals: $(wc -l <"$K/referrals") sent, $ok201 answered 201, codes: $(awk '{print $2}' "$K/referrals" | sort | uniq -c | tr '\n' ' ')"
log "completions: codes: $(awk '{print $2}' "$K/completions" | sort | uniq -c | tr '\n' ' ')"
awk '$2 == 201 {print $4}' "$K/referrals" | sort -u >"$K/refs"
awk '$2 == 201 {print $5}' "$K/referrals" | sort -u >"$K/pids"
refs_sql=$(sed "s/.*/'&'/" "$K/refs" | paste -sd,)
pids_sql=$(sed "s/.*/'&'/" "$K/pids" | paste -sd,)
check "every referral answered 201 is in pw_referral ($ok201)" \
  test "$(sql "select count(*) from pw_referral where reference in ($refs_sql)")" -eq "$(wc -l <"$K/refs")"
check "every referral answered 201 has its process and exactly one screening task (open, or completed once)" \
  test "$(sql "select count(*) from act_hi_procinst p where p.id_ in ($pids_sql) and (select count(*) from act_hi_taskinst t where t.proc_inst_id_ = p.id_ and t.task_def_key_ = 'screening') = 1")" -eq "$(wc -l <"$K/pids")"
check "no open task doubled (same process, same task key)" \
  test "$(sql "select count(*) from (select proc_inst_id_, task_def_key_ from act_ru_task where task_def_key_ <> 'agency-information' group by 1, 2 having count(*) > 1) d")" -eq 0
check "no task completion answered 500" test "$(awk '$2 == 500' "$K/completions" | wc -l)" -eq 0
check "no referral answered 500" test "$(awk '$2 == 500' "$K/referrals" | wc -l)" -eq 0
check "node-2 serves again after restart" \
  curl -sf -m 20 -o /dev/null -u "health-worker:$PW" -H 'Content-Type: application/json' \
    -d "$(referral_body "Faultafter$(letters $RANDOM)")" "http://127.0.0.1:$N2/api/referrals"
if [ "$(sql "select to_regclass('pw_notification') is not null")" = t ]; then
  cols=$(sql "select string_agg(column_name, ',') from information_schema.columns where table_name = 'pw_notification'
              and column_name not in ('id') and column_name not like '%_at' and column_name not in ('attempts','status','last_error')")
  check "no e-mail doubled in pw_notification (same $cols)" \
    test "$(sql "select count(*) from (select 1 from pw_notification group by $cols having count(*) > 1) d")" -eq 0
else
  log "SKIP  pw_notification does not exist on this branch (notifications are built on another branch)"
fi

# --- 2. the database goes away under load -----------------------------------------------------------------------
log "2. PostgreSQL outage under load ($([ $PG_RESTART = true ] && echo 'pg_ctlcluster restart' || echo "database $DB: connections cut and refused for 10 s"))"
O=$WORK/outage; rm -rf "$O"; mkdir -p "$O"
before=$(sql "select count(*) from pw_referral")
refer_loop "$O/referrals" 400 45 & RL=$!
sleep 8
t0=$(date +%s)
if [ $PG_RESTART = true ]; then
  version=$(ls /etc/postgresql | sort -n | tail -1)
  as_root pg_ctlcluster "$version" main stop -m fast; sleep 10; as_root pg_ctlcluster "$version" main start
else
  sql_admin "alter database $DB allow_connections false" >/dev/null
  sql_admin "select pg_terminate_backend(pid) from pg_stat_activity where datname = '$DB'" >/dev/null
  sleep 10
  sql_admin "alter database $DB allow_connections true" >/dev/null
fi
t1=$(date +%s)
wait $RL
log "outage $t0..$t1; codes: $(awk '{print $2}' "$O/referrals" | sort | uniq -c | tr '\n' ' ')"
check "every answer was 201 or 503 (no 500, no hang)" test "$(awk '$2 != 201 && $2 != 503' "$O/referrals" | wc -l)" -eq 0
check "requests during the outage got 503" test "$(awk '$2 == 503' "$O/referrals" | wc -l)" -gt 0
check "every 503 was application/problem+json" test "$(awk '$2 == 503 && $6 !~ /problem\+json/' "$O/referrals" | wc -l)" -eq 0
check "requests from 5 s after the outage succeeded, on both nodes, without a restart" \
  test "$(awk -v t=$((t1 + 5)) '$1 >= t && $2 != 201' "$O/referrals" | wc -l)" -eq 0 -a "$(awk -v t=$((t1 + 5)) '$1 >= t && $2 == 201 {print $3}' "$O/referrals" | sort -u | wc -l)" -eq 2
check "exactly the referrals answered 201 were saved" \
  test "$(sql "select count(*) from pw_referral")" -eq $((before + $(awk '$2 == 201' "$O/referrals" | wc -l)))

# --- 3. a storm of due clocks on two nodes -------------------------------------------------------------------------
log "3. $STORM screening clocks due at once on two nodes"
S=$WORK/storm; rm -rf "$S"; mkdir -p "$S"
refer_loop "$S/referrals" "$STORM" 600
# Each screening clock is the timeout listener's timer job on the open screening task's execution.
sql "select j.id_ || ' ' || t.id_ from act_ru_job j join act_ru_task t on t.execution_id_ = j.execution_id_
     where j.handler_type_ = 'timer-task-listener' and j.lock_owner_ is null and t.task_def_key_ = 'screening'" >"$S/pairs"
cut -d' ' -f1 "$S/pairs" >"$S/jobs"; cut -d' ' -f2 "$S/pairs" >"$S/tasks"
jobs_sql=$(sed "s/.*/'&'/" "$S/jobs" | paste -sd,); tasks_sql=$(sed "s/.*/'&'/" "$S/tasks" | paste -sd,)
due=$(grep -c . "$S/jobs")
sql "update act_ru_job set duedate_ = now() where id_ in ($jobs_sql)" >/dev/null
t0=$(date +%s.%N)
log "$due clocks made due"
for i in $(seq 1 600); do
  left=$(sql "select count(*) from act_ru_job where id_ in ($jobs_sql)")
  [ "$left" -eq 0 ] && break; sleep 0.5
done
t1=$(date +%s.%N)
log "cleared in $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}') s; by node: $(sql "select hostname_ || '=' || count(*) from act_hi_job_log where job_id_ in ($jobs_sql) and job_state_ = 2 group by hostname_" | tr '\n' ' ')"
check "every clock fired (no due clock left)" test "$left" -eq 0
check "every clock fired once (one successful run each in the job log)" \
  test "$(sql "select count(*) from (select job_id_ from act_hi_job_log where job_id_ in ($jobs_sql) and job_state_ = 2 group by job_id_ having count(*) = 1) o")" -eq "$due"
check "one escalation (pw_clock_breach row) per clock, none doubled" \
  test "$(sql "select count(*) || '/' || count(distinct task_id) from pw_clock_breach where task_id in ($tasks_sql)")" = "$due/$due"
check "every escalated task is still open and escalated" \
  test "$(sql "select count(*) from act_ru_variable where task_id_ in ($tasks_sql) and name_ = 'escalated' and long_ = 1")" -eq "$due"
check "both nodes ran clocks" test "$(sql "select count(distinct hostname_) from act_hi_job_log where job_id_ in ($jobs_sql) and job_state_ = 2")" -eq 2

log "faults: $FAILED check(s) failed"
exit $((FAILED > 0))
