#!/usr/bin/env python3
"""B2: pathway steps per second through the HTTP API, with p50/p99 latency per step (loopback only, bounded).

One pathway = 8 steps, each one HTTP write: referral start (POST /api/referrals), screening (submit-form; the score
and the cse-threshold decision run in the same transaction), schedule the strategy meeting, 4 x agency information,
the strategy meeting outcome. Finding each task is a GET, counted apart and not in the latencies.
usage: pathway_http.py --threads 4 --pathways 40 --seconds 120 http://127.0.0.1:18091 [http://127.0.0.1:18092 ...]
"""
import argparse, base64, json, random, string, sys, threading, time, urllib.error, urllib.parse, urllib.request
from datetime import date, datetime, timedelta, timezone

PW = "Demo!Password1"


def call(base, method, path, user, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{PW}".encode()).decode())
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        body = e.read().decode(errors="replace")[:500]
        return e.code, {"error": body}


def form(**values):
    # a list (the screening's indicators) goes as JSON, as the Tasklist sends a checklist
    return {"variables": {k: ({"value": v, "type": "Json"} if isinstance(v, str) and v.startswith("[") else {"value": v})
                          for k, v in values.items()}}


def one_pathway(base, n, lat, errors):
    def step(name, method, path, user, body):
        t = time.perf_counter()
        status, out = call(base, method, path, user, body)
        lat.append((name, time.perf_counter() - t))
        if status >= 300:
            errors.append((name, status))
            if len(errors) <= 3:  # the first answers say why, in the raw output
                print(f"# {name}: HTTP {status}: {(out or {}).get('error', '')}", file=sys.stderr)
            raise RuntimeError(f"{name}: {status}")
        return out

    def task(case_id, key, group=None):
        q = {"taskDefinitionKey": key, "processVariables": f"caseId_eq_{case_id}"}
        if group:
            q["candidateGroup"] = group
        for _ in range(50):
            status, tasks = call(base, "GET", "/engine-rest/task?" + urllib.parse.urlencode(q), "admin")
            if status == 200 and tasks:
                return tasks[0]["id"]
            time.sleep(0.05)
        raise RuntimeError(f"no {key} task for {case_id}")

    surname = "Bench" + "".join(random.choice(string.ascii_lowercase) for _ in range(10))
    dob = (date.today() - timedelta(days=14 * 365 + 40)).isoformat()
    out = step("referral", "POST", "/api/referrals", "health-worker", {
        "child": {"firstName": "Kit", "lastName": surname, "dateOfBirth": dob, "gender": "MALE",
                  "ethnicity": "WHITE_BRITISH", "district": "Kettering", "lookedAfter": False},
        "referrer": {"agency": "health", "name": "Dana Example", "email": "dana.example@health.example"},
        "concerns": "Synthetic concern for a benchmark", "indicators": ["UNKNOWN_VEHICLES"]})
    case = out["caseId"]
    step("screening+threshold", "POST", f"/engine-rest/task/{task(case, 'screening')}/submit-form", "mash-worker",
         form(indicators='["OLDER_PARTNER","CONTROLLED_BY_OTHERS","UNEXPLAINED_GIFTS"]', disclosure=False,
              learningDisability=False, exploitationType="SEXUAL", screeningNotes="Synthetic notes"))
    meeting_at = (datetime.now(timezone.utc) + timedelta(hours=20)).strftime("%Y-%m-%dT%H:%M:%SZ")
    step("schedule-meeting", "POST", f"/engine-rest/task/{task(case, 'schedule-strategy-meeting')}/submit-form",
         "childrens-services-worker", form(meetingAt=meeting_at, meetingPlace="Room 4, synthetic office"))
    for agency in ["police", "health", "education", "childrens-services"]:
        step("agency-information", "POST", f"/engine-rest/task/{task(case, 'agency-information', agency)}/submit-form",
             f"{agency}-worker", form(agencyInformation=f"Synthetic {agency} information"))
    step("meeting-outcome", "POST", f"/engine-rest/task/{task(case, 'strategy-meeting')}/submit-form",
         "childrens-services-worker", form(riseAccepted=False, section47=False, policeInvestigation=False,
                                           meetingMinutes="Synthetic minutes"))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--pathways", type=int, default=20, help="pathways per thread (bound)")
    p.add_argument("--seconds", type=float, default=120, help="time bound")
    p.add_argument("bases", nargs="+")
    a = p.parse_args()
    lat, errors, done = [], [], [0]
    lock = threading.Lock()
    end = time.time() + a.seconds

    def worker(i):
        base = a.bases[i % len(a.bases)]
        for n in range(a.pathways):
            if time.time() > end:
                return
            try:
                one_pathway(base, n, lat, errors)
                with lock:
                    done[0] += 1
            except Exception as e:  # counted in errors; keep going
                pass

    t0 = time.perf_counter()
    ts = [threading.Thread(target=worker, args=(i,)) for i in range(a.threads)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    elapsed = time.perf_counter() - t0
    ok = sorted(x for _, x in lat)
    pct = lambda q: ok[min(len(ok) - 1, int(q * len(ok)))] * 1000 if ok else float("nan")
    print(json.dumps({"threads": a.threads, "pathways": done[0], "steps": len(lat), "errors": len(errors),
                      "seconds": round(elapsed, 1), "steps_per_s": round(len(lat) / elapsed, 2),
                      "p50_ms": round(pct(0.50), 1), "p99_ms": round(pct(0.99), 1)}))


if __name__ == "__main__":
    main()
