package uk.pathways.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.referral.process.CseReferralProcess;
import uk.pathways.support.Pathway;

/**
 * Ten running referrals at different stages move from version 1 of cse-referral to a version 2 that adds a task,
 * through the process owners' API: plan, diff, dry run, migration. They keep their tasks, due dates and clocks,
 * every case's chronology records the move, and a migrated case then follows version 2.
 */
@PathwaysTest
@AutoConfigureMockMvc
class MigrationTest {

    private static final String OWNER = "process-owner";
    private static final String PASSWORD = "Demo!Password1";
    private static final String V2 = "migration-test-v2";
    /** LOW (6): early help. */
    private static final List<String> LOW = List.of("OLDER_PARTNER", "MISSING_OR_ABSENT");
    /** MEDIUM (11): strategy meeting. */
    private static final List<String> MEDIUM = List.of("OLDER_PARTNER", "CONTROLLED_BY_OTHERS", "UNEXPLAINED_GIFTS");

    @Autowired
    MockMvc mvc;

    @Autowired
    Pathway pathway;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    CaseFile caseFile;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void tidyUp() {
        ClockUtil.reset();
        repositoryService
                .createDeploymentQuery()
                .deploymentName(V2)
                .list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }

    @Test
    void tenRunningReferralsMoveToAVersionThatAddsATaskAndKeepTheirTasksDueDatesAndClocks() throws Exception {
        Pathway.at(LocalDate.of(2026, 3, 2), 10, 0); // a Monday
        ProcessDefinition v1 = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(CseReferralProcess.KEY)
                .latestVersion()
                .singleResult();
        List<ReferralAccepted> cases = tenReferralsAtDifferentStages();
        Map<String, Snapshot> before = new TreeMap<>();
        cases.forEach(c -> before.put(c.processInstanceId(), snapshot(c.processInstanceId())));
        assertThat(before.values()).extracting(Snapshot::definitionId).containsOnly(v1.getId());

        ProcessDefinition v2 = deployVersionTwo(v1);
        int from = v1.getVersion();
        int to = v2.getVersion();

        // what changed, and the plan: every element of version 1 maps, so nothing stops the migration
        JsonNode diff = getJson("/api/models/diff?key=cse-referral&from=" + from + "&to=" + to);
        assertThat(diff.path("added").findValuesAsText("id"))
                .containsExactlyInAnyOrder("police-intelligence", "Flow_ToPoliceIntelligence");
        assertThat(diff.path("removed").size()).isZero();
        assertThat(diff.path("changed").findValuesAsText("id")).contains("Flow_ToScore");
        JsonNode plan = getJson("/api/migrations/plan?key=cse-referral&from=" + from + "&to=" + to);
        assertThat(plan.path("problems").size()).as(plan.toPrettyString()).isZero();
        assertThat(plan.path("unmapped").size()).as(plan.toPrettyString()).isZero();
        assertThat(plan.path("canMigrate").asBoolean()).isTrue();
        assertThat(plan.path("runningCases").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(plan.path("mappings").findValuesAsText("from"))
                .contains(
                        "screening",
                        "early-help-plan",
                        "Timer_EarlyHelpReview",
                        "Call_StrategyMeeting",
                        "SubProcess_CaseOpen",
                        "safety-plan",
                        "Start_StrategyReviewDue");
        // the way back could not map the new task: the plan says so
        JsonNode back = getJson("/api/migrations/plan?key=cse-referral&from=" + to + "&to=" + from);
        assertThat(back.path("unmapped").findValuesAsText("elementId")).contains("police-intelligence");

        // a dry run moves nothing and writes nothing
        JsonNode dryRun = postJson(Map.of("key", "cse-referral", "from", from, "to", to, "dryRun", true));
        assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.path("migrated").asBoolean()).isFalse();
        assertThat(dryRun.path("problems").size()).isZero();
        assertThat(dryRun.path("cases").findValuesAsText("processInstanceId")).containsAll(before.keySet());
        cases.forEach(c -> {
            assertThat(snapshot(c.processInstanceId()).definitionId()).isEqualTo(v1.getId());
            assertThat(migrationsIn(c.caseId())).isZero();
        });

        JsonNode result = postJson(Map.of("key", "cse-referral", "from", from, "to", to, "dryRun", false));
        assertThat(result.path("migrated").asBoolean()).isTrue();
        assertThat(result.path("problems").size()).isZero();

        for (ReferralAccepted c : cases) {
            Snapshot after = snapshot(c.processInstanceId());
            Snapshot was = before.get(c.processInstanceId());
            assertThat(after.definitionId()).as(c.reference()).isEqualTo(v2.getId());
            assertThat(after.tasks()).as("tasks of %s", c.reference()).isEqualTo(was.tasks());
            assertThat(after.clocks()).as("clocks of %s", c.reference()).isEqualTo(was.clocks());
            assertThat(caseFile.chronology(c.caseId()))
                    .filteredOn(e -> e.eventType().equals(PathwayMigrated.TYPE))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.summary())
                                .isEqualTo("Pathway cse-referral moved from version " + from + " to version " + to
                                        + " by process-owner");
                        assertThat(e.reference()).isEqualTo(c.reference());
                    });
        }

        // a migrated case waiting for screening now takes version 2's new step after it
        ReferralAccepted first = cases.get(0);
        pathway.complete(first.caseId(), "screening", "mash-worker", screening());
        assertThat(pathway.openTaskKeys(first.caseId())).containsExactly("police-intelligence");
        // with its clock: the new version still starts escalation clocks after the migration
        Task intelligence = pathway.task(first.caseId(), "police-intelligence");
        assertThat(snapshot(first.processInstanceId()).clocks())
                .singleElement()
                .asString()
                .contains("police-intelligence at " + intelligence.getDueDate().toInstant());
        // and so does a case started on it afresh
        ReferralAccepted fresh = pathway.refer(15, MEDIUM);
        assertThat(snapshot(fresh.processInstanceId()).clocks())
                .singleElement()
                .asString()
                .contains("screening at ");
    }

    /** 3 at screening, 2 making an early help plan, 1 waiting for the early help review, 1 in the strategy meeting,
     *  2 in support and protection (allocation, police, section 47), 1 in RISE support (safety plan, outreach, wheel). */
    private List<ReferralAccepted> tenReferralsAtDifferentStages() {
        List<ReferralAccepted> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(pathway.refer(14 + i, MEDIUM));
        }
        for (int i = 0; i < 2; i++) {
            ReferralAccepted c = pathway.refer(15, LOW);
            pathway.complete(c.caseId(), "screening", "mash-worker", screening());
            cases.add(c);
        }
        ReferralAccepted waiting = pathway.refer(16, LOW);
        pathway.complete(waiting.caseId(), "screening", "mash-worker", screening());
        pathway.complete(
                waiting.caseId(),
                "early-help-plan",
                "childrens-services-worker",
                Map.of("leadProfessional", "Synthetic Lead", "earlyHelpPlan", "Synthetic plan"));
        cases.add(waiting);
        ReferralAccepted meeting = pathway.refer(14, MEDIUM);
        pathway.complete(meeting.caseId(), "screening", "mash-worker", screening());
        cases.add(meeting);
        for (int i = 0; i < 2; i++) {
            cases.add(afterTheMeeting(pathway.refer(15, MEDIUM)));
        }
        ReferralAccepted rise = afterTheMeeting(pathway.refer(13, MEDIUM));
        pathway.complete(
                rise.caseId(), "allocate-support-worker", "rise-manager", Map.of("supportWorker", "rise-worker"));
        cases.add(rise);

        assertThat(pathway.openTaskKeys(cases.get(3).caseId())).containsExactly("early-help-plan");
        assertThat(pathway.openTaskKeys(waiting.caseId())).isEmpty();
        assertThat(pathway.openTaskKeys(meeting.caseId())).containsExactly("schedule-strategy-meeting");
        assertThat(pathway.openTaskKeys(cases.get(7).caseId()))
                .containsExactly("allocate-support-worker", "police-investigation", "section-47-enquiry");
        assertThat(pathway.openTaskKeys(rise.caseId()))
                .containsExactly(
                        "outcome-wheel",
                        "outreach-contact",
                        "police-investigation",
                        "safety-plan",
                        "section-47-enquiry");
        return cases;
    }

    private ReferralAccepted afterTheMeeting(ReferralAccepted c) {
        pathway.complete(c.caseId(), "screening", "mash-worker", screening());
        pathway.complete(
                c.caseId(),
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "meetingAt",
                        Now.instant().plusSeconds(2 * 86_400).toString(),
                        "meetingPlace",
                        "Synthetic room 1"));
        pathway.complete(
                c.caseId(),
                "strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "riseAccepted",
                        true,
                        "section47",
                        true,
                        "policeInvestigation",
                        true,
                        "meetingMinutes",
                        "Synthetic minutes"));
        return c;
    }

    private static Map<String, Object> screening() {
        return Map.of(
                "disclosure",
                false,
                "learningDisability",
                false,
                "exploitationType",
                "SEXUAL",
                "screeningNotes",
                "Synthetic notes");
    }

    /** Version 2: a police intelligence check between screening and the score. */
    private ProcessDefinition deployVersionTwo(ProcessDefinition v1) throws IOException {
        String xml;
        try (InputStream in = repositoryService.getProcessModel(v1.getId())) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String flow =
                "<bpmn:sequenceFlow id=\"Flow_ToScore\" sourceRef=\"screening\" targetRef=\"Task_ScoreScreening\"";
        assertThat(xml).contains(flow);
        xml = xml.replace(
                        flow,
                        "<bpmn:sequenceFlow id=\"Flow_ToScore\" sourceRef=\"police-intelligence\" targetRef=\"Task_ScoreScreening\"")
                .replace("</bpmn:process>", """
                        <bpmn:sequenceFlow id="Flow_ToPoliceIntelligence" sourceRef="screening" targetRef="police-intelligence" />
                        <bpmn:userTask id="police-intelligence" name="Share police intelligence" camunda:candidateGroups="police"
                            camunda:formRef="police-intelligence" camunda:formRefBinding="latest" camunda:dueDate="${clocks.due('screening')}">
                          <bpmn:extensionElements>
                            <camunda:taskListener delegateExpression="${escalation}" event="timeout" id="Clock_PoliceIntelligence">
                              <bpmn:timerEventDefinition id="TimerEventDefinition_PoliceIntelligence">
                                <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${clocks.due('screening')}</bpmn:timeDate>
                              </bpmn:timerEventDefinition>
                            </camunda:taskListener>
                          </bpmn:extensionElements>
                        </bpmn:userTask>
                        </bpmn:process>""");
        repositoryService
                .createDeployment()
                .name(V2)
                .addString("cse-referral.bpmn", xml)
                .deploy();
        ProcessDefinition v2 = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(CseReferralProcess.KEY)
                .latestVersion()
                .singleResult();
        assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
        return v2;
    }

    /** What a case has open: its definition, its tasks (id, key, due) and its clocks (timer jobs with due dates). */
    record Snapshot(String definitionId, List<String> tasks, List<String> clocks) {}

    private Snapshot snapshot(String processInstanceId) {
        String definitionId = runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult()
                .getProcessDefinitionId();
        List<String> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(t -> t.getId() + " " + t.getTaskDefinitionKey() + " due " + due(t))
                .sorted()
                .toList();
        List<String> clocks =
                managementService.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
                        .map(j -> j.getId() + " " + activityOf(j) + " at "
                                + j.getDuedate().toInstant())
                        .sorted()
                        .toList();
        return new Snapshot(definitionId, tasks, clocks);
    }

    private String activityOf(Job job) {
        return managementService
                .createJobDefinitionQuery()
                .jobDefinitionId(job.getJobDefinitionId())
                .singleResult()
                .getActivityId();
    }

    private static String due(Task t) {
        Date due = t.getDueDate();
        return due == null ? "none" : due.toInstant().toString();
    }

    private long migrationsIn(String caseId) {
        return caseFile.chronology(caseId).stream()
                .filter(e -> e.eventType().equals(PathwayMigrated.TYPE))
                .count();
    }

    private JsonNode getJson(String url) throws Exception {
        String body = mvc.perform(get(url).with(httpBasic(OWNER, PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    private JsonNode postJson(Map<String, Object> request) throws Exception {
        String body = mvc.perform(post("/api/migrations")
                        .with(httpBasic(OWNER, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(request)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }
}
