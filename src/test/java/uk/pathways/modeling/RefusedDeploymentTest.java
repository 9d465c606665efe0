package uk.pathways.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;

/**
 * Invalid models are refused by the real engine deployment ({@code repositoryService.createDeployment()...deploy()}),
 * with a message naming the element and what is wrong, and nothing is deployed.
 */
@PathwaysTest
class RefusedDeploymentTest {

    private static final String NAME = "validator-test";

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    IdentityService identityService;

    @AfterEach
    void removeWhatDeployed() {
        identityService.clearAuthentication();
        repositoryService
                .createDeploymentQuery()
                .deploymentName(NAME)
                .list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }

    @Test
    void aGoodModelDeploys() {
        Deployment deployment = deploy(TestModels.goodProcess());

        assertThat(deployment.getId()).isNotNull();
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(TestModels.KEY)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aUserTaskWithoutAGroupIsRefused() {
        String model = TestModels.goodProcess().replace(" camunda:candidateGroups=\"mash\"", "");

        assertRefused(model, "validator-test.bpmn, check \"Check the referral\": has no candidate group");
    }

    @Test
    void aGroupOutsideTheContractIsRefused() {
        String model = TestModels.goodProcess()
                .replace("camunda:candidateGroups=\"mash\"", "camunda:candidateGroups=\"mash-team\"");

        assertRefused(
                model, "check \"Check the referral\": candidate group 'mash-team' is not one of the contract's groups");
    }

    @Test
    void anUnknownFormIsRefused() {
        String model =
                TestModels.goodProcess().replace("camunda:formRef=\"screening\"", "camunda:formRef=\"screening-v2\"");

        assertRefused(
                model,
                "check \"Check the referral\": form 'screening-v2' does not exist: it is not in this "
                        + "deployment, not deployed, and not in forms/");
    }

    @Test
    void aProcessWithoutHistoryTimeToLiveIsRefused() {
        String model = TestModels.goodProcess().replace(" camunda:historyTimeToLive=\"P2555D\"", "");

        assertRefused(
                model,
                "validator-test.bpmn, validator-test \"Validator test\": the process has no history time to live");
    }

    @Test
    void aScriptTaskIsRefused() {
        String model = TestModels.process("""
                <bpmn:scriptTask id="compute" name="Compute the score" scriptFormat="javascript">
                  <bpmn:script>execution.setVariable('screeningScore', 20)</bpmn:script>
                </bpmn:scriptTask>""", "compute");

        assertRefused(model, "compute \"Compute the score\": is a script task: Pathways models carry no code");
    }

    @Test
    void anUnknownBeanIsRefused() {
        String model = TestModels.process("""
                <bpmn:serviceTask id="notify" name="Tell the police" camunda:delegateExpression="${notifyPolice}" />""", "notify");

        assertRefused(
                model,
                "notify \"Tell the police\": expression ${notifyPolice} names 'notifyPolice', which is "
                        + "neither a Pathways bean nor a documented variable of process 'validator-test'");
    }

    @Test
    void aBeanOfTheEngineOrTheDatabaseIsNotAPathwaysBean() {
        String model = TestModels.process("""
                <bpmn:serviceTask id="wipe" name="Tidy up" camunda:expression="${runtimeService.deleteProcessInstance(execution.id, 'x')}" />""", "wipe");

        assertRefused(
                model,
                "wipe \"Tidy up\": expression ${runtimeService.deleteProcessInstance(execution.id, 'x')} "
                        + "names 'runtimeService'");
    }

    @Test
    void aTaskWithoutItsEscalationClockIsRefused() {
        String model =
                TestModels.goodProcess().replaceAll("(?s)<bpmn:extensionElements>.*</bpmn:extensionElements>", "");

        assertRefused(
                model,
                "check \"Check the referral\": has no escalation: add a task listener, event type 'timeout', "
                        + "delegate expression ${escalation}, with a timer date equal to the due date (${clocks.due('screening')})");
    }

    @Test
    void aClockThatIsNotConfiguredIsRefused() {
        String model = TestModels.goodProcess().replace("clocks.due('screening')", "clocks.due('screning')");

        assertRefused(
                model,
                "check \"Check the referral\": expression ${clocks.due('screning')} names the clock 'screning', "
                        + "which is not configured (pathways.clocks.screning in application.yml");
    }

    @Test
    void everyProblemIsListedElementByElement() {
        String model = TestModels.goodProcess()
                .replace(" camunda:candidateGroups=\"mash\"", "")
                .replace("camunda:formRef=\"screening\"", "camunda:formRef=\"nothing\"")
                .replace(" camunda:historyTimeToLive=\"P2555D\"", "");

        ModelsRefused refused = refuse(model);

        assertThat(refused.report().errors())
                .extracting(f -> f.elementId() + ": " + f.message())
                .containsExactlyInAnyOrder(
                        "validator-test: the process has no history time to live (camunda:historyTimeToLive, for example P2555D)",
                        "check: has no candidate group: choose the agency that does this task (camunda:candidateGroups, one of "
                                + String.join(", ", uk.pathways.agency.Agency.contractGroupIds())
                                + ", or an expression such as ${agency})",
                        "check: form 'nothing' does not exist: it is not in this deployment, not deployed, and not in forms/");
        // the engine REST API shows the same list per file and element
        assertThat(refused.getResorceReports()).singleElement().satisfies(r -> {
            assertThat(r.getResourceName()).isEqualTo("validator-test.bpmn");
            assertThat(r.getErrors())
                    .extracting(p -> p.getMainElementId())
                    .containsExactlyInAnyOrder("validator-test", "check", "check");
        });
    }

    @Test
    void aDecisionGivingAValueOutsideTheContractIsRefused() {
        String dmn = TestModels.repositoryFile("bpmn/cse-threshold.dmn")
                .replace(
                        "<outputEntry id=\"Rule_High_Risk\"><text>\"HIGH\"</text>",
                        "<outputEntry id=\"Rule_High_Risk\"><text>\"VERY_HIGH\"</text>")
                .replace("\"NONE\",\"LOW\",\"MEDIUM\",\"HIGH\"", "\"NONE\",\"LOW\",\"MEDIUM\",\"HIGH\",\"VERY_HIGH\"");
        long versions = repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("cse-threshold")
                .count();

        ModelsRefused refused = catchThrowableOfType(
                ModelsRefused.class,
                () -> repositoryService
                        .createDeployment()
                        .name(NAME)
                        .addString("cse-threshold.dmn", dmn)
                        .deploy());

        assertThat(refused.getMessage())
                .contains(
                        "cse-threshold.dmn, Output_RiskLevel \"riskLevel\": allowed values list gives \"VERY_HIGH\", which is not one of "
                                + "the contract's values NONE, LOW, MEDIUM, HIGH")
                .contains("cse-threshold.dmn, Rule_High \"Score 16 and over: HIGH\": 'riskLevel' gives \"VERY_HIGH\"");
        assertThat(repositoryService
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey("cse-threshold")
                        .count())
                .isEqualTo(versions);
    }

    @Test
    void onlyProcessOwnersDeploy() {
        identityService.setAuthentication("police-worker", List.of("police"));
        AuthorizationException refused =
                catchThrowableOfType(AuthorizationException.class, () -> deploy(TestModels.goodProcess()));
        // the engine's grants (agency.Grants) refuse it before the validator would
        assertThat(refused).hasMessageContaining("police-worker").hasMessageContaining("Deployment");
        assertNothingDeployed();

        identityService.setAuthentication("process-owner", List.of("process-owners"));
        deploy(TestModels.goodProcess());
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(TestModels.KEY)
                        .count())
                .isEqualTo(1);
    }

    private Deployment deploy(String model) {
        return repositoryService
                .createDeployment()
                .name(NAME)
                .addString(TestModels.KEY + ".bpmn", model)
                .deploy();
    }

    private ModelsRefused refuse(String model) {
        ModelsRefused refused = catchThrowableOfType(ModelsRefused.class, () -> deploy(model));
        assertThat(refused).as("the deployment is refused").isNotNull();
        assertNothingDeployed();
        return refused;
    }

    private void assertRefused(String model, String expected) {
        ModelsRefused refused = refuse(model);
        assertThat(refused.getMessage())
                .startsWith("Pathway models refused, nothing was deployed")
                .contains(expected);
    }

    private void assertNothingDeployed() {
        assertThat(repositoryService
                        .createDeploymentQuery()
                        .deploymentName(NAME)
                        .count())
                .isZero();
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(TestModels.KEY)
                        .count())
                .isZero();
    }
}
