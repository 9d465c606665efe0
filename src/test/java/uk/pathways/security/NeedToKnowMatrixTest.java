package uk.pathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.agency.Agency;
import uk.pathways.audit.AuditTrail;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * Every demo role against every door, for a case its agency is involved in and one it is not: the
 * expected 200, 403 (or an empty answer) and 401, and nothing of the other case in any answer.
 * The case: referred by education, so education and MASH (screening) are involved.
 */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedToKnowMatrixTest {

    private static final String PASSWORD = "Demo!Password1";
    private static final Set<String> INVOLVED = Set.of("education", "mash");

    @Autowired
    TestRestTemplate http;

    @Autowired
    Pathway pathway;

    @Autowired
    AuditTrail audit;

    private ReferralAccepted referral;
    private ChildDetails child;
    private String screeningTask;

    @BeforeAll
    void aCaseReferredByEducation() {
        child = Pathway.child(15);
        referral = pathway.refer(child, List.of("SCHOOL_DISENGAGEMENT"));
        screeningTask = pathway.task(referral.caseId(), "screening").getId();
    }

    static Stream<String> demoUsers() {
        Stream<String> agencies =
                Stream.of(Agency.values()).flatMap(a -> Stream.of(a.groupId() + "-worker", a.groupId() + "-manager"));
        return Stream.concat(agencies, Stream.of("process-owner", "performance-reader", "admin"));
    }

    private static String agencyOf(String user) {
        return user.replaceAll("-(worker|manager)$", "");
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoUsers")
    void eachRoleSeesWhatItNeedsToKnowThroughEveryDoor(String user) {
        boolean admin = user.equals("admin");
        boolean involved = admin || INVOLVED.contains(agencyOf(user));
        boolean worksTheTask = admin || agencyOf(user).equals("mash");
        boolean ownsProcesses = admin || user.equals("process-owner");
        // process owners read running cases in Cockpit (to migrate them): their tasks too, never the case record
        boolean readsTheTask = worksTheTask || ownsProcesses;

        ResponseEntity<String> caseView = get(user, "/api/cases/" + referral.caseId());
        assertThat(caseView.getStatusCode().value())
                .as("%s: the case through /api", user)
                .isEqualTo(involved ? 200 : 403);
        if (!involved) {
            assertThat(caseView.getBody()).doesNotContain(child.lastName());
        }

        ResponseEntity<String> taskVariables = get(user, "/engine-rest/task/" + screeningTask + "/variables");
        assertThat(taskVariables.getStatusCode().value() == 200)
                .as(
                        "%s: the screening task's variables: %s %s",
                        user, taskVariables.getStatusCode(), taskVariables.getBody())
                .isEqualTo(readsTheTask);

        ResponseEntity<String> tasks = get(user, "/engine-rest/task?processInstanceId=" + referral.processInstanceId());
        assertThat(tasks.getStatusCode().value()).isEqualTo(200);
        assertThat(tasks.getBody().contains(screeningTask))
                .as("%s: the task list", user)
                .isEqualTo(readsTheTask);

        for (String path : List.of(
                "/engine-rest/process-instance/" + referral.processInstanceId(),
                "/engine-rest/process-instance/" + referral.processInstanceId() + "/variables",
                "/engine-rest/history/process-instance/" + referral.processInstanceId(),
                "/engine-rest/history/variable-instance?processInstanceId=" + referral.processInstanceId())) {
            ResponseEntity<String> answer = get(user, path);
            boolean shown =
                    answer.getStatusCode().value() == 200 && answer.getBody().contains(referral.caseId());
            boolean hidden =
                    answer.getStatusCode().value() != 200 || !answer.getBody().contains(referral.processInstanceId());
            if (ownsProcesses) {
                assertThat(answer.getStatusCode().value())
                        .as("%s: %s", user, path)
                        .isEqualTo(200);
            } else {
                assertThat(hidden)
                        .as("%s may not read %s (got %s %s)", user, path, answer.getStatusCode(), answer.getBody())
                        .isTrue();
                assertThat(shown).isFalse();
            }
        }
    }

    @Test
    void withoutCredentialsEveryDoorAnswers401() {
        for (String path : List.of(
                "/api/cases/" + referral.caseId(),
                "/engine-rest/task",
                "/engine-rest/process-instance/" + referral.processInstanceId(),
                "/engine-rest/history/process-instance")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode().value())
                    .as(path)
                    .isEqualTo(401);
        }
    }

    @Test
    void everyReadInTheMatrixIsAudited() {
        get("education-worker", "/api/cases/" + referral.caseId());
        get("police-worker", "/api/cases/" + referral.caseId());
        get("mash-worker", "/engine-rest/task/" + screeningTask + "/variables");

        assertThat(audit.ofCase(referral.caseId()))
                .anySatisfy(e -> {
                    assertThat(e.userId()).isEqualTo("education-worker");
                    assertThat(e.action()).isEqualTo("READ");
                })
                .anySatisfy(e -> {
                    assertThat(e.userId()).isEqualTo("police-worker");
                    assertThat(e.action()).isEqualTo("ACCESS_REFUSED");
                })
                .anySatisfy(e -> {
                    assertThat(e.userId()).isEqualTo("mash-worker");
                    assertThat(e.door()).isEqualTo("ENGINE_REST");
                });
    }

    @Test
    void noAgencyHandsATaskToAnotherAgency() {
        ResponseEntity<String> answer = http.withBasicAuth("mash-worker", PASSWORD)
                .postForEntity(
                        "/engine-rest/task/" + screeningTask + "/identity-links",
                        jsonEntity("{\"groupId\": \"police\", \"type\": \"candidate\"}"),
                        String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(get("police-worker", "/engine-rest/task?processInstanceId=" + referral.processInstanceId())
                        .getBody())
                .doesNotContain(screeningTask);
    }

    private static org.springframework.http.HttpEntity<String> jsonEntity(String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }
}
