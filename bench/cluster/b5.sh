#!/usr/bin/env bash
# B5: start-up time and resident memory of a Pathways node against a bare Camunda 7.24 starter app built from the
# same BOMs (bench/cluster/bare-app), both on PostgreSQL with the schema already present, same JVM flags.
# Each is started RUNS times (default 3); the figures are the medians.  bash bench/cluster/b5.sh
WORK=${WORK:-$(cd "$(dirname "$0")/../.." && pwd)/target/cluster-b5}
source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-3}
need_jar
(cd "$ROOT/bench/cluster/bare-app" && "$ROOT/mvnw" -B -o -q package -DskipTests) || exit 2
BARE=$(ls "$ROOT"/bench/cluster/bare-app/target/bare-camunda-1.jar)
for db in pathways_b5 pathways_bare; do
  as_root su postgres -c "psql -q -c 'drop database if exists $db with (force)' -c 'create database $db owner $PGUSER_'" >/dev/null
done
measure() { # measure LABEL PORT command...
  local label=$1 port=$2; shift 2; local i t0 t1 pid times=() rss=()
  for ((i = 0; i <= RUNS; i++)); do # run 0 creates the schema and is not counted
    t0=$(date +%s.%N); "$@" --server.port=$port --server.address=127.0.0.1 >"$WORK/$label.log" 2>&1 & pid=$!
    wait_up "$port" 300 || { kill -9 $pid; return 1; }; t1=$(date +%s.%N); sleep 10
    if ((i > 0)); then times+=("$(awk -v a=$t0 -v b=$t1 'BEGIN {printf "%.1f", b - a}')"); rss+=("$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)"); fi
    kill $pid; wait $pid 2>/dev/null
  done
  echo "B5 $label: start to health UP ${times[*]} s (middle value $(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p") s); RSS 10 s after ${rss[*]} MB (middle value $(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p") MB)"
}
JVM=(java -Xms128m -Xmx512m)
measure bare 18095 env PATHWAYS_DB_URL=jdbc:postgresql://localhost:5432/pathways_bare "${JVM[@]}" -jar "$BARE"
measure pathways 18096 env PATHWAYS_DB_URL=jdbc:postgresql://localhost:5432/pathways_b5 "${JVM[@]}" -jar "$JAR" \
  --spring.profiles.active=postgres,cluster,demo --pathways.data-dir="$WORK/data"
