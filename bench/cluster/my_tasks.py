#!/usr/bin/env python3
"""B3: an agency's "my tasks" first page, as the Tasklist asks for it, timed. Prints one JSON line.
    python3 bench/cluster/my_tasks.py BASE_URL USER [RUNS [WARMUP]]
The Tasklist's calls for the agency filter "My agency's tasks (<agency>)": the first page (15 tasks, HAL, which
includes the filter's total count), the same page as plain JSON (no count) and the filter's count (shown beside its
name); each timed RUNS times after a warm-up of WARMUP (5), signed in as USER with HTTP Basic (authorization checks
on, as in production)."""
import base64, json, statistics, sys, time, urllib.request

base, user = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 30
warmup = int(sys.argv[4]) if len(sys.argv) > 4 else 5
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
    """p50 and p95 of RUNS calls after WARMUP; a call that fails (the database's statement_timeout in the "before"
    runs) ends the series and is reported with how long it took to fail."""
    times, last = [], None
    for n in range(warmup + runs):
        t0 = time.perf_counter()
        try:
            ms, last = call(path, body, accept)
        except Exception as e:  # urllib.error.HTTPError, timeouts
            return {"failed": str(e)[:80], "after_ms": round((time.perf_counter() - t0) * 1000, 1)}, None
        if n >= warmup:
            times.append(ms)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}, last


# what the Tasklist asks: HAL, which carries the filter's total count, so every page also counts every task
page, data = timed("/engine-rest/filter/%s/list?firstResult=0&maxResults=15" % fid, {}, "application/hal+json")
# the same first page without the count (plain JSON)
bare, _ = timed("/engine-rest/filter/%s/list?firstResult=0&maxResults=15" % fid, {})
# the count beside the filter's name in the Tasklist
count, counted = timed("/engine-rest/filter/%s/count" % fid)
out = {"filter": mine[0]["name"], "first_page": page, "first_page_without_count": bare, "count": count, "runs": runs}
if data:
    out["page_size"] = len(data["_embedded"]["task"])
if counted:
    out["tasks_visible"] = counted["count"]
print(json.dumps(out))
