#!/usr/bin/env bash
# B8 (issue 17): the reports' queries with 10k and with 1M cases on record: the problem profile (GET /api/profile and
# its CSV, as the police and as the board) and, once the disruption register is merged, the six-monthly disruption
# report (B8_DISRUPTION_PATH, see below). B7's approach: one node on a fresh PostgreSQL database; the history is loaded
# straight into the tables with set-based SQL (made-up children: pw_case, pw_referral, a screening pw_decision with its
# indicators and exploitation type, a location of concern with coordinates for every 5th case linked to two children,
# a police-only person of concern for every 10th, a vehicle for every 20th). The first B8_SMALL cases (10,000) are the
# last two years; growing to B8_LARGE (1,000,000) adds older years only, so the twelve months the profile reads hold
# the same rows at both sizes: the question is whether the years behind them make the reports slower (goal: within
# 2x). Prints, at each size, the median and p95 of B8_RUNS requests (default 15, after 3 warm-ups) and of each SQL
# query's execution (EXPLAIN ANALYZE), then the ratios. Loopback only.
# Usage: bash bench/cluster/b8.sh            (B8_SMALL=10000 B8_LARGE=1000000 B8_RUNS=15)
#        B8_LARGE=0 bash bench/cluster/b8.sh  (10k only: a quick check of the script on a shared machine)
# The disruption report (ADR 0016): B8_DISRUPTION_PATH (default /api/disruptions/report?year=Y&half=H, the last
# financial half-year ended) is timed beside the profile as police-manager, and B8_DISRUPTION_SQL (default: the
# report's served query over that half, literal dates) by EXPLAIN ANALYZE; the executable bench/cluster/b8_disruption.sh
# FROM TO is run after each load to add the register's rows for cases BENCH-FROM..BENCH-TO (it gets $DB through the
# environment and sources lib.sh itself).
source "$(dirname "$0")/lib.sh"
DB=${PATHWAYS_REPORTS_DB:-pathways_reports}
export DB
SMALL=${B8_SMALL:-10000}
LARGE=${B8_LARGE:-1000000}
RUNS=${B8_RUNS:-15}
PORT=9208
HERE=$(dirname "$0")
# The disruption report's period: the last financial half-year ended (HalfYear.lastEnded, the report page's default),
# within the last two years, so it holds the same rows at both sizes; its served query (DisruptionRepository.servedBy).
m=$(date +%-m) y=$(date +%Y)
if ((m >= 10)); then dy=$y dh=1; elif ((m <= 3)); then dy=$((y - 1)) dh=1; else dy=$((y - 1)) dh=2; fi
if ((dh == 1)); then dfrom=$dy-04-01 dto=$dy-09-30; else dfrom=$dy-10-01 dto=$((dy + 1))-03-31; fi
export B8_DISRUPTION_PATH="${B8_DISRUPTION_PATH:-/api/disruptions/report?year=$dy&half=$dh}"
export B8_DISRUPTION_SQL=${B8_DISRUPTION_SQL:-"select tactic, district, served_by, count(*) as n from pw_disruption
  where served_on >= date '$dfrom' and served_on <= date '$dto' group by tactic, district, served_by"}
need_jar
fresh_db
start_node 8 "$PORT"
wait_up "$PORT" || exit 1
trap 'stop_node 8' EXIT

# The moment case g was referred: the first SMALL cases over the last two years, the others before that, back to 2000.
WHEN="case when g <= $SMALL then now() - ((g % 730) * interval '1 day') - ((g % 9) * interval '1 hour')
           else now() - interval '731 days' - (((g * 37) % 8400) * interval '1 day') end"

load() { # load FROM TO: cases BENCH-FROM .. BENCH-TO with their referral, screening and subjects of concern
  local from=$1 to=$2
  sql "insert into pw_case (case_id, child_key, first_name, last_name, date_of_birth, gender, ethnicity, district,
         looked_after, stage, status, opened_at, closed_at, closure_reason, exploitation_type)
       select 'BENCH-' || g, 'kit|bench' || translate(g::text, '0123456789', 'abcdefghij') || '|' || (date '2005-01-01' + (g % 4000)),
         'Kit', 'Bench' || translate(g::text, '0123456789', 'abcdefghij'), date '2005-01-01' + (g % 4000),
         case when g % 2 = 0 then 'FEMALE' else 'MALE' end, 'WHITE_BRITISH',
         (array['Corby','Daventry','East Northamptonshire','Kettering','Northampton','South Northamptonshire','Wellingborough'])[1 + g % 7],
         g % 3 = 0, 'CLOSED', 'CLOSED', t, t + interval '90 days', 'CLOSED',
         (array[null,'SEXUAL','SEXUAL','SEXUAL','SEXUAL','SEXUAL','CRIMINAL','CRIMINAL','CRIMINAL','BOTH'])[1 + g % 10]
       from (select g, $WHEN as t from generate_series($from, $to) g) s"
  sql "insert into pw_referral (reference, case_id, received_at, source, referrer_agency, referrer_name, referrer_email,
         concerns, indicators, age_at_referral, status, outcome, closed_at, created_by)
       select 'RB-' || g, 'BENCH-' || g, t, 'API', (array['police','education','health','childrens-services'])[1 + g % 4],
         'Synthetic Referrer', 'referrer@bench.example', 'Synthetic concern (bench)',
         (array['UNKNOWN_VEHICLES','GOING_MISSING','OLDER_BOYFRIEND','UNKNOWN_VEHICLES,GOING_MISSING'])[1 + g % 4],
         10 + g % 8, 'CLOSED', 'CLOSED', t + interval '90 days', 'bench'
       from (select g, $WHEN as t from generate_series($from, $to) g) s"
  sql "insert into pw_decision (case_id, referral_reference, kind, decided_at, decided_by, agency, age, screening_score,
         indicators, disclosure, learning_disability, risk_level, pathway, exploitation_type)
       select 'BENCH-' || g, 'RB-' || g, 'SCREENING', t + interval '3 hours', 'bench', 'mash', 10 + g % 8, 4,
         (array['UNKNOWN_VEHICLES','GOING_MISSING','OLDER_BOYFRIEND','UNKNOWN_VEHICLES,GOING_MISSING'])[1 + g % 4],
         false, false, (array['LOW','MEDIUM','HIGH'])[1 + g % 3], 'STRATEGY_MEETING',
         (array[null,'SEXUAL','SEXUAL','SEXUAL','SEXUAL','SEXUAL','CRIMINAL','CRIMINAL','CRIMINAL','BOTH'])[1 + g % 10]
       from (select g, $WHEN as t from generate_series($from, $to) g) s"
  # subjects: a location for every 5th case (ids 1..200000), a person for every 10th (200001..), a vehicle for every 20th (300001..)
  sql "insert into pw_subject (subject_id, kind, label, category, description, district, latitude, longitude, police_only,
         concern_level, recorded_by, recorded_agency, recorded_at)
       select 'SUB-' || lpad((g / 5)::text, 6, '0'), 'LOCATION', 'Synthetic location ' || g,
         (array['HOTEL','TAKEAWAY','PARK','ADDRESS','OTHER'])[1 + (g / 5) % 5], 'Synthetic (bench)',
         (array['Corby','Daventry','East Northamptonshire','Kettering','Northampton','South Northamptonshire','Wellingborough'])[1 + g % 7],
         case when g % 35 = 0 then null else 51.97 + ((g::bigint * 7919) % 6800) / 10000.0 end,
         case when g % 35 = 0 then null else -1.35 + ((g::bigint * 104729) % 10200) / 10000.0 end,
         g % 50 = 0, 'STANDARD', 'bench', 'police', t + interval '1 day'
       from (select g, $WHEN as t from generate_series($from, $to) g) s where g % 5 = 0
       union all
       select 'SUB-' || lpad((200000 + g / 10)::text, 6, '0'), 'PERSON', 'Synthetic Person ' || g,
         (array['SUSPECT','ASSOCIATE'])[1 + g % 2], 'Synthetic (bench)', null, null, null, true, 'STANDARD', 'bench', 'police',
         t + interval '1 day'
       from (select g, $WHEN as t from generate_series($from, $to) g) s where g % 10 = 0
       union all
       select 'SUB-' || lpad((300000 + g / 20)::text, 6, '0'), 'VEHICLE', 'GEN ' || g, 'CAR', 'Synthetic (bench)', null, null,
         null, false, 'STANDARD', 'bench', 'police', t + interval '1 day'
       from (select g, $WHEN as t from generate_series($from, $to) g) s where g % 20 = 0"
  # links: each location to its child and to the next child referred (same moment rule), each person and vehicle to its child
  sql "insert into pw_subject_link (id, subject_id, case_id, reason, recorded_by, recorded_agency, recorded_at)
       select 'BL-' || g || '-a', 'SUB-' || lpad((g / 5)::text, 6, '0'), 'BENCH-' || g, 'Synthetic (bench)', 'bench', 'police',
         t + interval '1 day' from (select g, $WHEN as t from generate_series($from, $to) g) s where g % 5 = 0
       union all
       select 'BL-' || g || '-b', 'SUB-' || lpad((g / 5)::text, 6, '0'), 'BENCH-' || (g - 1), 'Synthetic (bench)', 'bench',
         'police', t + interval '2 days' from (select g, $WHEN as t from generate_series($from, $to) g) s where g % 5 = 0
       union all
       select 'BL-' || g || '-p', 'SUB-' || lpad((200000 + g / 10)::text, 6, '0'), 'BENCH-' || g, 'Synthetic (bench)', 'bench',
         'police', t + interval '1 day' from (select g, $WHEN as t from generate_series($from, $to) g) s where g % 10 = 0
       union all
       select 'BL-' || g || '-v', 'SUB-' || lpad((300000 + g / 20)::text, 6, '0'), 'BENCH-' || g, 'Synthetic (bench)', 'bench',
         'police', t + interval '1 day' from (select g, $WHEN as t from generate_series($from, $to) g) s where g % 20 = 0"
  if [ -x "$HERE/b8_disruption.sh" ]; then log "adding the disruption register's rows"; "$HERE/b8_disruption.sh" "$from" "$to"; fi
  sql "analyze pw_case, pw_referral, pw_decision, pw_subject, pw_subject_link"
}

measure() { # measure SIZE: times the requests and the queries, one line each into $WORK/b8-SIZE.txt
  python3 "$HERE/b8_reports.py" "$PORT" "$RUNS" "$DB" >"$WORK/b8-$1.txt" || exit 1
  log "with $1 cases:"; cat "$WORK/b8-$1.txt" >&2
}

log "loading $SMALL cases"; load 1 "$SMALL"
measure "$SMALL"
if [ "$LARGE" -gt "$SMALL" ]; then
  step=100000
  for ((from = SMALL + 1; from <= LARGE; from += step)); do
    to=$((from + step - 1)); ((to > LARGE)) && to=$LARGE
    log "loading cases $from to $to"; load "$from" "$to"
  done
  measure "$LARGE"
  echo "| measure (median ms) | $SMALL cases | $LARGE cases | ratio |"
  echo "|---|---:|---:|---:|"
  LC_ALL=C join -t "|" <(LC_ALL=C sort "$WORK/b8-$SMALL.txt") <(LC_ALL=C sort "$WORK/b8-$LARGE.txt") |
    awk -F'|' '{ split($2, a, " "); split($3, b, " "); r = (a[1] > 0) ? b[1] / a[1] : 0;
                 printf "| %s | %s (p95 %s) | %s (p95 %s) | %.2f |\n", $1, a[1], a[2], b[1], b[2], r }'
else
  cat "$WORK/b8-$SMALL.txt"
fi
log "rows: $(sql "select 'pw_case ' || (select count(*) from pw_case) || ', pw_subject ' || (select count(*) from pw_subject) || ', pw_subject_link ' || (select count(*) from pw_subject_link)")"
log "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
