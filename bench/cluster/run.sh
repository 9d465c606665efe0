#!/usr/bin/env bash
# B0, B1, B2 (docs/benchmarks.md "Cluster and pathway benchmarks"). Not a test; loopback only; every loop bounded.
# Prints its figures. Takes about 10 minutes on 2 cores. B3, B4, B5: b3.sh, b4.sh, b5.sh.
#   bash bench/cluster/run.sh            PATHWAYS per thread (default 15); ONLY="B1" to pick
#   B1_JFR=/tmp/b1-jfr bash bench/cluster/run.sh     also records B1's measured runs, one Java Flight Recording each
#                                                   (DIR/pathways-4.jfr, DIR/bare-4.jfr, ...; bench/cluster/jfr_shares.py)
# Uses databases pathways_bench (Pathways), pathways_bench_bare (B1's bare engine) and pathways_pgbench (TPC-B), all
# dropped and re-created.
WORK=${WORK:-$(cd "$(dirname "$0")/../.." && pwd)/target/cluster-bench-run}
source "$(dirname "$0")/lib.sh"
DB=${PATHWAYS_BENCH_DB:-pathways_bench}
PATHWAYS=${PATHWAYS:-15}
N1=18091; N2=18092
cleanup() { stop_node 1; stop_node 2; }
trap cleanup EXIT
# ONLY="B1 B2" runs some of them (B0 always runs: the ratios need it).
want() { [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $1 "* ]]; }
commits() { psql -h localhost -U "$PGUSER_" -d postgres -qtAX -c "select xact_commit from pg_stat_database where datname = '$DB'"; }

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
echo "# $(psql -h localhost -U "$PGUSER_" -d postgres -qtAX -c 'select version()' | cut -d, -f1); $(java -version 2>&1 | head -1)"

# B0: pgbench TPC-B at 1 and 4 clients
as_root su postgres -c "psql -q -c 'drop database if exists pathways_pgbench with (force)' -c 'create database pathways_pgbench owner $PGUSER_'" >/dev/null
pgbench -h localhost -U "$PGUSER_" -i -s 10 -q pathways_pgbench >/dev/null 2>&1
for c in 1 4; do
  tps=$(pgbench -h localhost -U "$PGUSER_" -c $c -j $((c > 1 ? 2 : 1)) -T 20 pathways_pgbench 2>/dev/null | awk '/^tps/ {print $3; exit}')
  echo "B0 pgbench TPC-B scale 10, $c client(s), 20 s: $tps tps"; eval "TPCB_$c=$tps"
done

# B5 (Pathways side): start-up time and resident memory of one node
fresh_db; need_jar
t0=$(date +%s.%N); start_node 1 $N1; wait_up $N1 || exit 2; t1=$(date +%s.%N)
sleep 5
want B5 && echo "B5 Pathways node start to health UP: $(awk -v a=$t0 -v b=$t1 'BEGIN {printf "%.1f", b - a}') s (first start: schema creation included); $(grep -o 'Started PathwaysApplication in [0-9.]* seconds' "$WORK/node-1.log"); RSS $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$(cat "$WORK/node-1.pid")/status) (-Xmx512m)"
stop_node 1

# B1: the same pathway steps through the Java API (in one JVM, job executor off), 1 and 4 threads: Pathways against a
# bare Camunda 7.24 engine running the same models with no-op delegates (BareEngine), alternately, the bare engine on a
# database of its own (${DB}_bare) on the same server. B1_JFR: a directory for one recording per measured run.
as_root su postgres -c "psql -q -c 'drop database if exists ${DB}_bare with (force)' -c 'create database ${DB}_bare owner $PGUSER_'" >/dev/null
echo "# load before B1: $(cut -d' ' -f1-3 /proc/loadavg)"
want B1 && (cd "$ROOT" && PATHWAYS_TEST_POSTGRES=true PATHWAYS_DB_URL=jdbc:postgresql://localhost:5432/$DB \
  ./mvnw -q -B -o test -Dtest=PathwayStepsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dpathways.bench.pathways=$PATHWAYS \
    ${B1_JFR:+"-Dpathways.bench.jfr=$B1_JFR"} 2>&1) \
  | grep '^B1' | while read -r line; do
      if [[ $line != *"API, "* ]]; then echo "$line"; continue; fi
      t=$(sed 's/.*API, \([0-9]*\) thread.*/\1/' <<<"$line"); sps=$(sed 's/.* = \([0-9.]*\) steps\/s.*/\1/' <<<"$line")
      echo "$line; ratio to TPC-B at $t: $(awk -v a=$sps -v b=$(eval echo "\$TPCB_$t") 'BEGIN {printf "%.3f", a / b}')"
    done

t0=$(date +%s.%N); start_node 1 $N1; wait_up $N1 || exit 2; t1=$(date +%s.%N); sleep 5
want B5 && echo "B5 Pathways node restart (schema present) to health UP: $(awk -v a=$t0 -v b=$t1 'BEGIN {printf "%.1f", b - a}') s; $(grep -o 'Started PathwaysApplication in [0-9.]* seconds' "$WORK/node-1.log"); RSS $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$(cat "$WORK/node-1.pid")/status)"

# The harness with production job executor settings: an idle node commits (almost) nothing. With the old override
# (max-wait 2000, below wait-time-in-millis 5000) this was about 1,500 commits a second (issue 20).
# B1 leaves its e-mails queued (its engines run without a job executor): this node delivers them first. Wait until no
# job is due (at most 10 minutes), so that "idle" is idle; how long that took is printed too.
due() { sql "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())" 2>/dev/null || echo 0; }
b0=$(date +%s); n0=$(due)
while [ "$(due)" -gt 0 ] && [ $(($(date +%s) - b0)) -lt 600 ]; do sleep 2; done
echo "B2 backlog before the idle check: $n0 due jobs (B1's e-mail deliveries), done in $(($(date +%s) - b0)) s; $(due) left"
c0=$(commits); sleep 30; c1=$(commits)
echo "B2 idle node, 30 s, no jobs: $(awk -v c=$((c1 - c0)) 'BEGIN {printf "%.1f", c / 30}') commits/s on its database (load $(cut -d' ' -f1-3 /proc/loadavg))"

# B2: pathway steps through the HTTP API, one node, 1 and 4 threads; commits per step
python3 "$ROOT/bench/cluster/pathway_http.py" --threads 1 --pathways 2 --seconds 60 http://127.0.0.1:$N1 >/dev/null # warm-up
want B2 && for t in 1 4; do
  c0=$(commits)
  echo "# load before B2 at $t: $(cut -d' ' -f1-3 /proc/loadavg)"
  r=$(python3 "$ROOT/bench/cluster/pathway_http.py" --threads $t --pathways "$PATHWAYS" --seconds 180 http://127.0.0.1:$N1)
  c1=$(commits)
  steps=$(sed 's/.*"steps": \([0-9]*\).*/\1/' <<<"$r"); sps=$(sed 's/.*"steps_per_s": \([0-9.]*\).*/\1/' <<<"$r")
  tpcb=$(eval echo "\$TPCB_$t")
  echo "B2 HTTP one node, $t thread(s): $r; commits per step $(awk -v c=$((c1 - c0)) -v s=$steps 'BEGIN {printf "%.1f", c / s}') (all transactions on the database, task look-ups and job executor polling included); ratio to TPC-B at $t: $(awk -v a=$sps -v b=$tpcb 'BEGIN {printf "%.3f", a / b}')"
done

# B3, B4 and B5 have scripts of their own: b3.sh, b4.sh, b5.sh.
