package uk.pathways.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.audit.AuditEntry;
import uk.pathways.audit.AuditTrail;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * The walls of contract version 2, sections 7 and 8, probed at every door a user or an attacker could take: the engine
 * REST API's {@code complete} and {@code submit-form}, the webapps' own engine API (a signed-in Tasklist session), the
 * Java API, {@code /api} and messages, with a real engine on a real port. Each finding of the issue "Walls that hold"
 * has its test here.
 */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class WallsTest {

    /** The ways in to a task completion. */
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
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    IdentityService identityService;

    @Autowired
    CaseFile caseFile;

    @Autowired
    AuditTrail audit;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    private Doors doors() {
        return new Doors(port);
    }

    /** Completes a task through one door as {@code user}, with the variables as REST JSON ({@code {"name": {"value": ..}}}). */
    private Doors.Answer complete(Door door, String taskId, String user, String variablesJson) {
        String body = "{\"variables\": " + variablesJson + "}";
        return switch (door) {
            case COMPLETE -> doors().basic(user, "POST", "/engine-rest/task/" + taskId + "/complete", body);
            case SUBMIT_FORM -> doors().basic(user, "POST", "/engine-rest/task/" + taskId + "/submit-form", body);
            case WEBAPP ->
                doors().webapp(user, "tasklist")
                        .call("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", body);
            case JAVA -> java(taskId, user, variablesJson);
        };
    }

    /** The Java API, as Pathways' own pages call it: 204 when it completed, 400 with the gate's fields when refused. */
    private Doors.Answer java(String taskId, String user, String variablesJson) {
        JsonNode variables;
        try {
            variables = Doors.JSON.readTree(variablesJson);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        variables.fields().forEachRemaining(f -> {
            JsonNode value = f.getValue().path("value");
            Object plain = value.isBoolean()
                    ? (Object) value.booleanValue()
                    : value.isNumber()
                            ? value.numberValue()
                            : value.isTextual()
                                    ? value.textValue()
                                    : value.isArray() || value.isObject()
                                            ? Doors.JSON.convertValue(value, Object.class)
                                            : null;
            if ("Json".equals(f.getValue().path("type").asText())) {
                plain = Doors.JSON.convertValue(readTree(value.asText()), Object.class);
            }
            values.put(f.getKey(), plain);
        });
        identityService.setAuthentication(user, groups(user));
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

    private static JsonNode readTree(String text) {
        try {
            return Doors.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> groups(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId())
                .toList();
    }

    private static List<String> fieldsNamed(Doors.Answer answer) {
        assertThat(answer.status()).as("answer %s", answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<String> fields = new java.util.ArrayList<>();
        answer.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static void noInternals(Doors.Answer answer) {
        assertThat(answer.status()).as("no 5xx: %s", answer.body()).isLessThan(500);
        assertThat(answer.body())
                .doesNotContain("org.camunda", "java.lang", "Exception", "### ", "SELECT ", "select ", "\tat ");
    }

    private ReferralAccepted referredByEducation() {
        return pathway.refer(15, List.of("OLDER_PARTNER"));
    }

    /** A case at its strategy meeting: four agency-information tasks open (police, health, education, children's). */
    private ReferralAccepted atTheMeeting() {
        ReferralAccepted referral = pathway.refer(15, List.of());
        pathway.complete(
                referral.caseId(),
                "screening",
                "mash-worker",
                Map.of(
                        "indicators",
                        List.of("OLDER_PARTNER", "CONTROLLED_BY_OTHERS", "UNEXPLAINED_GIFTS"),
                        "disclosure",
                        false,
                        "learningDisability",
                        false));
        pathway.complete(
                referral.caseId(),
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "meetingAt",
                        Now.instant().plus(Duration.ofHours(20)).toString(),
                        "meetingPlace",
                        "Room 4, synthetic office"));
        return referral;
    }

    private Task agencyTask(String caseId, String agency) {
        return pathway.tasks(caseId, "agency-information").stream()
                .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
                        .anyMatch(l -> agency.equals(l.getGroupId())))
                .findFirst()
                .orElseThrow();
    }

    // ---- finding 5: unchecked completion variables, and finding 3: moving a process to another case

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void aCompletionCarriesOnlyItsFormsFieldsOfTheirTypesAtEveryDoor(Door door) {
        ReferralAccepted referral = referredByEducation();
        ReferralAccepted other = referredByEducation();
        Task screening = pathway.task(referral.caseId(), "screening");
        String marker = "Synthetic narrative " + UUID.randomUUID();

        Doors.Answer answer = complete(door, screening.getId(), "mash-worker", """
                {"age": {"value": -5}, "disclosure": {"value": "true"}, "indicators": {"value": {"OLDER_PARTNER": 1}},
                 "learningDisability": {"value": false}, "freeNarrative": {"value": "%s"}, "caseId": {"value": "%s"}}""".formatted(marker, other.caseId()));

        assertThat(fieldsNamed(answer))
                .containsExactlyInAnyOrder("age", "disclosure", "indicators", "freeNarrative", "caseId");
        assertThat(pathway.tasks(referral.caseId(), "screening"))
                .as("the task stays open")
                .hasSize(1);
        assertThat(taskService.getVariable(screening.getId(), "age")).isEqualTo(15);
        assertThat(taskService.getVariable(screening.getId(), "caseId")).isEqualTo(referral.caseId());
        assertThat(EngineTables.holding(dataSource, marker))
                .as("nothing of it in the engine")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void aBooleanSentAsTextAndIndicatorsThatAreNotKnownCodesAreRefused(Door door) {
        ReferralAccepted referral = referredByEducation();
        Task screening = pathway.task(referral.caseId(), "screening");

        Doors.Answer answer = complete(door, screening.getId(), "mash-worker", """
                {"indicators": {"value": "[\\"OLDER_PARTNER\\", \\"NOT_A_CODE\\"]", "type": "Json"},
                 "disclosure": {"value": false}, "learningDisability": {"value": "yes"}}""");

        assertThat(fieldsNamed(answer)).containsExactlyInAnyOrder("indicators", "learningDisability");
        assertThat(pathway.tasks(referral.caseId(), "screening")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void aScreeningWithItsSection5VariablesCompletesAndDecidesAtEveryDoor(Door door) {
        ReferralAccepted referral = referredByEducation();
        Task screening = pathway.task(referral.caseId(), "screening");

        Doors.Answer answer = complete(door, screening.getId(), "mash-worker", """
                {"indicators": {"value": "[\\"OLDER_PARTNER\\", \\"CONTROLLED_BY_OTHERS\\", \\"UNEXPLAINED_GIFTS\\"]", "type": "Json"},
                 "disclosure": {"value": false}, "learningDisability": {"value": false}}""");

        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        assertThat(caseFile.find(referral.caseId()).orElseThrow().pathway()).isEqualTo("STRATEGY_MEETING");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void aProfessionalJudgementNeedsItsReasonAtEveryDoorAndWaitsForAManager(Door door) {
        ReferralAccepted referral = referredByEducation();
        Task screening = pathway.task(referral.caseId(), "screening");
        String judged = """
                {"indicators": {"value": "[\\"OLDER_PARTNER\\"]", "type": "Json"},
                 "disclosure": {"value": false}, "learningDisability": {"value": false},
                 "exploitationType": {"value": "SEXUAL"}, "overrideRiskLevel": {"value": "HIGH"}%s}""";

        Doors.Answer noReason = complete(door, screening.getId(), "mash-worker", judged.formatted(""));
        assertThat(fieldsNamed(noReason)).containsExactly("overrideReason");
        assertThat(pathway.tasks(referral.caseId(), "screening")).hasSize(1);

        Doors.Answer withReason = complete(
                door,
                screening.getId(),
                "mash-worker",
                judged.formatted(", \"overrideReason\": {\"value\": \"Synthetic reason\"}"));
        assertThat(withReason.status()).as(withReason.body()).isEqualTo(204);
        assertThat(pathway.openTaskKeys(referral.caseId())).containsExactly("approve-override");
    }

    // ---- finding 6: form text lost, overwritten or kept in the engine

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void eachAgencysInformationGoesToTheCaseRecordWholeAndNothingOfItToTheEngine(Door door) {
        ReferralAccepted referral = atTheMeeting();
        String police = "Synthetic police information " + UUID.randomUUID();
        String health = "Synthetic health information " + UUID.randomUUID();

        Doors.Answer first = complete(
                door,
                agencyTask(referral.caseId(), "police").getId(),
                "police-worker",
                "{\"agencyInformation\": {\"value\": \"" + police + "\"}}");
        Doors.Answer second = complete(
                door,
                agencyTask(referral.caseId(), "health").getId(),
                "health-worker",
                "{\"agencyInformation\": {\"value\": \"" + health + "\"}}");

        assertThat(first.status()).as(first.body()).isEqualTo(204);
        assertThat(second.status()).as(second.body()).isEqualTo(204);
        JsonNode record = doors().basic("childrens-services-worker", "GET", "/api/cases/" + referral.caseId(), null)
                .json()
                .path("record");
        assertThat(record.toString())
                .as("the second agency's information does not overwrite the first's")
                .contains(police, health);
        assertThat(record.findValues("kind").stream()
                        .filter(k -> k.asText().equals("agency-information"))
                        .count())
                .isEqualTo(2);
        assertThat(EngineTables.holding(dataSource, police)).isEmpty();
        assertThat(EngineTables.holding(dataSource, health)).isEmpty();
    }

    @Test
    void theReturnHomeInterviewCompletesWithTheContractsVariablesAlone() {
        String episode = doors().basic("police-worker", "POST", "/api/missing-episodes", """
                {"child": {"firstName": "Casey", "lastName": "Wallsrhi%s", "dateOfBirth": "2012-04-02", "gender": "FEMALE",
                 "district": "Corby", "lookedAfter": false},
                 "missingSince": "%s", "policeReference": "NP-1", "policeRisk": "LOW", "episodeType": "MISSING_FROM_HOME",
                 "returnedAt": "%s"}""".formatted(
                                letters(),
                                Now.instant().minus(Duration.ofHours(5)),
                                Now.instant().minus(Duration.ofHours(1))))
                .json()
                .path("caseId")
                .asText();
        Task interview = pathway.task(episode, "return-home-interview");

        Doors.Answer answer = complete(
                Door.COMPLETE,
                interview.getId(),
                "rhi-service-worker",
                "{\"rhiAccepted\": {\"value\": true}, \"cseConcern\": {\"value\": false}}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        assertThat(pathway.tasks(episode, "return-home-interview")).isEmpty();
    }

    // ---- finding 4: claim for someone else

    @Test
    void aTaskIsClaimedOnlyForOneselfOrAssignedByTheAgencysManagerWithinTheAgency() {
        String task = pathway.task(referredByEducation().caseId(), "screening").getId();

        Doors.Answer forPolice = doors().basic(
                        "mash-worker",
                        "POST",
                        "/engine-rest/task/" + task + "/claim",
                        "{\"userId\": \"police-worker\"}");
        Doors.Answer managerForPolice = doors().basic(
                        "mash-manager",
                        "POST",
                        "/engine-rest/task/" + task + "/claim",
                        "{\"userId\": \"police-worker\"}");
        Doors.Answer managerForWorker = doors().basic(
                        "mash-manager",
                        "POST",
                        "/engine-rest/task/" + task + "/claim",
                        "{\"userId\": \"mash-worker\"}");
        Doors.Answer unclaim = doors().basic("mash-worker", "POST", "/engine-rest/task/" + task + "/unclaim", null);
        Doors.Answer self = doors().basic(
                        "mash-worker", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\": \"mash-worker\"}");

        assertThat(forPolice.status()).isEqualTo(403);
        assertThat(managerForPolice.status()).isEqualTo(403);
        assertThat(managerForWorker.status()).as(managerForWorker.body()).isEqualTo(204);
        assertThat(unclaim.status()).as(unclaim.body()).isEqualTo(204);
        assertThat(self.status()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee())
                .isEqualTo("mash-worker");
        assertThat(doors().basic("police-worker", "GET", "/engine-rest/task/" + task, null)
                        .status())
                .isIn(403, 404);
    }

    // ---- findings 1, 2 and 11: involvement only by decision

    @Test
    void referringAChildWhoHasACaseJoinsItButDoesNotOpenItToTheReferrer() {
        ReferralAccepted education = referredByEducation();
        var child = caseFile.find(education.caseId()).orElseThrow().child();
        String body = """
                {"child": {"firstName": "%s", "lastName": "%s", "dateOfBirth": "%s", "gender": "FEMALE", "district": "Corby",
                 "lookedAfter": false}, "referrer": {"agency": "health", "name": "Sam Nurse", "email": "sam@nhs.example"},
                 "concerns": "Synthetic concern", "indicators": []}""".formatted(child.firstName(), child.lastName(), child.dateOfBirth());

        Doors.Answer referral = doors().basic("health-worker", "POST", "/api/referrals", body);
        Doors.Answer read = doors().basic("health-worker", "GET", "/api/cases/" + education.caseId(), null);

        assertThat(referral.status()).isEqualTo(201);
        assertThat(referral.json().path("caseId").asText()).isEqualTo(education.caseId());
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().path("leadAgency").asText()).isEqualTo("mash");
        assertThat(read.json().path("involvedAgencies").toString())
                .contains("education")
                .doesNotContain("health");
        assertThat(read.body()).doesNotContain("Synthetic concern for a test");
    }

    @Test
    void aMissingReportForACaseTheReporterCannotReadIsRefusedAndCreatesNothing() {
        ReferralAccepted education = referredByEducation();
        int episodes = jdbc.queryForObject(
                "select count(*) from pw_missing_episode where case_id = ?", Integer.class, education.caseId());

        Doors.Answer answer = doors().basic("health-worker", "POST", "/api/missing-episodes", """
                {"caseId": "%s", "missingSince": "%s", "policeReference": "NP-2", "policeRisk": "LOW",
                 "episodeType": "MISSING_FROM_HOME"}""".formatted(
                        education.caseId(), Now.instant().minus(Duration.ofHours(2))));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("involvedAgencies").isArray()).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_missing_episode where case_id = ?", Integer.class, education.caseId()))
                .isEqualTo(episodes);
        assertThat(doors().basic("health-worker", "GET", "/api/cases/" + education.caseId(), null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theReferrersAgencyMustBeTheCallersOwn() {
        Doors.Answer answer = doors().basic("health-worker", "POST", "/api/referrals", """
                {"child": {"firstName": "Robin", "lastName": "Wallsref%s", "dateOfBirth": "2012-03-14", "gender": "FEMALE",
                 "district": "Corby", "lookedAfter": false}, "referrer": {"agency": "police", "name": "Sam Nurse",
                 "email": "sam@nhs.example"}, "concerns": "Synthetic concern", "indicators": []}""".formatted(letters()));

        assertThat(fieldsNamed(answer)).containsExactly("referrer.agency");
    }

    @Test
    void whenADecisionInvolvesAnAgencyTheChronologySaysWhichAndWho() {
        ReferralAccepted referral = atTheMeeting();
        pathway.complete(
                referral.caseId(),
                "strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "riseAccepted",
                        true,
                        "section47",
                        false,
                        "policeInvestigation",
                        false,
                        "meetingMinutes",
                        "Synthetic minutes"));

        assertThat(caseFile.chronology(referral.caseId())).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo("AGENCY_INVOLVED");
            assertThat(e.summary())
                    .contains("RISE team")
                    .contains("strategy meeting")
                    .contains("by Children's services");
            assertThat(e.actor()).as("who made the decision").isEqualTo("childrens-services-worker");
        });
    }

    // ---- finding 7: expressions in queries

    @Test
    void anExpressionInAnOrQueryIsRefusedHoweverTheJsonSpellsItAtEveryDoor() {
        String escaped =
                "{\"orQueries\": [{\"candidateGroup\": \"mash\"}, {\"assigneeExpression\": \"\\u0024{''.getClass()}\"}]}";

        Doors.Answer rest = doors().basic("mash-worker", "POST", "/engine-rest/task", escaped);
        Doors.Answer webapp = doors().webapp("mash-worker", "tasklist")
                .call("POST", "/camunda/api/engine/engine/default/task", escaped);

        assertThat(rest.status()).isEqualTo(400);
        assertThat(webapp.status()).isEqualTo(400);
        identityService.setAuthentication("mash-worker", groups("mash-worker"));
        try {
            assertThatThrownBy(() -> taskService
                            .createTaskQuery()
                            .or()
                            .taskAssigneeExpression("${currentUser()}")
                            .endOr()
                            .list())
                    .isInstanceOf(BadUserRequestException.class)
                    .hasMessageContaining("Expressions are not allowed");
        } finally {
            identityService.clearAuthentication();
        }
    }

    // ---- finding 8: bodies in chunks

    @Test
    void aChunkedBodyOverTheLimitIs413AndCreatesNothing() {
        int cases = jdbc.queryForObject("select count(*) from pw_case", Integer.class);
        byte[] big =
                ("{\"concerns\": \"" + "x".repeat(2 << 20) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(doors().chunked("education-worker", "/api/referrals", big).status())
                .isEqualTo(413);
        assertThat(doors().chunked("mash-worker", "/engine-rest/task", big).status())
                .isEqualTo(413);
        assertThat(jdbc.queryForObject("select count(*) from pw_case", Integer.class))
                .isEqualTo(cases);
    }

    // ---- finding 9: no 5xx, no internals

    @Test
    void badInputIsNeverAServerErrorAndNoAnswerShowsInternals() {
        String task = pathway.task(referredByEducation().caseId(), "screening").getId();
        List<Doors.Answer> answers = List.of(
                doors().basic(
                                "mash-worker",
                                "POST",
                                "/engine-rest/condition",
                                "{\"variables\": {\"x\": {\"value\": 1}}}"),
                doors().basic("mash-worker", "DELETE", "/engine-rest/task/" + task, null),
                doors().basic("admin", "DELETE", "/engine-rest/task/" + task, null),
                doors().raw("mash-worker", "/engine-rest/task?name=%zz"),
                doors().basic("mash-worker", "GET", "/error", null),
                doors().basic(
                                "admin",
                                "POST",
                                "/engine-rest/user/create",
                                "{\"profile\": {\"id\": \"weakling\"}, \"credentials\": {\"password\": \"abc\"}}"),
                doors().basic(
                                "mash-worker",
                                "POST",
                                "/engine-rest/task/" + task + "/complete",
                                "{\"variables\": {\"caseId\": {\"value\": null}}}"),
                doors().basic(
                                "mash-worker",
                                "POST",
                                "/engine-rest/task/" + task + "/complete",
                                "{\"variables\": {\"indicators\": {\"value\": "
                                        + Doors.JSON.valueToTree(java.util.Collections.nCopies(10_000, "OLDER_PARTNER"))
                                        + "}}}"),
                doors().basic("police-worker", "POST", "/api/missing-episodes", """
                        {"child": {"firstName": "Casey", "lastName": "Wallsmis%s", "dateOfBirth": "2012-04-02", "gender": "FEMALE",
                         "district": "Corby", "lookedAfter": false}, "missingSince": "-999999999-01-01T00:00:00Z",
                         "policeReference": "NP-3", "policeRisk": "LOW", "episodeType": "MISSING_FROM_HOME"}""".formatted(letters())),
                doors().basic("police-worker", "POST", "/api/missing-episodes", """
                        {"child": {"firstName": "Casey", "lastName": "Wallsmis%s", "dateOfBirth": "2012-04-02", "gender": "FEMALE",
                         "district": "Corby", "lookedAfter": false}, "missingSince": "0001-01-01T00:00:00Z",
                         "policeReference": "NP-4", "policeRisk": "LOW", "episodeType": "MISSING_FROM_HOME"}""".formatted(letters())));

        answers.forEach(WallsTest::noInternals);
        assertThat(answers.get(0).status()).isEqualTo(400);
        assertThat(answers.get(1).status()).isEqualTo(403);
        assertThat(answers.get(3).status()).isEqualTo(400);
        assertThat(answers.get(4).status()).isEqualTo(404);
        assertThat(answers.get(5).status()).isEqualTo(400);
        // with the screening form's required type of exploitation, which a completion of the form must carry
        assertThat(fieldsNamed(answers.get(6))).containsExactlyInAnyOrder("caseId", "exploitationType");
        // not the contract's completion (section 5 incomplete): the form's required type of exploitation too
        assertThat(fieldsNamed(answers.get(7))).containsExactlyInAnyOrder("indicators", "exploitationType");
        assertThat(fieldsNamed(answers.get(8))).containsExactly("missingSince");
        assertThat(fieldsNamed(answers.get(9))).containsExactly("missingSince");
        assertThat(identityService.createUserQuery().userId("weakling").count()).isZero();
        assertThat(pathway.tasks(taskService.getVariable(task, "caseId").toString(), "screening"))
                .hasSize(1);
    }

    /**
     * Camunda checks authorization before it looks for the task when asked for a task's form, and failed with a 500
     * for a task that is not there (found by probing the doors). Nothing there is 404, the same for a task that closed
     * and one that never existed, so the answer tells another agency nothing.
     */
    @Test
    void theFormOfATaskThatIsNotThereIsNotFoundWhetherItClosedOrNeverExisted() {
        ReferralAccepted referral = referredByEducation();
        String task = pathway.task(referral.caseId(), "screening").getId();
        pathway.complete(referral.caseId(), "screening", "mash-worker", Pathway.SCREENING);

        Doors.Answer closed =
                doors().basic("police-worker", "GET", "/engine-rest/task/" + task + "/deployed-form", null);
        Doors.Answer never =
                doors().basic("police-worker", "GET", "/engine-rest/task/no-such-task/deployed-form", null);

        noInternals(closed);
        assertThat(closed.status()).as(closed.body()).isEqualTo(404);
        assertThat(never.status()).isEqualTo(404);
        assertThat(closed.body()).isEqualTo(never.body()).contains("There is no open task with this id.");

        // the Tasklist's own API, the other door the form is asked for at
        Doors.Webapp tasklist = doors().webapp("police-worker", "tasklist");
        String form = "/camunda/api/engine/engine/default/task/%s/deployed-form";
        Doors.Answer closedThere = tasklist.call("GET", form.formatted(task), null);
        Doors.Answer neverThere = tasklist.call("GET", form.formatted("no-such-task"), null);
        noInternals(closedThere);
        assertThat(closedThere.status()).as(closedThere.body()).isEqualTo(404);
        assertThat(closedThere.body()).isEqualTo(neverThere.body());
    }

    /**
     * The Tasklist's own engine API tells the MASH colleague who lost the race that the task was completed (409), as
     * {@code /engine-rest} and the pages tell them; it said "Cannot find task ... task is null". Another agency gets
     * what a task that never existed gets.
     */
    @Test
    void theTasklistTellsTheColleagueWhoLostTheRaceAndNoOneElse() throws Exception {
        ReferralAccepted referral = referredByEducation();
        org.camunda.bpm.engine.task.Task screening = pathway.task(referral.caseId(), "screening");
        String task = screening.getId();
        String name = screening.getName();
        pathway.complete(referral.caseId(), "screening", "mash-worker", Pathway.SCREENING);
        String form = "/camunda/api/engine/engine/default/task/%s/submit-form";
        String claim = "/camunda/api/engine/engine/default/task/%s/claim";

        Doors.Answer colleague =
                doors().webapp("mash-manager", "tasklist").call("POST", form.formatted(task), "{\"variables\": {}}");
        Doors.Webapp police = doors().webapp("police-worker", "tasklist");
        Doors.Answer closed = police.call("POST", form.formatted(task), "{\"variables\": {}}");
        Doors.Answer never = police.call("POST", form.formatted("no-such-task"), "{\"variables\": {}}");

        assertThat(colleague.status()).as(colleague.body()).isEqualTo(409);
        assertThat(Doors.JSON.readTree(colleague.body()).path("message").asText())
                .isEqualTo("\"" + name + "\" was completed by someone else before you sent your form."
                        + " Nothing you entered was recorded.");
        Doors.Answer claimed = doors().webapp("mash-worker", "tasklist")
                .call("POST", claim.formatted(task), "{\"userId\": \"mash-worker\"}");
        assertThat(claimed.status()).isEqualTo(409);
        assertThat(Doors.JSON.readTree(claimed.body()).path("message").asText())
                .as("the one who completed it, claiming it again in a stale list")
                .isEqualTo("\"" + name + "\" was completed by you already, in another window or tab, before you claimed"
                        + " it. Refresh the list.");
        noInternals(closed);
        assertThat(closed.status()).isEqualTo(never.status()).isNotEqualTo(409);
        assertThat(closed.body().replace(task, "ID")).isEqualTo(never.body().replace("no-such-task", "ID"));
    }

    // ---- finding 10: audit gaps

    @Test
    void refusedReadsQueryReadsAndSearchesAreAuditedWithTheirCases() {
        ReferralAccepted referral = referredByEducation();
        String task = pathway.task(referral.caseId(), "screening").getId();

        assertThat(doors().basic("police-worker", "GET", "/engine-rest/task/" + task + "/variables", null)
                        .status())
                .isIn(403, 404);
        assertThat(doors().basic(
                                "mash-worker",
                                "GET",
                                "/engine-rest/task?processInstanceId=" + referral.processInstanceId(),
                                null)
                        .body())
                .contains(task);
        var child = caseFile.find(referral.caseId()).orElseThrow().child();
        doors().basic("health-worker", "GET", "/api/cases?name=" + child.lastName(), null);

        List<AuditEntry> trail = audit.ofCase(referral.caseId());
        assertThat(trail)
                .anySatisfy(e -> {
                    assertThat(e.userId()).isEqualTo("police-worker");
                    assertThat(e.action()).isEqualTo(AuditEntry.ACCESS_REFUSED);
                    assertThat(e.door()).isEqualTo(AuditEntry.DOOR_ENGINE_REST);
                })
                .anySatisfy(e -> {
                    assertThat(e.userId()).isEqualTo("mash-worker");
                    assertThat(e.action()).isEqualTo(AuditEntry.READ);
                    assertThat(e.resource()).contains("/engine-rest/task?");
                })
                .anySatisfy(e -> {
                    assertThat(e.userId()).isEqualTo("health-worker");
                    assertThat(e.action()).isEqualTo(AuditEntry.FOUND_IN_SEARCH);
                    assertThat(e.reason()).contains(child.lastName());
                });
    }

    @Test
    void theAuditTrailCannotBeEmptiedByTheApplicationsOwnDatabaseUser() {
        audit.recordAlone("audit-probe", null, AuditEntry.READ, AuditEntry.DOOR_API, null, "probe", null, null);
        int rows = jdbc.queryForObject("select count(*) from pw_audit", Integer.class);

        for (String statement : List.of(
                "truncate table pw_audit",
                "delete from pw_audit",
                "update pw_audit set user_id = 'x'",
                "drop table pw_audit")) {
            assertThatThrownBy(() -> jdbc.execute(statement))
                    .as(statement)
                    .isInstanceOf(org.springframework.dao.DataAccessException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from pw_audit", Integer.class))
                .isGreaterThanOrEqualTo(rows);
    }

    // ---- finding 11: smaller doors

    @Test
    void wildcardsInASearchMatchOnlyThemselvesAndThePerformanceGroupSearchesNoNames() {
        referredByEducation();

        Doors.Answer percent = doors().basic("mash-worker", "GET", "/api/cases?name=%25", null);
        Doors.Answer underscore = doors().basic("mash-worker", "GET", "/api/cases?name=_", null);
        Doors.Answer performance = doors().basic("performance-reader", "GET", "/api/cases?name=Testchild", null);

        assertThat(percent.status()).isEqualTo(200);
        assertThat(percent.json().size()).isZero();
        assertThat(underscore.json().size()).isZero();
        assertThat(performance.status()).isEqualTo(403);
    }

    @Test
    void cockpitsApisAndInstanceStatisticsAreForProcessOwnersAndAdministratorsOnly() {
        Doors.Webapp tasklist = doors().webapp("mash-worker", "tasklist");

        assertThat(tasklist.call("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null)
                        .status())
                .isEqualTo(403);
        assertThat(doors().basic("mash-worker", "GET", "/engine-rest/process-definition/statistics", null)
                        .status())
                .isEqualTo(403);
        assertThat(doors().basic("process-owner", "GET", "/engine-rest/process-definition/statistics", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void agenciesSendTheContractsMessagesThroughTheSameGate() {
        String report = """
                {"child": {"firstName": "Casey", "lastName": "Wallsmsg%s", "dateOfBirth": "2012-04-02", "gender": "FEMALE",
                 "district": "Corby", "lookedAfter": false}, "missingSince": "%s", "policeReference": "NP-5", "policeRisk": "LOW",
                 "episodeType": "MISSING_FROM_HOME"}""".formatted(letters(), Now.instant().minus(Duration.ofHours(3)));
        String message = "{\"messageName\": \"MissingReported\", \"processVariables\": {\"missingReport\": {\"value\": "
                + Doors.JSON.valueToTree(report) + "}}, \"resultEnabled\": true}";

        Doors.Answer extra = doors().basic(
                        "police-worker",
                        "POST",
                        "/engine-rest/message",
                        message.replace(
                                "\"missingReport\"",
                                "\"caseId\": {\"value\": \"CASE-2026-000001\"}, \"missingReport\""));
        Doors.Answer sent = doors().basic("police-worker", "POST", "/engine-rest/message", message);

        assertThat(fieldsNamed(extra)).containsExactly("processVariables.caseId");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        String instance = sent.json().get(0).path("processInstance").path("id").asText();
        String reference = jdbc.queryForObject(
                "select reference from pw_missing_episode where process_instance_id = ?", String.class, instance);
        String returned = "{\"messageName\": \"MissingChildReturned\", \"businessKey\": \"" + reference
                + "\", \"processVariables\": {\"returnedAt\": {\"value\": \""
                + Now.instant().minusSeconds(60) + "\"}}}";

        assertThat(doors().basic("health-worker", "POST", "/engine-rest/message", returned)
                        .status())
                .isEqualTo(403);
        assertThat(doors().basic("police-worker", "POST", "/engine-rest/message", returned)
                        .status())
                .isEqualTo(204);
        assertThat(jdbc.queryForObject(
                        "select status from pw_missing_episode where reference = ?", String.class, reference))
                .isEqualTo("RETURNED");
        assertThat(EngineTables.holding(dataSource, "Wallsmsg"))
                .as("the report names the child: never kept in the engine")
                .isEmpty();
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replaceAll("[^a-f]", "").toCharArray()) {
            s.append(c);
        }
        return s.length() > 8 ? s.substring(0, 8) : s.append("abc").toString();
    }
}
