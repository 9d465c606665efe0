#!/usr/bin/env python3
"""CPU samples (jdk.ExecutionSample) of a node's recording (NODE_JFR=DIR bash bench/cluster/b6.sh), per request.

Each sample is put under the request it served: the outermost Pathways controller frame on its stack (a class in a
`web` package, or one whose name ends in Controller, Api or Pages; filters are not requests), else the rendering of a
page's view (after its controller returned) or the thread's kind (the job executor, the engine's
other threads, Tomcat's filters and sign-in, the JVM). For each request the samples are split by the Pathways frame
directly below the controller that they ran in (what the controller called), and by a few inclusive parts (they
overlap: the engine's SQL, the JDBC driver, Thymeleaf, the audit, the security filter chain).
usage: jfr_requests.py FILE.jfr [--top N]"""
import collections, re, subprocess, sys

PARTS = [
    ("MyBatis (the engine's SQL)", lambda f: any(x.startswith("org.apache.ibatis.") for x in f)),
    ("JDBC driver", lambda f: any(x.startswith("org.postgresql.") for x in f)),
    ("Spring JdbcTemplate (Pathways' SQL)", lambda f: any(x.startswith("org.springframework.jdbc.core.") for x in f)),
    ("Thymeleaf (the page's HTML)", lambda f: any(x.startswith("org.thymeleaf.") for x in f)),
    ("the resource chain's link look-up (ResourceUrlProvider)", lambda f: any("ResourceUrlProvider" in x for x in f)),
    ("a class-path search (ClassLoader.getResource)", lambda f: any(x == "java.lang.ClassLoader.getResource" for x in f)),
    ("Jackson", lambda f: any(x.startswith("com.fasterxml.jackson.") for x in f)),
    ("crypto (javax.crypto, sun.security)", lambda f: any(x.startswith(("javax.crypto.", "com.sun.crypto.", "sun.security.")) for x in f)),
    ("DMN and FEEL", lambda f: any(x.startswith("org.camunda.bpm.dmn") or ".feel." in x for x in f)),
    ("Spring event multicaster", lambda f: any("SimpleApplicationEventMulticaster" in x for x in f)),
]


def controller(frame):
    if not frame.startswith("uk.pathways."):
        return False
    cls, method = frame.rsplit(".", 1)
    if method.startswith("doFilter"):
        return False  # a filter around the request, not the request's own work
    return ".web." in cls or cls.endswith(("Controller", "Api", "Pages"))


def samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "400", path],
                         capture_output=True, text=True, check=True).stdout
    for block in out.split("jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        yield (thread.group(1) if thread else "?"), re.findall(r"^\s+([\w.$<>]+)\(", block, re.M)


def main():
    args = sys.argv[1:]
    top = 12
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i:i + 2]
    for path in args:
        by_request = collections.Counter()
        callee = collections.defaultdict(collections.Counter)
        parts = collections.defaultdict(collections.Counter)
        total = 0
        for thread, frames in samples(path):
            total += 1
            handlers = [i for i, x in enumerate(frames) if controller(x)]
            if handlers:
                h = handlers[-1]  # outermost
                request = frames[h]
                below = next((frames[i] for i in range(h - 1, -1, -1)
                              if frames[i].startswith("uk.pathways.") and not controller(frames[i])), "(the controller itself, Spring and the engine)")
            else:
                request = ("job executor" if "JobExecutor" in thread or "job" in thread.lower()
                           else "a page's HTML (the view, rendered after its controller)"
                           if any(x.startswith("org.thymeleaf.") for x in frames)  # deep stacks are cut at 400
                           else "http thread outside a controller (filters, sign-in, Tomcat)" if "http" in thread
                           else "other thread: " + re.sub(r"[-#]?\d+$", "", thread))
                below = next((x for x in frames if x.startswith("uk.pathways.")), "(no Pathways frame)")
            by_request[request] += 1
            callee[request][below] += 1
            for name, test in PARTS:
                if test(frames):
                    parts[request][name] += 1
        print(f"{path}: {total} CPU samples")
        for request, n in by_request.most_common(top):
            print(f"\n{n:6d} {100 * n / total:5.1f}%  {request}")
            for name, m in callee[request].most_common(8):
                print(f"         {100 * m / n:5.1f}% in {name}")
            print("         inclusive: " + ", ".join(f"{name} {100 * m / n:.0f}%" for name, m in parts[request].most_common()))


if __name__ == "__main__":
    main()
