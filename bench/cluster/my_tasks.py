#!/usr/bin/env python3
"""B3: an agency's "my tasks" first page, as the Tasklist asks for it, timed. Prints one JSON line.
    python3 bench/cluster/my_tasks.py BASE_URL USER [RUNS]
The Tasklist's calls for the agency filter "My agency's tasks (<agency>)": the first page (15 tasks, HAL, with the
filter's variables: reference and child) and the filter's count (shown beside its name); each timed RUNS times after
a warm-up of 5, signed in as USER with HTTP Basic (authorization checks on, as in production)."""
import base64, json, statistics, sys, time, urllib.request

base, user = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 30
auth = "Basic " + base64.b64encode((user + ":Demo!Password1").encode()).decode()


def call(path, body=None, accept="application/json"):
    headers = {"Authorization": auth, "Accept": accept}
    if body is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + path, None if body is None else json.dumps(body).encode(), headers)
    t0 = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        data = json.loads(response.read())
    return (time.perf_counter() - t0) * 1000, data


_, filters = call("/engine-rest/filter?resourceType=Task")
mine = [f for f in filters if f["name"].startswith("My agency's tasks")]
if len(mine) != 1:
    sys.exit("expected one 'My agency's tasks' filter for %s, got %s" % (user, [f["name"] for f in filters]))
fid = mine[0]["id"]


def timed(path, body=None, accept="application/json"):
    for _ in range(5):
        call(path, body, accept)
    times, last = [], None
    for _ in range(runs):
        ms, last = call(path, body, accept)
        times.append(ms)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}, last


page, data = timed("/engine-rest/filter/%s/list?firstResult=0&maxResults=15" % fid, {}, "application/hal+json")
count, counted = timed("/engine-rest/filter/%s/count" % fid)
tasks = data["_embedded"]["task"]
variables = data["_embedded"].get("variable", [])
print(json.dumps({"filter": mine[0]["name"], "tasks_visible": counted["count"], "page_size": len(tasks),
                  "page_has_variables": len(variables) > 0, "first_page": page, "count": count, "runs": runs}))
