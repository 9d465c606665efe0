#!/usr/bin/env python3
"""Shares of CPU samples (jdk.ExecutionSample) inside B1's timed steps, by what is on the stack (inclusive: they overlap).
usage: shares.py FILE.jfr [...]"""
import subprocess, sys, re
CATS = [
    ("Pathways' own code (any uk.pathways frame)", lambda f: any(x.startswith("uk.pathways.") and not x.startswith("uk.pathways.cluster.") for x in f)),
    ("  task listeners (TaskLifecycle, gate's options, task facts; one pass)", lambda f: any(("TaskLifecycle" in x or "UserTaskParsing" in x or "TaskFacts" in x or "CompletionGate.offerOptions" in x) for x in f)),
    ("  Referrals.receive (the referral step)", lambda f: any("uk.pathways.referral.Referrals.receive" in x for x in f)),
    ("  completion gate interceptor", lambda f: any("uk.pathways.gate.GateInterceptor" in x for x in f)),
    ("  text kept out of history (history handler)", lambda f: any("TextKeptOutOfHistory" in x for x in f)),
    ("  notifications (outbox, delivery process start)", lambda f: any(("uk.pathways.notification.Outbox" in x or "PathwayNotices" in x) for x in f)),
    ("  sharing log", lambda f: any("uk.pathways.sharing." in x for x in f)),
    ("  chronology and change audit", lambda f: any(("ChronologyWriter" in x or "CaseChangesAudited" in x or "AuditTrail" in x) for x in f)),
    ("  step writes at commit (StepWrites)", lambda f: any("uk.pathways.step.StepWrites" in x for x in f)),
    ("Spring event multicaster", lambda f: any("SimpleApplicationEventMulticaster" in x for x in f)),
    ("MyBatis (Camunda's SQL)", lambda f: any(x.startswith("org.apache.ibatis.") for x in f)),
    ("JDBC driver", lambda f: any(x.startswith("org.h2.") or x.startswith("org.postgresql.") for x in f)),
    ("Spring JdbcTemplate (Pathways' SQL)", lambda f: any(x.startswith("org.springframework.jdbc.core.JdbcTemplate") for x in f)),
    ("DMN and FEEL", lambda f: any((x.startswith("org.camunda.bpm.dmn") or ".feel." in x) for x in f)),
    ("engine history", lambda f: any(x.startswith("org.camunda.bpm.engine.impl.history") for x in f)),
]
def samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "400", path], capture_output=True, text=True).stdout
    for block in out.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w.$<>]+)\(", block, re.M)
        if any("uk.pathways.cluster.StepsBenchmark" in x for x in frames):
            yield frames
for path in sys.argv[1:]:
    all_ = list(samples(path))
    n = len(all_) or 1
    print(f"{path}: {len(all_)} samples in the timed steps")
    for name, test in CATS:
        k = sum(1 for f in all_ if test(f))
        print(f"  {name:75s} {100*k/n:5.1f}%  ({k})")
