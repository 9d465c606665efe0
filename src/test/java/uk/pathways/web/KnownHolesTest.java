package uk.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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

/** Probes for the two holes of Camunda 7.24.0, against the real servlets on a real port. */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class KnownHolesTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identityService;

    @Autowired
    FilterService filterService;

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    @Test
    void adminSetupIsShutEvenWhenNoUserIsADirectMemberOfCamundaAdmin() {
        List<String> admins = identityService.createUserQuery().memberOfGroup("camunda-admin").list().stream()
                .map(User::getId)
                .toList();
        admins.forEach(id -> identityService.deleteMembership(id, "camunda-admin"));
        try {
            ResponseEntity<String> answer =
                    http.postForEntity("/camunda/api/admin/setup/default/user/create", json("""
                    {"profile": {"id": "intruder", "firstName": "In", "lastName": "Truder", "email": "in@example.invalid"},
                     "credentials": {"password": "Intruder!Pass1"}}"""), String.class);

            assertThat(answer.getStatusCode().value()).isEqualTo(403);
            assertThat(identityService.createUserQuery().userId("intruder").count())
                    .isZero();
        } finally {
            admins.forEach(id -> identityService.createMembership(id, "camunda-admin"));
        }
    }

    @Test
    void taskQueriesWithExpressionsInOrQueriesAreRefused() {
        ResponseEntity<String> answer = http.withBasicAuth("police-worker", "Demo!Password1")
                .exchange("/engine-rest/task", HttpMethod.POST, json("""
                        {"orQueries": [{"assigneeExpression": "${''.getClass().forName('java.lang.Runtime')}"}]}"""), String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody()).contains("Expressions are not allowed");
    }

    @Test
    void expressionsInQueryParametersAndStoredFiltersAreRefused() {
        ResponseEntity<String> get = http.withBasicAuth("police-worker", "Demo!Password1")
                .getForEntity("/engine-rest/task?assigneeExpression={e}", String.class, "${currentUser()}");
        assertThat(get.getStatusCode().value()).isEqualTo(400);

        long filters = filterService.createFilterQuery().count();
        ResponseEntity<String> create = http.withBasicAuth("admin", "Demo!Password1")
                .exchange("/engine-rest/filter/create", HttpMethod.POST, json("""
                        {"resourceType": "Task", "name": "Sneaky", "query": {"orQueries": [{"candidateGroupExpression": "#{1+1}"}]}}"""), String.class);
        assertThat(create.getStatusCode().value()).isEqualTo(400);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    }

    @Test
    void ordinaryTaskQueriesStillWork() {
        ResponseEntity<String> answer = http.withBasicAuth("police-worker", "Demo!Password1")
                .exchange(
                        "/engine-rest/task",
                        HttpMethod.POST,
                        json("{\"orQueries\": [{\"candidateGroup\": \"police\"}]}"),
                        String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theEngineRestApiNeedsAUser() {
        assertThat(http.getForEntity("/engine-rest/task", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(http.getForEntity("/engine-rest/deployment", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(http.getForEntity("/actuator/health", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(http.getForEntity("/actuator/env", String.class)
                        .getStatusCode()
                        .value())
                .isIn(401, 403);
    }
}
