package uk.pathways.missing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.casefile.ChronologyEntry;

/** Test helper for the missing pathway: reports as the police do, fires one episode's clocks, reads the record. */
@Component
public class MissingWalk {

    static final Actor POLICE = new Actor("police-worker", "police");
    private static final AtomicInteger POLICE_REFERENCES = new AtomicInteger();

    private final MissingEpisodes episodes;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final CaseFile caseFile;
    private final JdbcTemplate jdbc;

    MissingWalk(
            MissingEpisodes episodes,
            RuntimeService runtimeService,
            ManagementService managementService,
            TaskService taskService,
            CaseFile caseFile,
            JdbcTemplate jdbc) {
        this.episodes = episodes;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.caseFile = caseFile;
        this.jdbc = jdbc;
    }

    /** The process instances running now: take before a test, give to {@link #deleteStartedSince} after it. */
    public Set<String> running() {
        Set<String> ids = new HashSet<>();
        runtimeService.createProcessInstanceQuery().list().forEach(p -> ids.add(p.getId()));
        return ids;
    }

    /**
     * Deletes the process instances a test started (episodes, the meetings and referrals they started), so that
     * their clocks do not fire in later tests: the shared engine is one for every test class.
     */
    public void deleteStartedSince(Set<String> before) {
        // top-level instances only: deleting one deletes the strategy meeting it called
        for (ProcessInstance instance : runtimeService
                .createProcessInstanceQuery()
                .rootProcessInstances()
                .list()) {
            if (!before.contains(instance.getId())) {
                runtimeService.deleteProcessInstanceIfExists(
                        instance.getId(), "test finished", true, true, true, false);
            }
        }
    }

    public static String policeReference() {
        return "NP-" + POLICE_REFERENCES.incrementAndGet();
    }

    public MissingReportAccepted report(ChildDetails child, Instant missingSince, String policeRisk) {
        return report(new NewMissingReport(
                child,
                null,
                missingSince,
                policeReference(),
                policeRisk,
                EpisodeTypes.MISSING_FROM_HOME,
                null,
                false,
                null));
    }

    public MissingReportAccepted report(NewMissingReport report) {
        return episodes.report(report, POLICE, MissingEpisodes.SOURCE_API);
    }

    public MissingEpisode episode(String reference) {
        return episodes.find(reference).orElseThrow();
    }

    /** What the interview of this episode recorded for the police, as the police-intelligence task page shows it. */
    public java.util.Optional<String> informationForPolice(String reference) {
        return episodes.informationForPolice(reference);
    }

    public MissingEpisodes episodes() {
        return episodes;
    }

    /** Runs the due timers of this episode's process and of the strategy meeting it called (same business key). */
    public int fireDueClocks(String reference) {
        int ran = 0;
        for (ProcessInstance instance : runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(reference)
                .list()) {
            for (Job job : managementService
                    .createJobQuery()
                    .timers()
                    .processInstanceId(instance.getId())
                    .duedateLowerThen(new Date(Now.instant().toEpochMilli() + 1))
                    .list()) {
                managementService.executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }

    /** The due dates of the timers still waiting in this episode's process. */
    public List<Instant> clocks(String reference) {
        List<Instant> due = new ArrayList<>();
        for (ProcessInstance instance : runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(reference)
                .list()) {
            managementService
                    .createJobQuery()
                    .timers()
                    .processInstanceId(instance.getId())
                    .list()
                    .forEach(j -> due.add(j.getDuedate().toInstant()));
        }
        return due;
    }

    public boolean processEnded(String processInstanceId) {
        return runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .count()
                == 0;
    }

    public List<String> candidateGroups(Task task) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    public Object local(Task task, String name) {
        return taskService.getVariableLocal(task.getId(), name);
    }

    public List<ChronologyEntry> chronology(String caseId) {
        return caseFile.chronology(caseId);
    }

    public List<String> chronologyTypes(String caseId) {
        return chronology(caseId).stream().map(ChronologyEntry::eventType).toList();
    }

    public List<String> summaries(String caseId, String eventType) {
        return chronology(caseId).stream()
                .filter(e -> e.eventType().equals(eventType))
                .map(ChronologyEntry::summary)
                .toList();
    }

    public String caseStatus(String caseId) {
        return caseFile.find(caseId).orElseThrow().status();
    }

    public List<Map<String, Object>> breaches(String taskId) {
        return jdbc.queryForList(
                "select kind, escalated_to from pw_clock_breach where task_id = ? order by kind", taskId);
    }

    /** The audit trail of one user on one case: "ACTION resource", oldest first. */
    public List<String> audited(String caseId, String userId) {
        return jdbc.queryForList(
                "select action || ' ' || resource from pw_audit where case_id = ? and user_id = ? order by id",
                String.class,
                caseId,
                userId);
    }

    public int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
