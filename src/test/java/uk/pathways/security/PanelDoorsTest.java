package uk.pathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.panel.PanelScheduler;
import uk.pathways.panel.Panels;
import uk.pathways.panel.process.PanelProcess;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * The exploitation panel's co-chairs' task at every door that completes a task (engine REST complete and submit-form,
 * the webapps' engine API, the Java API): a variable its form does not name, or one the pathway owns, is 400 naming
 * it and the task stays open; a non-police co-chair's decision on a police-only item is refused alike; the decisions
 * complete it, kept in the panel's record and nowhere in the engine's tables.
 */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PanelDoorsTest {

    enum Door {
        COMPLETE,
        SUBMIT_FORM,
        WEBAPP,
        JAVA
    }

    @LocalServerPort
    int port;

    @Autowired
    Pathway pathway;

    @Autowired
    PanelScheduler scheduler;

    @Autowired
    Panels panels;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    IdentityService identityService;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theCoChairsTaskTakesOnlyItsFormAndKeepsItsTextOutOfTheEngine(Door door) {
        ReferralAccepted high = pathway.refer(15, List.of());
        pathway.complete(
                high.caseId(),
                "screening",
                "mash-worker",
                Map.of("indicators", List.of(), "disclosure", true, "learningDisability", false));
        // after every panel prepared so far (other tests' panels may be ahead of the clock), so the subject is new
        java.sql.Timestamp last =
                jdbc.queryForObject("select max(prepared_at) from pw_panel", java.sql.Timestamp.class);
        java.time.Instant t = uk.pathways.calendar.Now.instant();
        if (last != null && last.toInstant().isAfter(t)) {
            t = last.toInstant();
        }
        Pathway.at(t.plusSeconds(60).atZone(uk.pathways.calendar.Now.UK));
        String policeOnly = "SUB-8" + String.format("%05d", (int) (Math.random() * 100_000));
        jdbc.update(
                "insert into pw_subject (subject_id, kind, label, category, police_only, concern_level,"
                        + " escalated_at, recorded_by, recorded_agency, recorded_at)"
                        + " values (?, 'PERSON', 'Synthetic Suspect', 'SUSPECT', true, 'HIGH', ?, 'police-worker',"
                        + " 'police', ?)",
                policeOnly,
                java.sql.Timestamp.from(uk.pathways.calendar.Now.instant()),
                java.sql.Timestamp.from(uk.pathways.calendar.Now.instant().minusSeconds(86_400 * 60)));
        Pathway.at(t.plusSeconds(120).atZone(uk.pathways.calendar.Now.UK));
        String panelId = scheduler.schedule("childrens-services-manager").panelId();
        List<Panels.Item> agenda = panels.agenda(panelId);
        int caseItem = agenda.stream()
                .filter(i -> high.caseId().equals(i.caseId()))
                .findFirst()
                .orElseThrow()
                .position();
        int subjectItem = agenda.stream()
                .filter(i -> policeOnly.equals(i.subjectId()))
                .findFirst()
                .orElseThrow()
                .position();
        Task chair = taskService
                .createTaskQuery()
                .processInstanceId(panelId)
                .taskDefinitionKey(PanelProcess.TASK_DECISIONS)
                .singleResult();
        String marker = "Synthetic panel decision " + UUID.randomUUID();

        Doors.Answer bogus = complete(
                door,
                chair.getId(),
                "police-worker",
                "{\"panelNotes\": {\"value\": \"%s\"}, \"reference\": {\"value\": \"MACE-1999-01-1\"}}"
                        .formatted(marker));
        assertThat(fieldsNamed(bogus)).containsExactlyInAnyOrder("panelNotes", "reference");
        assertThat(open(chair)).isTrue();

        Doors.Answer notPolice = complete(
                door,
                chair.getId(),
                "childrens-services-worker",
                "{\"decision1Item\": {\"value\": %d}, \"decision1Text\": {\"value\": \"%s\"}}"
                        .formatted(subjectItem, marker));
        assertThat(fieldsNamed(notPolice)).containsExactly("decision1Item");
        assertThat(open(chair)).isTrue();
        unclaim(chair);

        Doors.Answer done = complete(
                door,
                chair.getId(),
                "police-worker",
                "{\"decision1Item\": {\"value\": %d}, \"decision1Text\": {\"value\": \"%s\"}}"
                        .formatted(caseItem, marker));
        assertThat(done.status()).as(done.body()).isIn(200, 204);
        assertThat(open(chair)).isFalse();
        assertThat(panels.agenda(panelId).stream()
                        .filter(i -> i.position() == caseItem)
                        .findFirst()
                        .orElseThrow()
                        .decision())
                .isEqualTo(marker);
        assertThat(EngineTables.holding(dataSource, marker))
                .as("nothing of the decision in the engine")
                .isEmpty();
    }

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    private boolean open(Task task) {
        return taskService.createTaskQuery().taskId(task.getId()).count() == 1;
    }

    private void unclaim(Task task) {
        taskService.setAssignee(task.getId(), null);
    }

    private Doors.Answer complete(Door door, String taskId, String user, String variablesJson) {
        String body = "{\"variables\": " + variablesJson + "}";
        Doors doors = new Doors(port);
        return switch (door) {
            case COMPLETE -> doors.basic(user, "POST", "/engine-rest/task/" + taskId + "/complete", body);
            case SUBMIT_FORM -> doors.basic(user, "POST", "/engine-rest/task/" + taskId + "/submit-form", body);
            case WEBAPP ->
                doors.webapp(user, "tasklist")
                        .call("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", body);
            case JAVA -> java(taskId, user, variablesJson);
        };
    }

    /** The Java API as the pages call it: 204 when it completed, 400 with the gate's fields when refused. */
    private Doors.Answer java(String taskId, String user, String variablesJson) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        try {
            Doors.JSON
                    .readTree(variablesJson)
                    .fields()
                    .forEachRemaining(f -> values.put(
                            f.getKey(),
                            f.getValue().path("value").isNumber()
                                    ? f.getValue().path("value").numberValue()
                                    : f.getValue().path("value").asText()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId())
                .toList();
        identityService.setAuthentication(user, groups);
        try {
            if (taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee() == null) {
                taskService.claim(taskId, user);
            }
            formService.submitTaskForm(taskId, values);
            return new Doors.Answer(204, "", "");
        } catch (TaskInputRefused refused) {
            StringBuilder fields = new StringBuilder("{\"errors\": [");
            refused.problems()
                    .forEach(p ->
                            fields.append("{\"field\": \"").append(p.field()).append("\"},"));
            return new Doors.Answer(400, fields.substring(0, fields.length() - 1) + "]}", "application/problem+json");
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static List<String> fieldsNamed(Doors.Answer answer) {
        assertThat(answer.status()).as("answer %s", answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
