"""B8's client: times the reports the board and the police read, RUNS times each after 3 warm-ups, on the node at
PORT, and the problem profile's SQL queries themselves (EXPLAIN ANALYZE through psql on database DB, parallel plans
off as in a dashboard transaction). Prints one line per measure: 'name|median p95' in milliseconds. Loopback only.
Usage: python3 b8_reports.py PORT RUNS DB"""
import base64, datetime, os, re, statistics, subprocess, sys, time, urllib.request

port, runs, db = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
PW = "Demo!Password1"
month = datetime.date.today().strftime("%Y-%m")


def auth(user):
    return "Basic " + base64.b64encode(f"{user}:{PW}".encode()).decode()


def get(path, user):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Authorization": auth(user)})
    start = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as r:
        r.read()
        if r.status != 200:
            raise SystemExit(f"{path}: {r.status}")
    return (time.perf_counter() - start) * 1000


def summary(times):
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return f"{statistics.median(times):.1f} {p95:.1f}"


requests = [
    ("GET /api/profile (police)", f"/api/profile?to={month}", "police-manager"),
    ("GET /api/profile (board)", f"/api/profile?to={month}", "performance-reader"),
    ("GET /api/reports/problem-profile CSV (board)", f"/api/reports/problem-profile?to={month}", "performance-reader"),
]
if os.environ.get("B8_DISRUPTION_PATH"):
    requests.append(("disruption report (police)", os.environ["B8_DISRUPTION_PATH"], "police-manager"))

if os.environ.get("B8_SQL_ONLY"):  # the queries only, on a database loaded by b8.sh's load (no node needed)
    requests = []
for name, path, user in requests:
    for _ in range(3):
        get(path, user)
    print(f"{name}|{summary([get(path, user) for _ in range(runs)])}", flush=True)

# the profile's four queries (ProfileRepository), over the twelve months to this month
first = (datetime.date.today().replace(day=1) - datetime.timedelta(days=335)).replace(day=1).isoformat()
period = f"'{first}'::timestamptz and date_trunc('month', now()) + interval '1 month'"
queries = {
    # ProfileRepository reads the period's rows through their time indexes, then the cases and subjects they name by
    # primary key (500 at a time); the key look-ups are in the requests' figures above
    "  referrals in the period": f"""select r.case_id, r.received_at, r.age_at_referral from pw_referral r
        where r.received_at between {period}""",
    "  screenings": f"""select d.indicators, d.exploitation_type from pw_decision d
        where d.kind = 'SCREENING' and d.decided_at between {period}""",
    "  subjects recorded": f"select s.kind, s.category, s.recorded_at from pw_subject s where s.recorded_at between {period}",
    "  links to cases in the period": f"""select l.subject_id, count(distinct l.case_id) from pw_subject_link l
        where l.recorded_at between {period} and l.case_id is not null group by l.subject_id""",
}
extra = os.environ.get("B8_DISRUPTION_SQL")  # the disruption report's query, once merged
if extra:
    queries["  disruption report query"] = extra
for name, sql in queries.items():
    times = []
    for i in range(runs + 3):
        out = subprocess.run(
            ["psql", "-h", "localhost", "-U", os.environ.get("PATHWAYS_DB_USER", "pathways"), "-d", db, "-qtAX", "-c",
             f"set max_parallel_workers_per_gather = 0; explain (analyze) {sql}"],
            capture_output=True, text=True, check=True).stdout
        if i >= 3:
            times.append(float(re.search(r"Execution Time: ([\d.]+) ms", out).group(1)))
    print(f"{name}|{summary(times)}", flush=True)
