#!/usr/bin/env bash
# The KPI benchmark on PostgreSQL (bench/README.md). Not part of ./mvnw test or CI.
#   bench/run.sh                       # generate through the pathways, grow to 10k and 1M, time, print
#   BENCH_KEEP_DB=1 bench/run.sh       # reuse the database as it is (taken back to 10k referrals first)
#   BENCH_DB=other_db bench/run.sh     # another database than pathways_bench
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
version=$(ls /etc/postgresql | sort -n | tail -1)
as_root pg_ctlcluster "$version" main start 2>/dev/null || true
for i in $(seq 1 30); do as_root su postgres -c "pg_isready -q" && break; sleep 1; done
if ! as_root su postgres -c "psql -tAc \"select 1 from pg_roles where rolname = 'pathways'\"" | grep -q 1; then
  as_root su postgres -c "psql -q -c \"create role pathways login password 'pathways'\""
fi

db=${BENCH_DB:-pathways_bench}
export PATHWAYS_DB_URL=jdbc:postgresql://localhost:5432/$db PATHWAYS_DB_USER=pathways PATHWAYS_DB_PASSWORD=pathways
# outside the demo profile Pathways refuses to start without an administrator password: a throwaway one
export PATHWAYS_ADMIN_PASSWORD=${PATHWAYS_ADMIN_PASSWORD:-"Bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')-Aa1!"}
referrals=${BENCH_PATHWAY_REFERRALS:-300}
years=${BENCH_PATHWAY_YEARS:-2}

if [ -z "${BENCH_KEEP_DB:-}" ]; then
  as_root su postgres -c "psql -q -c 'drop database if exists $db'"
  as_root su postgres -c "psql -q -c 'create database $db owner pathways'"
  echo "bench: walking $referrals synthetic referrals over $years years through the real pathways"
  start=$(date +%s)
  ./mvnw -q -B spring-boot:run -Dspring-boot.run.profiles=generate,postgres \
    -Dspring-boot.run.arguments="--pathways.generate.years=$years --pathways.generate.referrals=$referrals --pathways.data-dir=target/gen-data" \
    | grep -E "Synthetic history done|stopped early" || true
  echo "bench: generator took $(( $(date +%s) - start )) s"
fi

./mvnw -q -B test -Dtest=KpiBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.reset="${BENCH_KEEP_DB:+true}" \
  -Dbench.small="${BENCH_SMALL:-10000}" -Dbench.large="${BENCH_LARGE:-1000000}" -Dbench.runs="${BENCH_RUNS:-7}" \
  | grep -E "^\[bench\]|^\||^===|^Worst|^Rows" || true
echo
cat target/kpi-bench.md
