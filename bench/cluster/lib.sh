# Shared helpers for bench/cluster/*.sh: two Pathways nodes (java -jar) on one local PostgreSQL, loopback only.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DB=${PATHWAYS_CLUSTER_DB:-pathways_cluster}
PGUSER_=${PATHWAYS_DB_USER:-pathways}
export PGPASSWORD=${PATHWAYS_DB_PASSWORD:-pathways}
PW='Demo!Password1'
WORK=${WORK:-$ROOT/target/cluster-bench}
mkdir -p "$WORK"
# JAR=path runs that jar; otherwise target/'s, rebuilt first if any source, model, form or resource is newer than it
# (a stale jar once made B2 fail every screening: its form lacked a field the client sends).
JAR=${JAR:-}

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
sql() { psql -h localhost -U "$PGUSER_" -d "$DB" -qtAX -c "$1"; }
sql_admin() { psql -h localhost -U "$PGUSER_" -d postgres -qtAX -c "$1"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

fresh_db() {
  as_root su postgres -c "psql -q -c 'drop database if exists $DB with (force)'" >/dev/null
  as_root su postgres -c "psql -q -c 'create database $DB owner $PGUSER_'" >/dev/null
}

need_jar() {
  if [ -n "$JAR" ]; then
    log "using $JAR as given"
    return
  fi
  JAR=$(ls "$ROOT"/target/pathways-*.jar 2>/dev/null | grep -v original | head -1)
  if [ -z "$JAR" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/bpmn" "$ROOT/forms" "$ROOT/pom.xml" -newer "$JAR" -type f -print -quit)" ]; then
    log "building the jar (./mvnw -o package -DskipTests): none yet, or older than the sources"
    (cd "$ROOT" && ./mvnw -B -o -q package -DskipTests) || exit 2
    JAR=$(ls "$ROOT"/target/pathways-*.jar | grep -v original | head -1)
  fi
  log "using $JAR ($(date -r "$JAR" -u +%FT%TZ))"
}

# start_node N PORT [extra args...]: starts node-N in the background, pid in $WORK/node-N.pid, with the job executor's
# production settings (application-cluster.yml: wait-time-in-millis 5000, max-wait 60000). An override of max-wait
# below wait-time-in-millis made an idle node run the acquisition query about 1,500 times a second and share the cores
# with it (issue 20): check_job_args refuses one, and the node's log records the settings it ran with.
# NODE_JFR=DIR: each node also makes a Java Flight Recording, DIR/node-N.jfr, written when the node stops (2,048
# frames a stack instead of JFR's 64, so that a sample deep in the engine still shows the request it served).
start_node() {
  local n=$1 port=$2; shift 2
  [ -n "${NODE_JFR:-}" ] && mkdir -p "$NODE_JFR"
  check_job_args "$@" || return 1
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then log "port $port is in use: stop what listens there first"; return 1; fi
  PATHWAYS_NODE_ID=node-$n PATHWAYS_DB_URL=jdbc:postgresql://localhost:5432/$DB \
    nohup java -Xms128m -Xmx512m ${NODE_JFR:+-XX:FlightRecorderOptions=stackdepth=2048 "-XX:StartFlightRecording=filename=$NODE_JFR/node-$n.jfr,settings=profile,dumponexit=true"} -jar "$JAR" --spring.profiles.active=postgres,cluster,demo \
      --server.port="$port" --server.address=127.0.0.1 --pathways.data-dir="$WORK/data-$n" \
      "$@" >"$WORK/node-$n.log" 2>&1 &
  echo $! >"$WORK/node-$n.pid"; echo $! >"$WORK/port-$port.pid"
}

# check_job_args [args...]: refuses a job executor override whose idle wait would be shorter than production's (a
# max-wait below wait-time-in-millis makes Camunda's back-off never wait: the acquisition query in a loop)
check_job_args() {
  local a wait=5000 max=60000
  for a in "$@"; do
    case $a in
      --camunda.bpm.job-execution.wait-time-in-millis=*) wait=${a#*=} ;;
      --camunda.bpm.job-execution.max-wait=*) max=${a#*=} ;;
    esac
  done
  if ((max < wait)); then log "refused: job-execution max-wait $max is below wait-time-in-millis $wait (an idle node would poll in a loop)"; return 1; fi
  echo "# job executor: wait-time-in-millis $wait, max-wait $max (application-cluster.yml unless overridden)" >>"$WORK/job-settings.txt"
}

# wait_up PORT [seconds]
wait_up() {
  local port=$1 limit=${2:-240} i
  for ((i = 0; i < limit; i++)); do
    curl -sf -m 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    if [ -f "$WORK/port-$port.pid" ] && ! kill -0 "$(cat "$WORK/port-$port.pid")" 2>/dev/null; then
      log "the node on port $port stopped while starting (its log is in $WORK)"; return 1
    fi
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

# refer_many PORT COUNT PREFIX: COUNT referrals through the API as health-worker, each waiting at MASH screening
refer_many() {
  local port=$1 count=$2 prefix=$3 i
  for i in $(seq 1 "$count"); do
    curl -sf -o /dev/null -u "health-worker:$PW" -H 'Content-Type: application/json' \
      -d "$(referral_body "$prefix$(letters $RANDOM)$(letters $i)")" "http://127.0.0.1:$port/api/referrals" \
      || { log "referral $i of $count refused"; return 1; }
  done
}

# tuning_statement N: the Nth statement of db/engine-tuning/postgresql.sql, read as EngineTuning reads it
# (paragraphs separated by blank lines, comment lines left out)
tuning_statement() {
  awk -v RS= -v n="$1" '{ s = ""; m = split($0, l, "\n"); for (i = 1; i <= m; i++) if (l[i] !~ /^[[:space:]]*--/) s = s l[i] "\n"
                         if (s ~ /[^[:space:]]/ && ++k == n) { printf "%s", s; exit } }' "$ROOT/src/main/resources/db/engine-tuning/postgresql.sql"
}

SCREENING_FORM='{"variables":{"indicators":{"value":"[\"OLDER_PARTNER\"]","type":"Json"},"disclosure":{"value":false},"learningDisability":{"value":false},"exploitationType":{"value":"SEXUAL"},"screeningNotes":{"value":"Synthetic notes"}}}'

# start_proxy PORT NODE_PORT...: nginx on 127.0.0.1:PORT with deploy/nginx/pathways.conf itself: its servers
# pathways-1:8080 and pathways-2:8080 replaced by the local nodes, its session routes (.pathways-N, the nodes'
# PATHWAYS_NODE_ID in Docker) by the local nodes' ids (.node-N), and a third node or more added as the config's
# comment says (a map line, an upstream, a server in pathways_any). Needs Debian's nginx (nginx-light).
start_proxy() {
  local port=$1; shift
  command -v nginx >/dev/null || as_root apt-get install -y -qq nginx-light >/dev/null || { log "no nginx"; return 1; }
  mkdir -p "$WORK/nginx"
  python3 - "$ROOT/deploy/nginx/pathways.conf" "$port" "$@" >"$WORK/nginx/pathways.conf" <<'PY' || return 1
import re, sys
conf, port, nodes = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3:]
conf = conf.replace("listen 80;", f"listen 127.0.0.1:{port};")
for i, p in enumerate(nodes[2:], start=3):  # the repo's config names two nodes: more are added as it says
    conf = conf.replace("    ~\\.pathways-2$ pathways_2;\n", f"    ~\\.pathways-2$ pathways_2;\n    ~\\.pathways-{i}$ pathways_{i};\n")
    conf = conf.replace("upstream pathways_any {", f"upstream pathways_{i} {{\n    server pathways-{i}:8080 max_fails=2 fail_timeout=10s;\n"
                        f"    server pathways-1:8080 backup;\n    keepalive 16;\n}}\n\nupstream pathways_any {{")
    conf = re.sub(r"(upstream pathways_any \{[^}]*?)(    keepalive)", rf"\1    server pathways-{i}:8080 max_fails=2 fail_timeout=10s;\n\2", conf)
for i, p in enumerate(nodes, start=1):
    conf = conf.replace(f"pathways-{i}:8080", f"127.0.0.1:{p}").replace(f"\\.pathways-{i}$", f"\\.node-{i}$")
print(conf, end="")
PY
  cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 256; }
http {
    access_log $WORK/nginx/access.log;
    # which node answered (for the tests only; not in the repo's config)
    add_header X-Pathways-Upstream \$upstream_addr always;
    client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
    include $WORK/nginx/pathways.conf;
}
CONF
  stop_proxy
  nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" || return 1
}
stop_proxy() {
  [ -f "$WORK/nginx/nginx.pid" ] && nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -s quit 2>/dev/null
  sleep 0.5; rm -f "$WORK/nginx/nginx.pid"; return 0
}
# start_sink PORT FILE: the loopback SMTP sink (bench/cluster/smtp_sink.py); one line per e-mail received.
start_sink() { nohup python3 "$ROOT/bench/cluster/smtp_sink.py" "$1" "$2" >"$WORK/sink.log" 2>&1 & echo $! >"$WORK/sink.pid"; sleep 0.5; }
stop_sink() { [ -f "$WORK/sink.pid" ] && kill "$(cat "$WORK/sink.pid")" 2>/dev/null; rm -f "$WORK/sink.pid"; return 0; }

# phases LOG (B5): where one start's time went, from log lines both apps write (milliseconds, one line; the five add
# up to the "process running for" of Spring Boot's "Started ..." line):
#   launch    the JVM and Spring Boot's launcher, before SpringApplication.run ("process running for" less "Started in");
#   context   SpringApplication.run to "Tomcat initialized": the environment, the configuration read and scanned, the
#             beans defined;
#   flyway    "HikariPool-1 - Starting" to Flyway's last line (Pathways; the bare app has no Flyway, and makes its
#             first connection inside the engine's start);
#   engine    "STARTER-SB040" to "ENGINE-00001 Process Engine default created": the engine with its plugins;
#   other     the rest of "Tomcat initialized" to "Started ...": every other bean, and Tomcat's start.
phases() {
  awk '
    function ms(line,  t) { split(substr(line, 12, 12), t, ":"); return int((t[1] * 3600 + t[2] * 60 + t[3]) * 1000 + 0.5) }
    /Tomcat initialized with port/ && w == "" { w = ms($0) }
    /HikariPool-1 - Starting/ && h == "" { h = ms($0) }
    /o\.f\.core\.internal\.command\.Db/ { f = ms($0) }
    /STARTER-SB040/ && e0 == "" { e0 = ms($0) }
    /ENGINE-00001 Process Engine/ && e1 == "" { e1 = ms($0) }
    /: Started [A-Za-z]*Application in/ {
      d = ms($0); match($0, /in [0-9.]+ seconds \(process running for [0-9.]+/)
      split(substr($0, RSTART, RLENGTH), p, " "); took = p[2] * 1000; uptime = p[7] * 1000 }
    # a time after "Started" is the day before it (a start across midnight UTC)
    function before(x) { return x > d ? x - 86400000 : x }
    END {
      if (d == "" || w == "" || e0 == "" || e1 == "") { print "phases: no Started, Tomcat or engine line in " FILENAME > "/dev/stderr"; exit 1 }
      run = d - took; w = before(w); e0 = before(e0); e1 = before(e1)
      fly = (f != "" && h != "") ? before(f) - before(h) : 0
      launch = int(uptime - took + 0.5); context = int(w - run + 0.5); engine = e1 - e0
      printf "%d %d %d %d %d\n", launch, context, fly, engine, int(uptime + 0.5) - launch - context - fly - engine }' "$1"
}
