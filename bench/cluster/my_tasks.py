#!/usr/bin/env python3
"""B3: an agency's "my tasks" first page, as the Tasklist asks for it, timed. Prints one JSON line.
    python3 bench/cluster/my_tasks.py BASE_URL USER [RUNS [WARMUP]]
The Tasklist's calls for the agency filter "My agency's tasks (<agency>)": the first page (15 tasks, HAL, which
includes the filter's total count), the same page as plain JSON (no count) and the filter's count (shown beside its
name); each timed RUNS times after a warm-up of WARMUP (5), signed in as USER with HTTP Basic (authorization checks
on, as in production).
Then the Pathways inbox (issue 14): GET /tasks, the practitioners' own task list (50 rows a page, never counted),
signed in as USER through the pages' form login (GET /login for the session and its CSRF token, POST /login), timed
the same way; each answer must be 200, the inbox, with 50 rows ("inbox_page", "inbox_rows")."""
import base64, http.cookiejar, json, re, statistics, sys, time, urllib.parse, urllib.request

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


def timed(path, body=None, accept="application/json", call=call):
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

# the Pathways inbox, as a signed-in practitioner's browser asks for it (session cookie; no HTTP Basic on the pages)
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
with browser.open(base + "/login", timeout=60) as response:
    token = re.search(r'name="_csrf"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_csrf"', response.read().decode())
if not token:
    sys.exit("no _csrf input on /login")
form = urllib.parse.urlencode({"username": user, "password": "Demo!Password1", "_csrf": token.group(1) or token.group(2)})
with browser.open(base + "/login", form.encode(), timeout=60) as response:  # 302 to /, followed with the new session
    if "/login" in response.geturl():
        sys.exit("signing in as %s on /login was refused (%s)" % (user, response.geturl()))


def page_call(path, body=None, accept="text/html"):
    t0 = time.perf_counter()
    with browser.open(urllib.request.Request(base + path, headers={"Accept": accept}), timeout=120) as response:
        html = response.read().decode()
        status, where = response.status, response.geturl()
    ms = (time.perf_counter() - t0) * 1000
    if status != 200 or "/login" in where or 'id="tasks"' not in html:
        raise RuntimeError("GET %s: %s at %s, not the inbox" % (path, status, where))
    return ms, html


inbox, html = timed("/tasks", call=page_call)
out["inbox_page"] = inbox
if html:
    out["inbox_rows"] = len(re.findall(r'<tr [^>]*data-task-id=', html))
    # rows missing what the inbox reads from the variables: the child (task-local), the case reference (task-local)
    out["inbox_rows_without_child"] = len(re.findall(r">\s*Not known\s*<br>", html))
    out["inbox_rows_without_reference"] = len(re.findall(r'<span class="govuk-body-s">\s*</span>', html))
if data:
    out["page_size"] = len(data["_embedded"]["task"])
if counted:
    out["tasks_visible"] = counted["count"]
if out.get("inbox_rows", 50) != 50:
    print(json.dumps(out))
    sys.exit("the inbox listed %s rows, not 50" % out["inbox_rows"])
print(json.dumps(out))
