#!/usr/bin/env bash
# Fault tests for a two-node Pathways cluster on one local PostgreSQL (docs/cluster.md). Loopback only; every
# load loop is bounded in count and time. Exit status 0 only if every check passed.
#
#   bash bench/cluster/faults.sh                # kill -9, database outage, clock storm (about 8-12 minutes)
#   bash bench/cluster/faults.sh --pg-restart   # the outage is a real `pg_ctlcluster restart` of the whole server
#                                               # (do not use on a machine where others use the same PostgreSQL)
# Env: PATHWAYS_CLUSTER_DB (default pathways_cluster, dropped and re-created), STORM (clocks, default 300).
# Requests go through nginx with the repo's deploy/nginx/pathways.conf (Debian's nginx-light, installed if missing);
# the nodes send e-mail to a loopback SMTP sink (smtp_sink.py) that records every message it receives.
source "$(dirname "$0")/lib.sh"

PG_RESTART=false
[ "${1:-}" = "--pg-restart" ] && PG_RESTART=true
STORM=${STORM:-300}
N1=18081; N2=18082; PROXY=18080; SMTP=18025
# Shorter than production (5 min, 2 min) so that the e-mails a killed node had locked are taken over within the run.
NODE_ARGS=(--spring.mail.host=127.0.0.1 --spring.mail.port=$SMTP --camunda.bpm.job-execution.lock-time-in-millis=20000
  --pathways.notification.claim-timeout=15s)
MAIL=$WORK/mail-received
FAILED=0
check() { # check "what" test-command...
  local what=$1; shift
  if "$@"; then log "PASS  $what"; else log "FAIL  $what"; FAILED=$((FAILED + 1)); fi
}
cleanup() { rm -f "$WORK/stop"; stop_node 1; stop_node 2; stop_proxy; stop_sink; jobs -p | xargs -r kill 2>/dev/null; }
trap cleanup EXIT

fresh_db
need_jar
rm -f "$MAIL"; start_sink $SMTP "$MAIL"
log "starting node-1 (creates the schema), then node-2, then nginx on port $PROXY"
start_node 1 $N1 "${NODE_ARGS[@]}"; wait_up $N1 || exit 2
start_node 2 $N2 "${NODE_ARGS[@]}"; wait_up $N2 || exit 2
start_proxy $PROXY $N1 $N2 || exit 2

# node PORT-or-UPSTREAM: "node-1" or "node-2"
node_of() { case "$1" in *$N1*) echo node-1 ;; *$N2*) echo node-2 ;; *) echo "${1:--}" ;; esac; }

# mail_check WHAT: every e-mail queued so far is sent (waits up to 4 minutes for retries and take-overs), the sink
# received each one, and an e-mail received twice only where a node died mid-send (the one window ADR 5 names).
mail_check() {
  local what=$1 i pending
  for i in $(seq 1 240); do
    pending=$(sql "select count(*) from pw_notification where status not in ('SENT', 'NO_RECIPIENT')")
    [ "$pending" -eq 0 ] && break; sleep 1
  done
  sql "select id from pw_notification where status = 'SENT' order by id" >"$WORK/mail-sent"
  awk '{print $2}' "$MAIL" | sort >"$WORK/mail-got"
  local sent got lost doubled doubled_ok
  sent=$(grep -c . "$WORK/mail-sent"); got=$(sort -u "$WORK/mail-got" | grep -c .)
  lost=$(comm -23 "$WORK/mail-sent" <(sort -u "$WORK/mail-got") | grep -c .)
  uniq -d "$WORK/mail-got" >"$WORK/mail-doubled"; doubled=$(grep -c . "$WORK/mail-doubled")
  doubled_ok=0
  if [ "$doubled" -gt 0 ]; then
    doubled_ok=$(sql "select count(*) from pw_notification where id in ($(sed "s/.*/'&'/" "$WORK/mail-doubled" | paste -sd,))
                      and last_error like 'Taken over from%'")
  fi
  log "$what e-mail: $(sql "select count(*) from pw_notification") queued, $sent sent, $pending not sent, $got received by the SMTP sink, $lost sent but never received, $doubled received twice ($doubled_ok of them taken over from a send that was never recorded, same Message-ID)"
  check "$what: every queued e-mail was sent (none left pending or failed)" test "$pending" -eq 0
  check "$what: every sent e-mail reached the mail server (none lost)" test "$lost" -eq 0
  check "$what: no e-mail received twice, except where a node handed it to the server and could not record that (killed, or its database gone)" \
    test "$doubled" -eq "$doubled_ok"
}

# --- load generators (bounded) --------------------------------------------------------------------------------
# refer_loop FILE MAX SECONDS: referrals through nginx; "epoch code node reference pid content-type" per line, where
# node is the node that answered (nginx's upstream address; "node-1,node-2" when nginx tried both).
refer_loop() {
  local out=$1 max=$2 end=$((SECONDS + $3)) i code body ref pid up
  for ((i = 0; i < max && SECONDS < end; i++)); do
    [ -f "$WORK/stop" ] && break
    body=$(curl -s -m 20 -D "$out.h" -o - -w '\n%{http_code} %{content_type}' -u "health-worker:$PW" -H 'Content-Type: application/json' \
      -d "$(referral_body "Fault$(letters $((RANDOM * 32768 + RANDOM)))$(letters $i)")" "http://127.0.0.1:$PROXY/api/referrals")
    code=$(tail -1 <<<"$body" | cut -d' ' -f1)
    up=$(tr -d '\r' <"$out.h" | awk -F': ' 'tolower($1) == "x-pathways-upstream" {print $2}' | sed "s/127.0.0.1:$N1/node-1/g; s/127.0.0.1:$N2/node-2/g; s/ //g")
    ref=$(grep -o '"reference":"[^"]*"' <<<"$body" | cut -d'"' -f4)
    pid=$(grep -o '"processInstanceId":"[^"]*"' <<<"$body" | cut -d'"' -f4)
    echo "$(date +%s) $code ${up:--} ${ref:--} ${pid:--} $(tail -1 <<<"$body" | cut -d' ' -f2)" >>"$out"
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
complete_loop $PROXY "$K/completions" 400 150 & C1=$!
complete_loop $PROXY "$K/completions" 400 150 & C2=$!
sleep 15
log "kill -9 node-2 (pid $(cat "$WORK/node-2.pid"))"
kill -9 "$(cat "$WORK/node-2.pid")"; rm -f "$WORK/node-2.pid"
sleep 5
log "restarting node-2"
start_node 2 $N2 "${NODE_ARGS[@]}"; wait_up $N2 || exit 2
sleep 10
touch "$WORK/stop"; wait $RL $C1 $C2; rm -f "$WORK/stop"

ok201=$(awk '$2 == 201' "$K/referrals" | wc -l)
log "referrals: $(wc -l <"$K/referrals") sent through nginx, $ok201 answered 201, codes: $(awk '{print $2}' "$K/referrals" | sort | uniq -c | tr '\n' ' ')"
log "answered by: $(awk '{print $3}' "$K/referrals" | sort | uniq -c | tr '\n' ' ')"
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
check "no referral lost to a node that was down: at most the ones in flight at the kill got 502" \
  test "$(awk '$2 == 502' "$K/referrals" | wc -l)" -le 4
mail_check "after kill -9"

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
mail_check "after the outage"
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
esc=$(sql "select count(*) || ' ' || count(distinct split_part(idempotency_key, ':', 2)) from pw_notification
            where event_type = 'TASK_ESCALATED' and split_part(idempotency_key, ':', 2) in ($tasks_sql)")
log "escalation e-mails queued for the storm: $(cut -d' ' -f1 <<<"$esc") for $(cut -d' ' -f2 <<<"$esc") tasks"
check "an escalation e-mail for every clock" test "$(cut -d' ' -f2 <<<"$esc")" -eq "$due"
mail_check "after the clock storm"
# Both nodes should share a storm, unless it was over before an idle node woke: the clocks are made due by an update
# that no node is told of, and with production settings an idle node's acquisition sleeps up to max-wait (60 s).
nodes_ran=$(sql "select count(distinct hostname_) from act_hi_job_log where job_id_ in ($jobs_sql) and job_state_ = 2")
if [ "$nodes_ran" -lt 2 ] && awk -v a="$t0" -v b="$t1" 'BEGIN {exit !(b - a < 60)}'; then
  log "one node ran every clock: the storm was cleared before the other's idle wait (max-wait 60 s) was over"
else
  check "both nodes ran clocks" test "$nodes_ran" -eq 2
fi

log "faults: $FAILED check(s) failed"
exit $((FAILED > 0))
