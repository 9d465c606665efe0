# Shared helpers for bench/cluster/*.sh: two Pathways nodes (java -jar) on one local PostgreSQL, loopback only.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DB=${PATHWAYS_CLUSTER_DB:-pathways_cluster}
PGUSER_=${PATHWAYS_DB_USER:-pathways}
export PGPASSWORD=${PATHWAYS_DB_PASSWORD:-pathways}
PW='Demo!Password1'
WORK=${WORK:-$ROOT/target/cluster-bench}
mkdir -p "$WORK"
JAR=$(ls "$ROOT"/target/pathways-*.jar 2>/dev/null | grep -v original | head -1)

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
sql() { psql -h localhost -U "$PGUSER_" -d "$DB" -qtAX -c "$1"; }
sql_admin() { psql -h localhost -U "$PGUSER_" -d postgres -qtAX -c "$1"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

fresh_db() {
  as_root su postgres -c "psql -q -c 'drop database if exists $DB with (force)'" >/dev/null
  as_root su postgres -c "psql -q -c 'create database $DB owner $PGUSER_'" >/dev/null
}

need_jar() {
  if [ -z "$JAR" ]; then
    log "building the jar (./mvnw -o package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -o -q package -DskipTests) || exit 2
    JAR=$(ls "$ROOT"/target/pathways-*.jar | grep -v original | head -1)
  fi
}

# start_node N PORT [extra args...]: starts node-N in the background, pid in $WORK/node-N.pid
start_node() {
  local n=$1 port=$2; shift 2
  PATHWAYS_NODE_ID=node-$n PATHWAYS_DB_URL=jdbc:postgresql://localhost:5432/$DB \
    nohup java -Xms128m -Xmx512m -jar "$JAR" --spring.profiles.active=postgres,cluster,demo \
      --server.port="$port" --server.address=127.0.0.1 --pathways.data-dir="$WORK/data-$n" \
      --camunda.bpm.job-execution.max-wait=2000 "$@" >"$WORK/node-$n.log" 2>&1 &
  echo $! >"$WORK/node-$n.pid"
}

# wait_up PORT [seconds]
wait_up() {
  local port=$1 limit=${2:-240} i
  for ((i = 0; i < limit; i++)); do
    curl -sf -m 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    sleep 1
  done
  log "node on port $port did not come up in ${limit}s"; return 1
}

stop_node() {
  local n=$1 pid
  pid=$(cat "$WORK/node-$n.pid" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null && for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null; rm -f "$WORK/node-$n.pid"
}

# A made-up child's surname from a number: letters only.
letters() { local n=$1 s=""; while :; do s+=$(printf "\\$(printf '%03o' $((97 + n % 26)))"); n=$((n / 26)); ((n == 0)) && break; done; echo "$s"; }

referral_body() { # referral_body SURNAME [indicators-json]
  local dob; dob=$(date -d "-14 years -30 days" +%F)
  printf '{"child":{"firstName":"Kit","lastName":"%s","dateOfBirth":"%s","gender":"MALE","ethnicity":"WHITE_BRITISH","district":"Kettering","lookedAfter":false},"referrer":{"agency":"health","name":"Dana Example","email":"dana.example@health.example"},"concerns":"Synthetic concern","indicators":%s}' \
    "$1" "$dob" "${2:-[\"UNKNOWN_VEHICLES\"]}"
}

SCREENING_FORM='{"variables":{"indicators":{"value":"[\"OLDER_PARTNER\"]"},"disclosure":{"value":false},"learningDisability":{"value":false},"screeningNotes":{"value":"Synthetic notes"}}}'
