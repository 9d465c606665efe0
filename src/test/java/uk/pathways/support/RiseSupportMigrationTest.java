package uk.pathways.support;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.pathways.referral.process.CseReferralProcess.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;
import uk.pathways.agency.Actor;
import uk.pathways.calendar.Now;
import uk.pathways.modeling.Migrations;
import uk.pathways.referral.ReferralAccepted;

/**
 * Running cases and RISE support as data: a case in RISE support on the model before it (the safety plan, an outreach
 * contact and the wheel open) moves to the new model with the process owners' migration, keeping its tasks and due
 * dates; then its safety plan names a review date and gets its review, and a contact's onward referral is followed up.
 */
@PathwaysTest
class RiseSupportMigrationTest {

    private static final String BEFORE = "rise-support-before";
    private static final String AFTER = "rise-support-after";

    @Autowired
    Pathway pathway;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    Migrations migrations;

    @AfterEach
    void tidyUp() {
        ClockUtil.reset();
        for (String name : List.of(BEFORE, AFTER)) {
            repositoryService
                    .createDeploymentQuery()
                    .deploymentName(name)
                    .list()
                    .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
        }
    }

    @Test
    void aCaseInRiseSupportOnTheOldModelMigratesAndThenGetsItsReviewAndFollowUps() throws Exception {
        Pathway.at(LocalDate.of(2026, 11, 23), 9, 0);
        ProcessDefinition before = deploy(
                BEFORE,
                getClass()
                        .getResourceAsStream("/models/cse-referral-before-support-as-data.bpmn")
                        .readAllBytes());
        ReferralAccepted referral = pathway.refer(15, List.of());
        String caseId = referral.caseId();
        pathway.complete(
                caseId,
                TASK_SCREENING,
                "mash-worker",
                Map.of("indicators", List.of(), "disclosure", true, "learningDisability", false));
        pathway.complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of("meetingAt", "2026-11-23T15:00", "meetingPlace", "Synthetic office"));
        Pathway.at(LocalDate.of(2026, 11, 23), 16, 0);
        pathway.complete(
                caseId,
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
                        "Synthetic"));
        pathway.complete(caseId, TASK_ALLOCATE_SUPPORT_WORKER, "rise-manager", Map.of("supportWorker", "rise-worker"));
        assertThat(definitionOf(referral)).isEqualTo(before.getId());
        Task plan = pathway.task(caseId, TASK_SAFETY_PLAN);

        ProcessDefinition after = deploy(AFTER, Files.readAllBytes(Path.of("bpmn", "cse-referral.bpmn")));
        Migrations.Plan migrationPlan = migrations.plan(KEY, before.getVersion(), after.getVersion());
        assertThat(migrationPlan.problems()).isEmpty();
        assertThat(migrationPlan.canMigrate()).as(migrationPlan.toString()).isTrue();
        assertThat(migrationPlan.unmapped())
                .as("only the old plan's end event is gone, and no case waits there")
                .extracting(Migrations.Unmapped::elementId)
                .containsExactly("End_SafetyPlanMade");
        Migrations.Result result = migrations.migrate(
                KEY, before.getVersion(), after.getVersion(), false, new Actor("process-owner", null));
        assertThat(result.problems()).isEmpty();
        assertThat(definitionOf(referral)).isEqualTo(after.getId());
        Task moved = pathway.task(caseId, TASK_SAFETY_PLAN);
        assertThat(moved.getId()).isEqualTo(plan.getId());
        assertThat(moved.getDueDate()).isEqualTo(plan.getDueDate());

        // the new model from here on: the plan's review date, and an onward referral followed up
        Pathway.at(LocalDate.of(2026, 11, 24), 10, 0);
        pathway.complete(
                moved,
                "rise-worker",
                Map.of(
                        "safetyPlanRisks",
                        "Synthetic risks",
                        "safetyPlanActions",
                        "Synthetic actions",
                        "reviewDate",
                        "2026-12-22"));
        Map<String, Object> contact = new java.util.HashMap<>(Map.of(
                "contactAt",
                Now.instant().toString(),
                "contactLocation",
                "Synthetic park",
                "contactOutcome",
                "SUCCESSFUL",
                "proposeClosure",
                false));
        contact.put("onwardReferrals", List.of("ISVA"));
        pathway.complete(caseId, TASK_OUTREACH_CONTACT, "rise-worker", contact);
        Pathway.at(LocalDate.of(2026, 12, 22), 9, 30);
        pathway.fireDueClocks(referral.processInstanceId());
        assertThat(pathway.task(caseId, TASK_SAFETY_PLAN).getName()).isEqualTo("Review the safety plan");
        assertThat(pathway.task(caseId, TASK_ONWARD_REFERRAL).getName())
                .isEqualTo("Follow up the onward referral to Independent sexual violence adviser");
    }

    private ProcessDefinition deploy(String name, byte[] model) {
        repositoryService
                .createDeployment()
                .name(name)
                .addInputStream("cse-referral.bpmn", new java.io.ByteArrayInputStream(model))
                .deploy();
        return repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(KEY)
                .latestVersion()
                .singleResult();
    }

    private String definitionOf(ReferralAccepted referral) {
        return pathway.runtime()
                .createProcessInstanceQuery()
                .processInstanceId(referral.processInstanceId())
                .singleResult()
                .getProcessDefinitionId();
    }
}
