package uk.pathways.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.calendar.Now;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * B1 (docs/benchmarks.md): pathway steps per second through the Java API on PostgreSQL, at 1 and 4 threads, with
 * commits per step from pg_stat_database.xact_commit. A benchmark, not a test: its name keeps it out of
 * {@code ./mvnw test} (Surefire runs *Test classes); bench/cluster/run.sh runs it with -Dtest=PathwayStepsBenchmark.
 * One pathway = 8 steps: referral, screening (with score and threshold decision), schedule the meeting, 4 x agency
 * information, meeting outcome.
 */
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@org.junit.jupiter.api.Tag("app")
@org.junit.jupiter.api.Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"demo", "test", "postgres"})
class PathwayStepsBenchmark {

    static final int STEPS_PER_PATHWAY = 8;

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

    @Test
    void pathwayStepsPerSecond() throws Exception {
        int perThread = Integer.getInteger("pathways.bench.pathways", 15);
        run(1, 2, false); // warm-up
        for (int threads : new int[] {1, 4}) {
            run(threads, perThread, true);
        }
    }

    private void run(int threads, int perThread, boolean print) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger steps = new AtomicInteger();
        AtomicInteger lookups = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long commits0 = commits();
        long t0 = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            all.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    onePathway(steps, lookups, latencies);
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get(15, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long commits = commits() - commits0;
        pool.shutdown();
        if (print) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(
                    "B1 Java API, %d thread(s): %d steps in %.1f s = %.2f steps/s; p50 %.1f ms, p99 %.1f ms; "
                            + "commits per step %.2f (%d commits; %d task look-ups, each its own read transaction)%n",
                    threads,
                    steps.get(),
                    seconds,
                    steps.get() / seconds,
                    sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6,
                    (double) commits / steps.get(),
                    commits,
                    lookups.get());
        }
    }

    private void onePathway(AtomicInteger steps, AtomicInteger lookups, List<Long> latencies) {
        long t = System.nanoTime();
        ReferralAccepted referral = pathway.refer(14, List.of("UNKNOWN_VEHICLES"));
        step(steps, latencies, t);
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
        long t = System.nanoTime();
        identityService.setAuthentication(user, List.of(group != null ? group : user.replace("-worker", "")));
        try {
            formService.submitTaskForm(task.getId(), form);
        } finally {
            identityService.clearAuthentication();
        }
        step(steps, latencies, t);
    }

    private static void step(AtomicInteger steps, List<Long> latencies, long started) {
        latencies.add(System.nanoTime() - started);
        steps.incrementAndGet();
    }

    private long commits() {
        return jdbc.queryForObject(
                "select xact_commit from pg_stat_database where datname = current_database()", Long.class);
    }
}
