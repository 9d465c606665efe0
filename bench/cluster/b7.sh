#!/usr/bin/env bash
# B7 (issue 16): intake latency with 10k and with 1M cases on record. One node on a fresh PostgreSQL database; the
# cases are loaded straight into pw_case (closed CSE cases of made-up children, spread over 4,000 dates of birth, so
# that each date has about 250 children at 1M); then COUNT referrals (default 400) go through POST /api/referrals one
# at a time, half joining a child on record by name and date of birth, half a new child with a fresh NHS number.
# Prints p50/p95/p99 at each size. Loopback only. Usage: bash bench/cluster/b7.sh [COUNT]
source "$(dirname "$0")/lib.sh"
DB=${PATHWAYS_INTAKE_DB:-pathways_intake}
COUNT=${1:-400}
PORT=9207
need_jar
fresh_db
start_node 7 "$PORT"
wait_up "$PORT" || exit 1
trap 'stop_node 7' EXIT

load() { # load FROM TO: cases BENCH-FROM .. BENCH-TO
  sql "insert into pw_case (case_id, child_key, first_name, last_name, date_of_birth, gender, ethnicity, district,
         looked_after, stage, status, opened_at, closed_at, closure_reason)
       select 'BENCH-' || g, 'kit|bench' || translate(g::text, '0123456789', 'abcdefghij') || '|' || d, 'Kit',
         'Bench' || translate(g::text, '0123456789', 'abcdefghij'), d, 'MALE', 'WHITE_BRITISH',
         'Kettering', false, 'CLOSED', 'CLOSED', now() - interval '800 days', now() - interval '700 days', 'CLOSED'
       from (select g, (date '2009-01-01' + (g % 4000)) as d from generate_series($1, $2) g) s"
  sql "analyze pw_case"
}

log "loading 10,000 cases"; load 1 10000
log "warming up"; python3 "$(dirname "$0")/b7_intake.py" "$PORT" 50 10000 >/dev/null
python3 "$(dirname "$0")/b7_intake.py" "$PORT" "$COUNT" 10000
log "loading up to 1,000,000 cases"; load 10001 1000000
python3 "$(dirname "$0")/b7_intake.py" "$PORT" 50 1000000 >/dev/null
python3 "$(dirname "$0")/b7_intake.py" "$PORT" "$COUNT" 1000000
log "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
