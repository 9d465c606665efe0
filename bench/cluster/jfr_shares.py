#!/usr/bin/env python3
"""CPU samples (jdk.ExecutionSample) inside B1's timed steps, from recordings made with -Dpathways.bench.jfr=DIR.

For each recording: the samples in the timed steps (the benchmark's task look-ups left out), and each sample
attributed to whoever caused it. Inside the step's engine command (below the outermost CommandContextInterceptor), the
first Pathways frame from the running one up names the Pathways class that caused the work, the engine's SQL for it
included (a listener, a delegate, the gate's checks, a notice starting its delivery process); the gate's frames that
only hand a command on to the engine (directly above CommandExecutorImpl.execute) are not a cause. Outside any engine
command (the referral's own SQL before it starts the pathway, rows written at commit), the first Pathways frame is
the cause. A sample with no cause is the engine's own work, which the bare engine does too. Also inclusive shares (on
the stack at all; they overlap) for a few parts.
usage: jfr_shares.py FILE.jfr [...]"""
import collections, re, subprocess, sys

TRANSPARENT = ("uk.pathways.cluster.", "uk.pathways.support.")
COMMAND = "org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor.execute"
HANDS_ON = "org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl.execute"
INCLUSIVE = [
    ("MyBatis (the engine's SQL)", lambda f: any(x.startswith("org.apache.ibatis.") for x in f)),
    ("JDBC driver (H2 runs in the JVM: its share is the database's work)",
     lambda f: any(x.startswith(("org.h2.", "org.postgresql.")) for x in f)),
    ("Spring event multicaster", lambda f: any("SimpleApplicationEventMulticaster" in x for x in f)),
    ("Spring JdbcTemplate (Pathways' own SQL)", lambda f: any(x.startswith("org.springframework.jdbc.core.JdbcTemplate") for x in f)),
    ("DMN and FEEL", lambda f: any(x.startswith("org.camunda.bpm.dmn") or ".feel." in x for x in f)),
    ("engine history", lambda f: any(x.startswith("org.camunda.bpm.engine.impl.history") for x in f)),
]


def samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "500", path],
                         capture_output=True, text=True).stdout
    for block in out.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w.$<>]+)\(", block, re.M)  # running frame first
        bench = [i for i, x in enumerate(frames) if x.startswith("uk.pathways.cluster.StepsBenchmark")]
        if not bench:
            continue
        below = frames[bench[0] - 1] if bench[0] > 0 else ""
        if below.startswith(("org.camunda.bpm.engine.impl.AbstractQuery.list", "org.camunda.bpm.engine.impl.TaskQueryImpl")):
            continue  # the task look-up before a step, outside its timing
        yield frames


def cause(frames):
    commands = [i for i, x in enumerate(frames) if x == COMMAND]
    inside = commands[-1] if commands else len(frames)  # frames[:inside] run inside the outermost command
    handed_on = False
    for i, x in enumerate(frames[:inside]):
        if not x.startswith("uk.pathways.") or x.startswith(TRANSPARENT):
            continue
        if x.startswith("uk.pathways.gate.GateInterceptor") and (handed_on or (i > 0 and frames[i - 1] == HANDS_ON)):
            handed_on = True  # the gate handing the (checked) command on to the engine, and its frames above that
            continue
        return x.rsplit(".", 1)[0].replace("uk.pathways.", "").split("$$")[0]
    return "(engine's own work)"


for path in sys.argv[1:]:
    all_ = list(samples(path))
    n = len(all_) or 1
    print(f"{path}: {len(all_)} samples in the timed steps")
    causes = collections.Counter(cause(f) for f in all_)
    pathways = n - causes["(engine's own work)"]
    print(f"  caused by Pathways' code: {100 * pathways / n:5.1f}%  ({pathways}); the engine's own: {100 * causes[chr(40) + 'engine' + chr(39) + 's own work)'] / n:5.1f}%")
    for name, k in causes.most_common(14):
        print(f"    {name:70s} {100 * k / n:5.1f}%  ({k})")
    for name, test in INCLUSIVE:
        k = sum(1 for f in all_ if test(f))
        print(f"  on the stack: {name:62s} {100 * k / n:5.1f}%  ({k})")
