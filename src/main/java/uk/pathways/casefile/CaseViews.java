package uk.pathways.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Privileged;
import uk.pathways.calendar.Now;

/** Puts a case's record and its open work in the engine together as one view. */
@Component
public class CaseViews {

    private final CaseFile caseFile;
    private final TaskService taskService;
    private final ObjectProvider<CaseViewSection> sections;
    private final Privileged privileged;

    private final uk.pathways.agency.Actors actors;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final CaseMerges merges;
    private final RuntimeService runtimeService;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    CaseViews(
            CaseFile caseFile,
            TaskService taskService,
            ObjectProvider<CaseViewSection> sections,
            Privileged privileged,
            uk.pathways.agency.Actors actors,
            com.fasterxml.jackson.databind.ObjectMapper json,
            CaseMerges merges,
            RuntimeService runtimeService,
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.merges = merges;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.actors = actors;
        this.json = json;
        this.privileged = privileged;
        this.caseFile = caseFile;
        this.taskService = taskService;
        this.sections = sections;
    }

    @Transactional(readOnly = true)
    public Optional<CaseView> view(String caseId, String readerUserId) {
        return caseFile.find(caseId).map(summary -> {
            ChildDetails c = summary.child();
            CaseView.Child child = new CaseView.Child(
                    c.firstName(),
                    c.lastName(),
                    c.displayName(),
                    c.dateOfBirth(),
                    c.ageOn(Now.today()),
                    c.gender(),
                    c.ethnicity(),
                    c.district(),
                    c.lookedAfter(),
                    c.placingAuthority(),
                    c.identifiers().nhsNumber(),
                    c.identifiers().localAuthorityChildId(),
                    c.identifiers().upn(),
                    c.identifiers().policePersonId(),
                    c.knownAs());
            List<CaseView.Referral> referrals = caseFile.referrals(caseId).stream()
                    .map(r -> new CaseView.Referral(
                            r.reference(),
                            r.receivedAt(),
                            r.source(),
                            r.referrerAgency(),
                            r.referrerName(),
                            r.concerns(),
                            r.indicators(),
                            r.status(),
                            r.outcome(),
                            r.processInstanceId()))
                    .toList();
            List<CaseView.Decision> decisions = caseFile.decisions(caseId).stream()
                    .map(d -> new CaseView.Decision(
                            d.kind(),
                            d.reference(),
                            d.decidedAt(),
                            d.decidedBy().userId(),
                            d.decidedBy().agency(),
                            d.age(),
                            d.screeningScore(),
                            d.indicators(),
                            d.disclosure(),
                            d.learningDisability(),
                            d.riskLevel(),
                            d.pathway(),
                            d.outcome(),
                            d.exploitationType()))
                    .toList();
            // what other capabilities give the case view, by section name
            java.util.Map<String, List<Object>> given = new java.util.HashMap<>();
            for (CaseViewSection section : sections) {
                given.computeIfAbsent(section.name(), n -> new ArrayList<>())
                        .addAll(section.items(caseId, readerUserId));
            }
            return new CaseView(
                    caseId,
                    child,
                    summary.status(),
                    summary.riskLevel(),
                    summary.pathway(),
                    summary.exploitationType(),
                    summary.stage(),
                    caseFile.involvedAgencies(caseId),
                    openTasks(caseId),
                    referrals,
                    given.getOrDefault("missingEpisodes", List.of()),
                    given.getOrDefault("strategyMeetings", List.of()),
                    decisions,
                    caseFile.chronology(caseId),
                    record(caseId, readerUserId),
                    given.getOrDefault(CaseView.CONSENT, List.of()).stream()
                            .findFirst()
                            .orElse(null),
                    given.getOrDefault("onwardReferrals", List.of()),
                    merges.of(caseId),
                    given.getOrDefault("exploitationPanels", List.of()),
                    given.getOrDefault(CaseView.SUBJECTS_OF_CONCERN, List.of()),
                    given.getOrDefault("investigations", List.of()));
        });
    }

    /**
     * The case record as a reader of these agencies may see it (contract section 9), newest first: every referral and
     * every entry a task recorded that is not restricted to other agencies. Callers have checked the reader may read
     * the case (and audited it).
     */
    @Transactional(readOnly = true)
    public List<CaseView.RecordEntry> record(String caseId, String readerUserId) {
        java.util.Set<String> readerAgencies = actors.agenciesOf(readerUserId);
        List<String> involved = caseFile.involvedAgencies(caseId);
        List<CaseEntry> entries = caseFile.entries(caseId, readerAgencies);
        java.util.Map<Long, Long> supersededBy = new java.util.HashMap<>();
        caseFile.entries(caseId, java.util.Set.copyOf(involved)).forEach(e -> {
            if (e.supersedes() != null) {
                supersededBy.put(e.supersedes(), e.id());
            }
        });
        List<CaseView.RecordEntry> record = new ArrayList<>();
        for (CaseEntry e : entries) {
            Long newer = supersededBy.get(e.id());
            record.add(new CaseView.RecordEntry(
                    String.valueOf(e.id()),
                    e.kind(),
                    e.agency(),
                    e.recordedBy(),
                    e.recordedAt(),
                    e.taskId(),
                    e.reference(),
                    e.restricted() ? e.restrictedTo() : involved,
                    fields(e.content()),
                    e.supersedes() == null ? null : String.valueOf(e.supersedes()),
                    newer == null ? null : String.valueOf(newer),
                    e.processInstanceId()));
        }
        for (ReferralRecord r : caseFile.referrals(caseId)) {
            java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
            fields.put("concerns", r.concerns());
            fields.put("indicators", r.indicators());
            fields.put("referrerName", r.referrerName());
            fields.put("referrerAgency", r.referrerAgency());
            fields.put("referrerEmail", r.referrerEmail());
            fields.put("source", r.source());
            record.add(new CaseView.RecordEntry(
                    r.reference(),
                    "referral",
                    r.referrerAgency(),
                    r.referrerName(),
                    r.receivedAt(),
                    null,
                    r.reference(),
                    involved,
                    fields,
                    null,
                    null,
                    r.processInstanceId()));
        }
        record.sort(
                java.util.Comparator.comparing(CaseView.RecordEntry::recordedAt).reversed());
        return record;
    }

    @SuppressWarnings("unchecked")
    private java.util.Map<String, Object> fields(String content) {
        try {
            return content == null ? java.util.Map.of() : json.readValue(content, java.util.LinkedHashMap.class);
        } catch (java.io.IOException e) {
            return java.util.Map.of("text", content);
        }
    }

    /** Every open task of the case, whichever agency it is for: callers have checked that the reader may read the case. */
    public List<CaseView.OpenTask> openTasks(String caseId) {
        return privileged.call(() -> openTasksOf(caseId));
    }

    private List<CaseView.OpenTask> openTasksOf(String caseId) {
        return describe(taskService
                .createTaskQuery()
                .processVariableValueEquals(CaseVariables.CASE_ID, caseId)
                .orderByDueDate()
                .asc()
                .orderByTaskCreateTime()
                .asc()
                .list());
    }

    /**
     * The listed tasks that are still open, each with its agencies and escalation, in two reads for them all (not two
     * engine commands a task). A task a colleague completed since it was listed, on this node or another, is left out
     * as if listed a moment later: read one by one, the engine failed such a task with a NullPointerException (the
     * process had moved on), which made the case page a 500 in B6 with two nodes.
     */
    List<CaseView.OpenTask> describe(List<Task> listed) {
        if (listed.isEmpty()) {
            return List.of();
        }
        List<String> ids = listed.stream().map(Task::getId).toList();
        java.util.Map<String, List<String>> groups = new java.util.HashMap<>();
        jdbc.query(
                "select t.ID_, il.GROUP_ID_ from ACT_RU_TASK t left join ACT_RU_IDENTITYLINK il on il.TASK_ID_ = t.ID_"
                        + " and il.TYPE_ = '" + IdentityLinkType.CANDIDATE + "' and il.GROUP_ID_ is not null"
                        + " where t.ID_ in (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?"))
                        + ") order by il.GROUP_ID_",
                row -> {
                    List<String> of = groups.computeIfAbsent(row.getString(1), id -> new ArrayList<>());
                    if (row.getString(2) != null) {
                        of.add(row.getString(2));
                    }
                },
                ids.toArray());
        java.util.Set<String> escalated = new java.util.HashSet<>();
        for (VariableInstance v : runtimeService
                .createVariableInstanceQuery()
                .taskIdIn(ids.toArray(String[]::new))
                .variableName("escalated")
                .list()) {
            if (Boolean.TRUE.equals(v.getValue())) {
                escalated.add(v.getTaskId());
            }
        }
        List<CaseView.OpenTask> open = new ArrayList<>();
        for (Task task : listed) {
            if (groups.containsKey(task.getId())) {
                open.add(new CaseView.OpenTask(
                        task.getId(),
                        task.getTaskDefinitionKey(),
                        task.getName(),
                        groups.get(task.getId()),
                        task.getAssignee(),
                        task.getDueDate(),
                        escalated.contains(task.getId()),
                        task.getProcessInstanceId()));
            }
        }
        return open;
    }
}
