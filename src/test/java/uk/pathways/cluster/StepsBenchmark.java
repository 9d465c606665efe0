package uk.pathways.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.pathways.calendar.Now;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * B1 (docs/benchmarks.md): pathway steps per second through the Java API, at 1 and 4 threads, Pathways against a bare
 * Camunda 7.24 engine running the same models with no-op delegates ({@link BareEngine}), in the same JVM, on the same
 * database server, alternately (Pathways, bare, Pathways, bare), so that their ratio is Pathways' cost over the
 * engine's. A benchmark, not a test: its name keeps it out of {@code ./mvnw test} (Surefire runs *Test classes).
 * {@link PathwayStepsBenchmark} on PostgreSQL (bench/cluster/run.sh), {@link H2PathwayStepsBenchmark} in memory for a
 * profile on a machine without a database to spare. One pathway = 8 steps: referral, screening (with score and
 * threshold decision), schedule the meeting, 4 x agency information, meeting outcome.
 */
abstract class StepsBenchmark {

    static final int STEPS_PER_PATHWAY = 8;

    /** The kinds of step, in the pathway's order; each measured run prints each kind's p50 and p95. */
    static final List<String> KINDS =
            List.of("referral", "screening", "schedule-strategy-meeting", "agency-information", "strategy-meeting");

    /** Each step's latency by kind, for the run under way (one run at a time). */
    private static final Map<String, List<Long>> BY_KIND = new ConcurrentHashMap<>();

    @Autowired
    Pathway pathway;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    /** The bare engine's database: same server and settings as Pathways', a database of its own. */
    abstract String bareUrl();

    /**
     * Counts the statements the timed steps run on a database, the task look-ups left out: a figure the machine's load
     * does not change. Only where the database can count them ({@link H2PathwayStepsBenchmark}), one thread only.
     */
    interface Statements {
        void begin();

        void end();

        long total();
    }

    static final Statements UNCOUNTED = new Statements() {
        @Override
        public void begin() {}

        @Override
        public void end() {}

        @Override
        public long total() {
            return -1;
        }
    };

    /** The counter of {@code dataSource}'s statements, or {@link #UNCOUNTED}. */
    Statements statements(javax.sql.DataSource dataSource) {
        return UNCOUNTED;
    }

    private Statements counting = UNCOUNTED;

    @Test
    void pathwayStepsPerSecond() throws Exception {
        int perThread = Integer.getInteger("pathways.bench.pathways", 15);
        String only = System.getProperty("pathways.bench.only", "");
        try (BareEngine bare = new BareEngine(
                bareUrl(),
                System.getenv().getOrDefault("PATHWAYS_DB_USER", "pathways"),
                System.getenv().getOrDefault("PATHWAYS_DB_PASSWORD", "pathways"))) {
            Bare bareSteps = new Bare(bare.engine());
            if (Boolean.getBoolean("pathways.bench.statements")) {
                // one thread, each side's statements per step counted (the counting itself is not timed)
                counting = statements(jdbc.getDataSource());
                run("Pathways", 1, perThread, true, this::onePathway);
                long pathways = counting.total();
                Statements pathwaysCounting = counting;
                counting = statements(bare.dataSource());
                bareSteps.counting = counting;
                run("bare", 1, perThread, true, bareSteps::onePathway);
                long engine = counting.total();
                int steps = perThread * STEPS_PER_PATHWAY;
                System.out.println("B1 statements of Pathways' steps, by kind: " + pathwaysCounting);
                System.out.println("B1 statements of the bare steps, by kind: " + counting);
                System.out.printf(
                        "B1 statements per step (1 thread, %d steps a side, task look-ups left out): Pathways %.1f, bare %.1f, ratio %.2f%n",
                        steps, (double) pathways / steps, (double) engine / steps, (double) pathways / engine);
                return;
            }
            // warm-up of both sides, then each measured run alternately. The warm-up is 4 threads x
            // pathways.bench.warm-up pathways (10: 320 steps a side): with 2 pathways, Pathways' first measured run
            // also paid for compiling its own code, while the bare run after it found the engine's code compiled
            // (at one thread, the same code measured 1.33 and 1.65 bare steps at two sittings)
            int warmUp = Integer.getInteger("pathways.bench.warm-up", 10);
            run("Pathways", 4, warmUp, false, this::onePathway);
            run("bare", 4, warmUp, false, bareSteps::onePathway);
            for (int threads : new int[] {1, 4}) {
                double pathways = only.equals("bare") ? 0 : run("Pathways", threads, perThread, true, this::onePathway);
                double engine =
                        only.equals("pathways") ? 0 : run("bare", threads, perThread, true, bareSteps::onePathway);
                if (pathways > 0 && engine > 0) {
                    System.out.printf(
                            "B1 ratio, %d thread(s): a Pathways step costs %.2f bare steps (bare %.2f steps/s, Pathways %.2f steps/s; goal <= 1.5)%n",
                            threads, engine / pathways, engine, pathways);
                }
            }
        }
    }

    /** The {@code q} quantile of sorted latencies in nanoseconds, in milliseconds. */
    private static double millis(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q))) / 1e6;
    }

    /** One pathway of 8 steps, each timed into {@code latencies}. */
    @FunctionalInterface
    interface PathwayWalk {
        void walk(AtomicInteger steps, AtomicInteger lookups, List<Long> latencies);
    }

    private double run(String side, int threads, int perThread, boolean print, PathwayWalk walk) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger steps = new AtomicInteger();
        AtomicInteger lookups = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        // -Dpathways.bench.jfr=DIR: a Java Flight Recording of each measured run, DIR/<side>-<threads>.jfr, so that
        // Pathways' profile and the bare engine's come from the same JVM and run
        String jfr = System.getProperty("pathways.bench.jfr");
        jdk.jfr.Recording recording = null;
        if (print && jfr != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
        }
        BY_KIND.clear();
        long commits0 = commits();
        long t0 = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            all.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    walk.walk(steps, lookups, latencies);
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get(15, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long commits = commits() - commits0;
        if (recording != null) {
            recording.stop();
            java.nio.file.Path file = java.nio.file.Path.of(jfr, side.toLowerCase() + "-" + threads + ".jfr");
            java.nio.file.Files.createDirectories(file.getParent());
            recording.dump(file);
            recording.close();
        }
        pool.shutdown();
        double stepsPerSecond = steps.get() / seconds;
        if (print) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(
                    "B1 %s, Java API, %d thread(s): %d steps in %.1f s = %.2f steps/s; p50 %.1f ms, p99 %.1f ms; "
                            + "commits per step %.2f (%d commits; %d task look-ups, each its own read transaction)%n",
                    side.equals("bare") ? "bare Camunda (same models, no-op delegates)" : "Pathways",
                    threads,
                    steps.get(),
                    seconds,
                    steps.get() / seconds,
                    millis(sorted, 0.5),
                    millis(sorted, 0.99),
                    (double) commits / steps.get(),
                    commits,
                    lookups.get());
            StringBuilder kinds = new StringBuilder();
            for (String kind : KINDS) {
                List<Long> k = new ArrayList<>(BY_KIND.getOrDefault(kind, List.of()));
                Collections.sort(k);
                if (!k.isEmpty()) {
                    kinds.append(String.format("; %s p50 %.1f ms, p95 %.1f ms", kind, millis(k, 0.5), millis(k, 0.95)));
                }
            }
            System.out.printf("B1 %s, %d thread(s), by step%s%n", side, threads, kinds);
        }
        return stepsPerSecond;
    }

    void onePathway(AtomicInteger steps, AtomicInteger lookups, List<Long> latencies) {
        counting.begin();
        long t = System.nanoTime();
        ReferralAccepted referral = pathway.refer(14, List.of("UNKNOWN_VEHICLES"));
        step("referral", steps, latencies, t);
        counting.end();
        String caseId = referral.caseId();
        submit(
                caseId,
                "screening",
                null,
                "mash-worker",
                Map.of(
                        "indicators",
                        List.of("OLDER_PARTNER", "CONTROLLED_BY_OTHERS", "UNEXPLAINED_GIFTS"),
                        "disclosure",
                        false,
                        "learningDisability",
                        false,
                        "exploitationType",
                        "SEXUAL",
                        "screeningNotes",
                        "Synthetic notes"),
                steps,
                lookups,
                latencies);
        submit(
                caseId,
                "schedule-strategy-meeting",
                null,
                "childrens-services-worker",
                Map.of(
                        "meetingAt",
                        Now.instant().plus(Duration.ofHours(20)).toString(),
                        "meetingPlace",
                        "Room 4, synthetic office"),
                steps,
                lookups,
                latencies);
        for (String agency : List.of("police", "health", "education", "childrens-services")) {
            submit(
                    caseId,
                    "agency-information",
                    agency,
                    agency + "-worker",
                    Map.of("agencyInformation", "Synthetic " + agency + " information"),
                    steps,
                    lookups,
                    latencies);
        }
        submit(
                caseId,
                "strategy-meeting",
                null,
                "childrens-services-worker",
                Map.of(
                        "riseAccepted",
                        false,
                        "section47",
                        false,
                        "policeInvestigation",
                        false,
                        "meetingMinutes",
                        "Synthetic minutes"),
                steps,
                lookups,
                latencies);
    }

    private void submit(
            String caseId,
            String key,
            String group,
            String user,
            Map<String, Object> form,
            AtomicInteger steps,
            AtomicInteger lookups,
            List<Long> latencies) {
        var query = taskService
                .createTaskQuery()
                .processVariableValueEquals("caseId", caseId)
                .taskDefinitionKey(key);
        if (group != null) {
            query.taskCandidateGroup(group);
        }
        Task task = query.list().get(0);
        lookups.incrementAndGet();
        counting.begin();
        long t = System.nanoTime();
        identityService.setAuthentication(user, List.of(group != null ? group : user.replace("-worker", "")));
        try {
            formService.submitTaskForm(task.getId(), form);
        } finally {
            identityService.clearAuthentication();
        }
        step(key, steps, latencies, t);
        counting.end();
    }

    private static void step(String kind, AtomicInteger steps, List<Long> latencies, long started) {
        long took = System.nanoTime() - started;
        latencies.add(took);
        BY_KIND.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(took);
        steps.incrementAndGet();
    }

    /** Every transaction committed on the database server so far (Pathways' and the bare engine's databases). */
    long commits() {
        return jdbc.queryForObject(
                "select sum(xact_commit) from pg_stat_database where datname in (current_database(), current_database() || '_bare')",
                Long.class);
    }

    /** The same 8 steps on the bare engine, with the same users and groups, text fields left out (see below). */
    private static final class Bare {

        private final RuntimeService runtimeService;
        private final TaskService taskService;
        private final FormService formService;
        private final IdentityService identityService;
        private final AtomicInteger cases = new AtomicInteger();
        Statements counting = UNCOUNTED;

        Bare(org.camunda.bpm.engine.ProcessEngine engine) {
            this.runtimeService = engine.getRuntimeService();
            this.taskService = engine.getTaskService();
            this.formService = engine.getFormService();
            this.identityService = engine.getIdentityService();
        }

        void onePathway(AtomicInteger steps, AtomicInteger lookups, List<Long> latencies) {
            counting.begin();
            long t = System.nanoTime();
            String caseId = "BARE-" + System.nanoTime() + "-" + cases.incrementAndGet();
            runtimeService.startProcessInstanceByKey(
                    "cse-referral", caseId, BareEngine.startVariables(caseId, "R-" + caseId));
            step("referral", steps, latencies, t);
            counting.end();
            // Pathways' completion gate moves free text to the case record, so the engine never holds it: the bare
            // engine is given the decision fields only, which is what Pathways' engine stores of each form
            submit(
                    caseId,
                    "screening",
                    null,
                    "mash-worker",
                    Map.of(
                            "indicators",
                            "[\"OLDER_PARTNER\",\"CONTROLLED_BY_OTHERS\",\"UNEXPLAINED_GIFTS\"]",
                            "disclosure",
                            false,
                            "learningDisability",
                            false),
                    steps,
                    lookups,
                    latencies);
            submit(
                    caseId,
                    "schedule-strategy-meeting",
                    null,
                    "childrens-services-worker",
                    Map.of("meetingAt", Now.instant().plus(Duration.ofHours(20)).toString()),
                    steps,
                    lookups,
                    latencies);
            for (String agency : List.of("police", "health", "education", "childrens-services")) {
                submit(caseId, "agency-information", agency, agency + "-worker", Map.of(), steps, lookups, latencies);
            }
            submit(
                    caseId,
                    "strategy-meeting",
                    null,
                    "childrens-services-worker",
                    Map.of("riseAccepted", false, "section47", false, "policeInvestigation", false),
                    steps,
                    lookups,
                    latencies);
        }

        private void submit(
                String caseId,
                String key,
                String group,
                String user,
                Map<String, Object> form,
                AtomicInteger steps,
                AtomicInteger lookups,
                List<Long> latencies) {
            var query = taskService
                    .createTaskQuery()
                    .processVariableValueEquals("caseId", caseId)
                    .taskDefinitionKey(key);
            if (group != null) {
                query.taskCandidateGroup(group);
            }
            Task task = query.list().get(0);
            lookups.incrementAndGet();
            counting.begin();
            long t = System.nanoTime();
            identityService.setAuthentication(user, List.of(group != null ? group : user.replace("-worker", "")));
            try {
                formService.submitTaskForm(task.getId(), form);
            } finally {
                identityService.clearAuthentication();
            }
            step(key, steps, latencies, t);
            counting.end();
        }
    }
}
