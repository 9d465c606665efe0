package uk.pathways.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.referral.NewReferral;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.referral.Referrals;

/**
 * Test helper that walks pathways as the demo users do in the Tasklist: it signs in as a user, finds
 * the task of a case, and submits the form (so task-local fields behave as in the Tasklist).
 */
@Component
public class Pathway {

    /** A screening form as MASH completes it: an older partner, no disclosure, sexual exploitation. */
    public static final Map<String, Object> SCREENING = Map.of(
            "indicators",
            List.of("OLDER_PARTNER"),
            "disclosure",
            false,
            "learningDisability",
            false,
            "exploitationType",
            "SEXUAL",
            "screeningNotes",
            "Synthetic notes");

    private static final AtomicInteger CHILDREN = new AtomicInteger();
    /** Different on every run, so a database kept between runs (PostgreSQL) never joins old cases. */
    private static final String RUN = letters(new java.security.SecureRandom().nextInt(1_000_000));

    private final Referrals referrals;
    private final TaskService taskService;
    private final FormService formService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;

    Pathway(
            Referrals referrals,
            TaskService taskService,
            FormService formService,
            IdentityService identityService,
            ManagementService managementService,
            RuntimeService runtimeService) {
        this.referrals = referrals;
        this.taskService = taskService;
        this.formService = formService;
        this.identityService = identityService;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
    }

    /** A made-up child, different every call, aged {@code age} today. */
    public static ChildDetails child(int age) {
        int n = CHILDREN.incrementAndGet();
        String[] first = {"Alex", "Jordan", "Casey", "Riley", "Morgan", "Taylor", "Jamie", "Robin"};
        return new ChildDetails(
                first[n % first.length],
                "Testchild" + RUN + "-" + letters(n),
                Now.today().minusYears(age).minusDays(30),
                "FEMALE",
                "NOT_STATED",
                "Corby",
                false,
                null);
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    public ReferralAccepted refer(ChildDetails child, List<String> indicators) {
        return referrals.receive(
                new NewReferral(
                        child,
                        "education",
                        "Sam Example",
                        "sam.example@school.example",
                        "Synthetic concern for a test",
                        indicators),
                new Actor("education-worker", "education"),
                Referrals.SOURCE_API);
    }

    public ReferralAccepted refer(int age, List<String> indicators) {
        return refer(child(age), indicators);
    }

    /** The one open task with this key on the case. */
    public Task task(String caseId, String key) {
        List<Task> tasks = tasks(caseId, key);
        assertThat(tasks).as("open '%s' tasks on %s", key, caseId).hasSize(1);
        return tasks.get(0);
    }

    public List<Task> tasks(String caseId, String key) {
        return taskService
                .createTaskQuery()
                .processVariableValueEquals("caseId", caseId)
                .taskDefinitionKey(key)
                .orderByTaskCreateTime()
                .asc()
                .list();
    }

    public List<String> openTaskKeys(String caseId) {
        return taskService.createTaskQuery().processVariableValueEquals("caseId", caseId).list().stream()
                .map(Task::getTaskDefinitionKey)
                .sorted()
                .toList();
    }

    /** Signs in as {@code userId}, claims the task and submits its form, as the Tasklist does. */
    public void complete(Task task, String userId, Map<String, Object> form) {
        identityService.setAuthentication(userId, List.copyOf(groupsOf(userId)));
        try {
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), userId);
            }
            formService.submitTaskForm(task.getId(), form);
        } finally {
            identityService.clearAuthentication();
        }
    }

    public void complete(String caseId, String key, String userId, Map<String, Object> form) {
        complete(task(caseId, key), userId, form);
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(g -> g.getId())
                .toList();
    }

    /** Moves the engine's clock; every Pathways clock follows it. */
    public static void at(ZonedDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.toInstant()));
    }

    public static void at(LocalDate day, int hour, int minute) {
        at(day.atTime(hour, minute).atZone(Now.UK));
    }

    /** Runs every timer job of the case's processes that is due by the engine's clock now; returns how many ran. */
    public int fireDueClocks() {
        int ran = 0;
        for (Job job : managementService
                .createJobQuery()
                .timers()
                .duedateLowerThen(new Date(Now.instant().toEpochMilli() + 1))
                .list()) {
            managementService.executeJob(job.getId());
            ran++;
        }
        return ran;
    }

    /** Runs the due timer jobs of one process instance (and the processes it called); returns how many ran. */
    public int fireDueClocks(String processInstanceId) {
        java.util.Set<String> instances = new java.util.HashSet<>(List.of(processInstanceId));
        runtimeService
                .createProcessInstanceQuery()
                .superProcessInstanceId(processInstanceId)
                .list()
                .forEach(p -> instances.add(p.getId()));
        int ran = 0;
        for (Job job : managementService
                .createJobQuery()
                .timers()
                .duedateLowerThen(new Date(Now.instant().toEpochMilli() + 1))
                .list()) {
            if (instances.contains(job.getProcessInstanceId())) {
                managementService.executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }

    /** The timer jobs (clocks) of a process instance and its called processes. */
    public List<Job> clocks(String processInstanceId) {
        return managementService
                .createJobQuery()
                .timers()
                .processInstanceId(processInstanceId)
                .list();
    }

    public Instant dueOf(Task task) {
        return task.getDueDate().toInstant();
    }

    public RuntimeService runtime() {
        return runtimeService;
    }
}
