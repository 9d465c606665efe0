#!/usr/bin/env bash
# B5: start-up time and resident memory of a Pathways node against a bare Camunda 7.24 starter app built from the
# same BOMs (bench/cluster/bare-app), both on PostgreSQL with the schema already present, same JVM flags.
# Each side is started RUNS times (default 7), alternately (bare, Pathways, bare, ...), so that load from elsewhere
# falls on both; every raw line carries the load average before and after its start. Then what Pathways adds, one
# component at a time (COMPONENT_RUNS starts each, default 3):
#   - Flyway: Pathways started with --spring.flyway.enabled=false (the schema is present, so nothing else changes);
#   - every bean that took 100 ms or more, from Spring's start-up steps (-Dpathways.startup-steps=true:
#     cluster.StartupReport), such as flywayInitializer and processEngine (the engine with Pathways' plugins);
#   - the pathway validator: its own log line on the first start, when the models are deployed.
#   bash bench/cluster/b5.sh        RUNS (7), COMPONENT_RUNS (3); raw output to stdout
WORK=${WORK:-$(cd "$(dirname "$0")/../.." && pwd)/target/cluster-b5}
source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-7}; COMPONENT_RUNS=${COMPONENT_RUNS:-3}
[ "$RUNS" -ge 1 ] && [ "$COMPONENT_RUNS" -ge 1 ] || { echo "b5: RUNS and COMPONENT_RUNS must be at least 1" >&2; exit 2; }
need_jar
(cd "$ROOT/bench/cluster/bare-app" && "$ROOT/mvnw" -B -o -q package -DskipTests) || exit 2
BARE=$(ls "$ROOT"/bench/cluster/bare-app/target/bare-camunda-1.jar)
for db in pathways_b5 pathways_bare; do
  as_root su postgres -c "psql -q -c 'drop database if exists $db with (force)' -c 'create database $db owner $PGUSER_'" >/dev/null
done
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "# B5 $(date -u +%FT%TZ); $(nproc) cores; load $(load); RUNS=$RUNS COMPONENT_RUNS=$COMPONENT_RUNS"

# start_once LABEL PORT command...: one start; prints "seconds rss_mb" and keeps the log as $WORK/LABEL.log. The
# seconds are the JVM's own uptime when Spring Boot logged "Started ... (process running for N)", to the millisecond:
# health UP is only polled once a second (wait_up), which made every start a whole number of polls after launch (the
# figures before 2026-12-07 23:37 UTC were read at that one-second resolution). The raw line gives both.
start_once() {
  local label=$1 port=$2; shift 2; local t0 t1 pid l0
  l0=$(load); t0=$(date +%s.%N); "$@" --server.port=$port --server.address=127.0.0.1 >"$WORK/$label.log" 2>&1 & pid=$!
  wait_up "$port" 300 || { kill -9 $pid; return 1; }; t1=$(date +%s.%N); sleep 10
  local secs up rss; up=$(awk -v a=$t0 -v b=$t1 'BEGIN {printf "%.1f", b - a}'); rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
  secs=$(grep -o 'Started [A-Za-z]*Application in [0-9.]* seconds (process running for [0-9.]*' "$WORK/$label.log" | awk '{print $NF}')
  kill $pid; wait $pid 2>/dev/null
  [ -n "$secs" ] || { echo "B5: no \"Started\" line in $WORK/$label.log" >&2; return 1; }
  echo "B5 raw $label: started at JVM uptime $secs s (health UP seen at $up s, polled each second), RSS $rss MB, load before $l0, after $(load)" >&2
  echo "$secs $rss"
}
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

JVM=(java -Xms128m -Xmx512m)
PHASES="$WORK/phases.txt"; : >"$PHASES"
bare() { start_once bare 18095 env PATHWAYS_DB_URL=jdbc:postgresql://localhost:5432/pathways_bare "${JVM[@]}" -jar "$BARE"; }
pathways() { # pathways LABEL [JVM options...] -- [app args...]
  local label=$1; shift; local jvm=() ; while [ $# -gt 0 ] && [ "$1" != -- ]; do jvm+=("$1"); shift; done; shift
  start_once "$label" 18096 env PATHWAYS_NODE_ID=b5 PATHWAYS_DB_URL=jdbc:postgresql://localhost:5432/pathways_b5 "${JVM[@]}" "${jvm[@]}" -jar "$JAR" \
    --spring.profiles.active=postgres,cluster,demo --pathways.data-dir="$WORK/data" "$@"
}

# run 0 of each creates its schema and is not counted; Pathways' first start also deploys (the validator's line)
bare >/dev/null 2>&1 || exit 2
pathways pathways-first -- >/dev/null || exit 2
echo "B5 first start (schema made, models deployed): $(grep -o "Deployment '[^']*': [0-9]* resources validated in [0-9]* ms" "$WORK/pathways-first.log" | paste -sd ';')"

bare_t=(); bare_m=(); pw_t=(); pw_m=()
for ((i = 1; i <= RUNS; i++)); do
  read -r t m < <(bare) || exit 2; bare_t+=("$t"); bare_m+=("$m"); echo "bare $(phases "$WORK/bare.log")" >>"$PHASES"
  read -r t m < <(pathways pathways --) || exit 2; pw_t+=("$t"); pw_m+=("$m"); echo "pathways $(phases "$WORK/pathways.log")" >>"$PHASES"
done
bt=$(printf '%s\n' "${bare_t[@]}" | median); bm=$(printf '%s\n' "${bare_m[@]}" | median)
pt=$(printf '%s\n' "${pw_t[@]}" | median); pm=$(printf '%s\n' "${pw_m[@]}" | median)
echo "B5 bare: started at ${bare_t[*]} s (median $bt); RSS ${bare_m[*]} MB (median $bm)"
echo "B5 pathways: started at ${pw_t[*]} s (median $pt); RSS ${pw_m[*]} MB (median $pm)"
echo "B5 ratio: start $(awk -v a=$pt -v b=$bt 'BEGIN {printf "%.2f", a / b}')x (goal <= 1.2), memory $(awk -v a=$pm -v b=$bm 'BEGIN {printf "%.2f", a / b}')x"

# where the time went, phase by phase (medians of the starts above, from their logs)
phase_median() { awk -v side="$1" -v col="$2" '$1 == side {print $col}' "$PHASES" | median; }
echo "B5 phases, median ms (bare / Pathways / difference):"
col=2; for phase in launch context flyway engine other; do
  b=$(phase_median bare $col); p=$(phase_median pathways $col)
  echo "B5   $phase: $b / $p / $(awk -v a="$p" -v b="$b" 'BEGIN {printf "%+d", a - b}')"; col=$((col + 1))
done
sed 's/^/B5 raw phases (launch context flyway engine other, ms): /' "$PHASES" >&2

# what Pathways adds, one by one
nf=(); for ((i = 1; i <= COMPONENT_RUNS; i++)); do read -r t m < <(pathways pathways-noflyway -- --spring.flyway.enabled=false) || exit 2; nf+=("$t"); done
echo "B5 component Flyway: Pathways without Flyway ${nf[*]} s (median $(printf '%s\n' "${nf[@]}" | median); as shipped $pt)"
read -r t m < <(pathways pathways-steps -Dpathways.startup-steps=true --) || exit 2
echo "B5 component beans (one start, $t s; each bean's own time, then with the beans it needed first):"
grep -o 'Start-up step: bean .* took [0-9]* ms of its own ([0-9]* ms with the beans it needed)' "$WORK/pathways-steps.log" | head -15 | sed 's/^/B5   /'
