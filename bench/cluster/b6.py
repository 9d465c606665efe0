#!/usr/bin/env python3
"""B6: many practitioners at once against one node (loopback only, bounded). Not a test; prints its figures.

Each simulated practitioner signs in at /login (a session of its own, CSRF token from the page) and works in a loop
with think time: referrers make a referral (POST /api/referrals) and read the case page; MASH workers open the
inbox, open a screening task and complete it on its page (POST /tasks/{id}); other agencies open the inbox, open a
task and read case pages. Latency per kind of request: p50, p95, p99.
usage: b6.py --users 100 --seconds 600 --think 3 http://127.0.0.1:18061
"""
import argparse, base64, http.cookiejar, json, random, re, string, threading, time, urllib.error, urllib.parse, urllib.request
from datetime import date, timedelta

PW = "Demo!Password1"
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
TASK_ROW = re.compile(r'data-task-id="([^"]+)"')
CASE_LINK = re.compile(r'href="/cases/(CASE-\d{4}-\d{6})"')


class Session:
    def __init__(self, base, user):
        self.base, self.user = base, user
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=60) as r:
            return r.status, r.geturl(), r.read().decode()

    def post(self, path, fields):
        data = urllib.parse.urlencode(fields, doseq=True).encode()
        with self.opener.open(urllib.request.Request(self.base + path, data=data, method="POST"), timeout=60) as r:
            return r.status, r.geturl(), r.read().decode()

    def sign_in(self):
        _, _, page = self.get("/login")
        token = CSRF.search(page).group(1)
        _, url, _ = self.post("/login", {"username": self.user, "password": PW, "_csrf": token})
        if "/login" in url:
            raise RuntimeError(f"{self.user} could not sign in")

    def node(self):
        """The node that holds this session: the suffix of its session id (JSESSIONID=<id>.<node id>), if any."""
        ids = [c.value for c in self.jar if c.name == "JSESSIONID"]
        return ids[-1].rsplit(".", 1)[1] if ids and "." in ids[-1] else "(unnamed)"


def api_referral(base, n):
    dob = date.today() - timedelta(days=365 * 14 + n % 300)
    name = "".join(random.choice(string.ascii_lowercase) for _ in range(7))
    body = {"child": {"firstName": "Bsix", "lastName": "Synthetic" + name, "dateOfBirth": dob.isoformat()},
            "referrer": {"agency": "education", "name": "Bench Referrer", "email": "bench@school.example"},
            "concerns": "Synthetic concern for B6", "indicators": ["OLDER_PARTNER"]}
    req = urllib.request.Request(base + "/api/referrals", data=json.dumps(body).encode(), method="POST")
    req.add_header("Authorization", "Basic " + base64.b64encode(f"education-worker:{PW}".encode()).decode())
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())["caseId"]


def practitioner(base, user, role, until, think, lat, errors, cases, lock, n, nodes, refer_every=0.0, in_phase=False):
    s = Session(base, user)
    try:
        s.sign_in()
    except Exception as e:  # noqa: BLE001 - counted, not fatal
        errors.append(("sign-in", str(e)))
        return
    with lock:
        nodes[s.node()] = nodes.get(s.node(), 0) + 1
    rnd = random.Random(n)
    # Paced referrers refer at independent moments: each one's first referral falls at a random point of its first
    # interval, as referrals from different schools and teams do. In phase (--refer-in-phase, the runs before
    # 2026-12-07 20:30), all referrers signed in within 5 s refer in the same few seconds of every interval.
    last_referral = -1e9 if in_phase or refer_every <= 0 else time.time() - rnd.uniform(0, refer_every)
    mine = []

    def timed(kind, fn):
        t = time.perf_counter()
        try:
            out = fn()
            took = time.perf_counter() - t
            if isinstance(out, tuple) and 'id="warning-title"' in out[2]:
                # a task a colleague completed first: the page warns so on the inbox (a redirect), timed apart from
                # the completions and task pages that did their work (the 40 MASH sessions share one demo user, so
                # the warning says "completed by you already, in another window or tab")
                lat.append((kind + ", lost to a colleague", took))
                return None
            lat.append((kind, took))
            return out
        except urllib.error.HTTPError as e:
            # timed under a kind of its own ("complete (screening), HTTP 404"), so that a quick refusal of a task a
            # colleague has just completed does not make the completions' percentiles look faster than they are
            lat.append((f"{kind}, HTTP {e.code}", time.perf_counter() - t))
            errors.append((kind, e.code))
        except Exception as e:  # noqa: BLE001
            errors.append((kind, type(e).__name__))
        return None

    while time.time() < until:
        time.sleep(rnd.uniform(think * 0.5, think * 1.5))
        if role == "referrer":
            if time.time() - last_referral < refer_every:  # between referrals, they follow up the ones they made
                if mine:
                    timed("case page", lambda: s.get("/cases/" + rnd.choice(mine[-10:])))
                continue
            last_referral = time.time()
            case = timed("referral (API)", lambda: api_referral(base, n * 100000 + rnd.randrange(100000)))
            if case:
                with lock:
                    cases.append(case)
                mine.append(case)
                time.sleep(rnd.uniform(0, think))
                timed("case page", lambda: s.get("/cases/" + case))
            continue
        inbox = timed("inbox", lambda: s.get("/tasks"))
        if not inbox:
            continue
        ids = TASK_ROW.findall(inbox[2])
        if ids and rnd.random() < 0.7:
            task = rnd.choice(ids[:20])
            time.sleep(rnd.uniform(0, think))
            page = timed("task page", lambda: s.get("/tasks/" + task))
            if page and role == "mash" and "name=\"screeningNotes\"" in page[2]:
                token = CSRF.search(page[2])
                time.sleep(rnd.uniform(think, think * 3))  # filling the form in
                if token:
                    done = timed("complete (screening)", lambda: s.post("/tasks/" + task, {
                        "_csrf": token.group(1), "indicators": ["OLDER_PARTNER"], "exploitationType": "SEXUAL", "screeningNotes": "Synthetic B6 notes"}))
                    if done and "/tasks" not in done[1]:
                        errors.append(("complete (screening)", "not done"))
            elif page:
                link = CASE_LINK.search(page[2])
                if link and rnd.random() < 0.5:
                    time.sleep(rnd.uniform(0, think))
                    timed("case page", lambda: s.get("/cases/" + link.group(1)))


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))] * 1000 if v else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=100)
    ap.add_argument("--seconds", type=int, default=600)
    ap.add_argument("--think", type=float, default=3.0)
    # 0: a referrer refers at every action (the first B6 runs); N: at most once every N seconds, else a case page
    ap.add_argument("--refer-every", type=float, default=0.0)
    # with --refer-every N: every referrer's first referral at once (as before 2026-12-07 20:30), not at a random moment
    ap.add_argument("--refer-in-phase", action="store_true")
    ap.add_argument("base")
    a = ap.parse_args()
    # the mix: a fifth referrers, two fifths MASH (they screen), the rest other agencies reading their work
    roles = []
    for i in range(a.users):
        r = i % 5
        roles.append(("education-worker", "referrer") if r == 0 else ("mash-worker", "mash") if r in (1, 2)
                     else (["police-worker", "childrens-services-worker", "health-worker"][i % 3], "other"))
    lat, errors, cases, lock, nodes = [], [], [], threading.Lock(), {}
    until = time.time() + a.seconds
    threads = [threading.Thread(target=practitioner, args=(a.base, u, r, until, a.think, lat, errors, cases, lock, i, nodes, a.refer_every, a.refer_in_phase), daemon=True)
               for i, (u, r) in enumerate(roles)]
    for t in threads:
        t.start()
        time.sleep(0.05)  # practitioners arrive over a few seconds, not in one instant
    for t in threads:
        t.join(a.seconds + 120)
    kinds = sorted({k for k, _ in lat})
    out = {"users": a.users, "seconds": a.seconds, "think_s": a.think, "refer_every_s": a.refer_every,
           "referrers_in_phase": a.refer_in_phase, "errors": len(errors),
           "error_kinds": sorted({f"{k}: {e}" for k, e in errors})[:10],
           "sessions_per_node": dict(sorted(nodes.items())),
           "per_kind": {k: {"n": sum(1 for kk, _ in lat if kk == k),
                            "p50_ms": round(pct([v for kk, v in lat if kk == k], 50), 1),
                            "p95_ms": round(pct([v for kk, v in lat if kk == k], 95), 1),
                            "p99_ms": round(pct([v for kk, v in lat if kk == k], 99), 1)} for k in kinds}}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
