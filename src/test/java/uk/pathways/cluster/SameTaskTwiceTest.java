package uk.pathways.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * Two practitioners (on two nodes, or two tabs) complete the same task at the same moment through the engine REST
 * API, as the Tasklist does: one wins (204), the other is told 409 Conflict, never 500; the task is completed once
 * and the pathway moves on once.
 */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class SameTaskTwiceTest {

    static final String PASSWORD = "Demo!Password1";
    static final String SCREENING_FORM = """
            {"variables": {"indicators": {"value": "[\\"OLDER_PARTNER\\"]", "type": "Json"}, "disclosure": {"value": false},
             "learningDisability": {"value": false}, "exploitationType": {"value": "SEXUAL"},
             "screeningNotes": {"value": "Synthetic notes"}}}""";

    @Autowired
    TestRestTemplate http;

    @Autowired
    Pathway pathway;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Test
    void completingATaskSomeoneElseHasCompletedIs409NotServerError() {
        ReferralAccepted referral = pathway.refer(15, List.of("OLDER_PARTNER"));
        String task = pathway.task(referral.caseId(), "screening").getId();

        ResponseEntity<JsonNode> first = post("/engine-rest/task/" + task + "/submit-form", "mash-worker");
        ResponseEntity<JsonNode> second = post("/engine-rest/task/" + task + "/submit-form", "mash-manager");
        ResponseEntity<JsonNode> third = post("/engine-rest/task/" + task + "/complete", "mash-worker");

        assertThat(first.getStatusCode().value()).isEqualTo(204);
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getBody().path("message").asText())
                .isEqualTo("Task " + task + " was completed by someone else.");
        assertThat(third.getStatusCode().value()).isEqualTo(409);
        assertThat(third.getBody().path("message").asText())
                .as("the one who completed it, sending it again")
                .isEqualTo("Task " + task + " was completed by you already, in another window or tab.");
        assertThat(pathway.tasks(referral.caseId(), "screening")).isEmpty();
    }

    @Test
    void anotherAgencyIsToldNothingOfATaskThatWasNeverTheirs() {
        ReferralAccepted referral = pathway.refer(15, List.of("OLDER_PARTNER"));
        String task = pathway.task(referral.caseId(), "screening").getId();
        assertThat(post("/engine-rest/task/" + task + "/submit-form", "mash-worker")
                        .getStatusCode()
                        .value())
                .isEqualTo(204);

        for (String action : List.of("complete", "submit-form")) {
            ResponseEntity<JsonNode> police = post("/engine-rest/task/" + task + "/" + action, "police-worker");
            ResponseEntity<JsonNode> never = post("/engine-rest/task/no-such-task/" + action, "police-worker");

            // as a task that never existed: 404, nothing about who completed it or when
            assertThat(police.getStatusCode().value()).as(action).isEqualTo(404);
            assertThat(police.getBody().path("type").asText())
                    .isEqualTo(never.getBody().path("type").asText());
            assertThat(police.getBody().toString()).doesNotContain("completed by");
        }
        // the MASH colleague who lost the race is still told, and so is an administrator, who may work any task
        for (String told : List.of("mash-manager", "admin")) {
            assertThat(post("/engine-rest/task/" + task + "/complete", told)
                            .getStatusCode()
                            .value())
                    .as(told)
                    .isEqualTo(409);
        }
    }

    @Test
    void aTaskThatNeverExistedIs404() {
        ResponseEntity<JsonNode> response = post("/engine-rest/task/no-such-task/complete", "mash-worker");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void twoUsersAtOnceOneSucceedsTheOtherGets409() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                ReferralAccepted referral = pathway.refer(15, List.of("OLDER_PARTNER"));
                String task = pathway.task(referral.caseId(), "screening").getId();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
                for (String user : List.of("mash-worker", "mash-manager")) {
                    answers.add(two.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return post("/engine-rest/task/" + task + "/submit-form", user);
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                List<String> said = new ArrayList<>();
                for (Future<ResponseEntity<JsonNode>> answer : answers) {
                    ResponseEntity<JsonNode> response = answer.get(60, TimeUnit.SECONDS);
                    statuses.add(response.getStatusCode().value());
                    said.add(response.getStatusCode().value() + " " + response.getBody());
                }

                assertThat(statuses).as("round %d: %s", round, said).containsExactlyInAnyOrder(204, 409);
                assertThat(historyService
                                .createHistoricTaskInstanceQuery()
                                .taskId(task)
                                .finished()
                                .count())
                        .isEqualTo(1);
                assertThat(historyService
                                .createHistoricActivityInstanceQuery()
                                .processInstanceId(referral.processInstanceId())
                                .activityId("screening")
                                .count())
                        .as("screening ran once")
                        .isEqualTo(1);
            }
        } finally {
            two.shutdownNow();
        }
    }

    private ResponseEntity<JsonNode> post(String path, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, PASSWORD);
        return http.exchange(
                path,
                HttpMethod.POST,
                new HttpEntity<>(path.endsWith("/submit-form") ? SCREENING_FORM : "{}", headers),
                JsonNode.class);
    }
}
