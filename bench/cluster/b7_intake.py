"""B7's client: COUNT referrals through POST /api/referrals, one at a time, as education-worker; half for a child the
database already holds (joined by first name, last name and date of birth), half for a new child with a fresh NHS
number (a valid Modulus 11 check digit, looked up by its index and not found). Prints the latency percentiles.
Loopback only; bounded by COUNT."""
import base64, json, random, statistics, sys, time, urllib.request

port, count, known = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
auth = "Basic " + base64.b64encode(b"education-worker:Demo!Password1").decode()
rnd = random.Random(known * 1000 + count)  # a run of its own: no NHS number of an earlier run again


def nhs_number():
    while True:
        digits = [rnd.randrange(10) for _ in range(9)]
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1)))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def born(g):
    # the loader's date of birth for case g: 2009-01-01 plus (g mod 4000) days
    import datetime
    return (datetime.date(2009, 1, 1) + datetime.timedelta(days=g % 4000)).isoformat()


def letters(n):
    # the loader's surname for case g: its digits as letters (names have no digits)
    return str(n).translate(str.maketrans("0123456789", "abcdefghij"))


times, bad = [], 0
for i in range(count):
    if i % 2 == 0:
        g = rnd.randrange(1, known + 1)
        child = {"firstName": "Kit", "lastName": "Bench" + letters(g), "dateOfBirth": born(g)}
    else:
        child = {"firstName": "Kit", "lastName": "New" + letters(i) + "x" + letters(rnd.randrange(10**6)),
                 "dateOfBirth": born(rnd.randrange(4000)), "nhsNumber": nhs_number()}
    body = {"child": dict(child, gender="MALE", ethnicity="WBRI", district="Kettering", lookedAfter=False),
            "referrer": {"agency": "education", "name": "Dana Example", "email": "dana.example@school.example"},
            "concerns": "Synthetic concern for the intake benchmark", "indicators": []}
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/referrals", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", "Authorization": auth})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            ok = r.status == 201
    except Exception as e:  # noqa: BLE001 - a refusal is counted, not fatal
        ok = False
        if bad < 3:
            print("refused:", getattr(e, "code", e), getattr(e, "read", lambda: b"")()[:300], file=sys.stderr)
    times.append((time.perf_counter() - start) * 1000)
    bad += 0 if ok else 1

times.sort()
q = lambda p: times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))]
print(f"cases={known} referrals={count} refused={bad} p50={q(50):.1f}ms p95={q(95):.1f}ms p99={q(99):.1f}ms "
      f"mean={statistics.mean(times):.1f}ms")
