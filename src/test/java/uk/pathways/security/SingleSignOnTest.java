package uk.pathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.pathways.calendar.Now;

/**
 * Profile {@code oidc} against a real OpenID Connect server in this JVM (mock-oauth2-server): partner systems get a
 * token with the client credentials grant over HTTP and call {@code /api} and {@code /engine-rest} with it; a person
 * signs in to the pages through the server's authorization endpoint and finds the Tasklist signed in too.
 */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "oidc"})
class SingleSignOnTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "pathways";

    /** What the identity provider knows: each partner system's groups, and the person who signs in. */
    private static final MockOAuth2Server IDP = new MockOAuth2Server(OAuth2Config.Companion.fromJson("""
            {"interactiveLogin": false, "tokenCallbacks": [{"issuerId": "pathways", "tokenExpiry": 300,
              "requestMappings": [
                {"requestParam": "client_id", "match": "health-referrals-system",
                 "claims": {"sub": "health-referrals-system", "name": "Health Referrals System",
                            "groups": ["/health", "finance"]}},
                {"requestParam": "client_id", "match": "mash-case-system",
                 "claims": {"sub": "mash-case-system", "groups": ["mash"]}},
                {"requestParam": "client_id", "match": "payroll-system",
                 "claims": {"sub": "payroll-system", "groups": ["finance", "payroll"]}},
                {"requestParam": "grant_type", "match": "authorization_code",
                 "claims": {"sub": "0b7e-person", "preferred_username": "ria.synthetic@police.example",
                            "name": "Ria Synthetic", "groups": ["police", "police-managers", "finance"]}}
              ]}]}
            """));

    static {
        IDP.start();
    }

    @AfterAll
    static void stop() {
        IDP.shutdown();
    }

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        String issuer = IDP.issuerUrl(ISSUER).toString();
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
        registry.add("spring.security.oauth2.client.provider.pathways.issuer-uri", () -> issuer);
        registry.add("spring.security.oauth2.client.registration.pathways.client-secret", () -> "synthetic-secret");
    }

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The client credentials grant, as a partner system asks for a token (client_secret_post). */
    private String token(String clientId) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(IDP.tokenEndpointUrl(ISSUER).toString()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=client_credentials&scope=pathways&client_secret=synthetic-secret&client_id="
                                        + clientId))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String referral() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode child = body.putObject("child");
        child.put("firstName", "Tamsin");
        child.put("lastName", "Ssotest" + Long.toString(System.nanoTime(), 26).replaceAll("[0-9]", "q"));
        child.put("dateOfBirth", Now.today().minusYears(13).toString());
        child.put("gender", "FEMALE");
        child.put("ethnicity", "WHITE_BRITISH");
        child.put("district", "Corby");
        child.put("lookedAfter", false);
        ObjectNode referrer = body.putObject("referrer");
        referrer.put("agency", "health");
        referrer.put("name", "Health Referrals System");
        referrer.put("email", "referrals@health.example");
        body.put("concerns", "Synthetic concern: picked up from school by unknown adults");
        body.putArray("indicators").add("UNKNOWN_VEHICLES");
        return body.toString();
    }

    @Test
    void aPartnerSystemWithAClientCredentialsTokenRefersAndReadsItsCaseButNotAnother() throws Exception {
        String health = token("health-referrals-system");

        HttpResponse<String> made = call("POST", "/api/referrals", health, referral());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String caseId = JSON.readTree(made.body()).path("caseId").asText();

        HttpResponse<String> read = call("GET", "/api/cases/" + caseId, health, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body())
                        .path("referrals")
                        .get(0)
                        .path("referrerAgency")
                        .asText())
                .isEqualTo("health");

        // the system is an engine user in the contract groups its token named (not "finance"), with its name
        assertThat(identityService
                        .createGroupQuery()
                        .groupMember("health-referrals-system")
                        .list())
                .extracting(g -> g.getId())
                .containsExactly("health");
        assertThat(identityService
                        .createUserQuery()
                        .userId("health-referrals-system")
                        .singleResult()
                        .getLastName())
                .isEqualTo("System");

        // a case the police referred: health is not involved
        String other = policeCase();
        HttpResponse<String> refused = call("GET", "/api/cases/" + other, health, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("involvedAgencies");
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_audit where case_id = ? and user_id = ? and action = 'ACCESS_REFUSED'",
                        Integer.class,
                        other,
                        "health-referrals-system"))
                .isEqualTo(1);
    }

    private String policeCase() throws Exception {
        String police = IDP.issueToken(ISSUER, "police-system", "pathways", Map.of("groups", List.of("police")), 300)
                .serialize();
        HttpResponse<String> made =
                call("POST", "/api/referrals", police, referral().replace("\"health\"", "\"police\""));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return JSON.readTree(made.body()).path("caseId").asText();
    }

    @Test
    void theEngineRestApiTakesTheTokenWithTheAgencysAuthorizations() throws Exception {
        String health = token("health-referrals-system");
        String caseId = JSON.readTree(
                        call("POST", "/api/referrals", health, referral()).body())
                .path("caseId")
                .asText();
        String reference = JSON.readTree(
                        call("GET", "/api/cases/" + caseId, health, null).body())
                .path("referrals")
                .get(0)
                .path("reference")
                .asText();
        String mash = token("mash-case-system");

        HttpResponse<String> tasks =
                call("GET", "/engine-rest/task?processInstanceBusinessKey=" + reference, mash, null);
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        JsonNode list = JSON.readTree(tasks.body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("taskDefinitionKey").asText()).isEqualTo("screening");
        String taskId = list.get(0).path("id").asText();

        assertThat(call("GET", "/engine-rest/task/" + taskId + "/variables", mash, null)
                        .statusCode())
                .isEqualTo(200);
        // screening is MASH's task: the referring health system may not read it through the engine
        assertThat(call("GET", "/engine-rest/task/" + taskId + "/variables", health, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(JSON.readTree(call("GET", "/engine-rest/task?processInstanceBusinessKey=" + reference, health, null)
                        .body()))
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_audit where case_id = ? and user_id = ? and door = 'ENGINE_REST'",
                        Integer.class,
                        caseId,
                        "mash-case-system"))
                .isGreaterThan(0);
    }

    @Test
    void noBadExpiredOrForeignTokenGetsIn() throws Exception {
        String expired = IDP.issueToken(
                        ISSUER, "health-referrals-system", "pathways", Map.of("groups", List.of("health")), -3600)
                .serialize();
        String foreign = IDP.issueToken(
                        "elsewhere", "health-referrals-system", "pathways", Map.of("groups", List.of("health")), 300)
                .serialize();
        String good = token("health-referrals-system");
        String tampered = good.substring(0, good.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        for (String path : List.of("/api/cases", "/engine-rest/task")) {
            for (String token : new String[] {null, "not-a-token", expired, foreign, tampered}) {
                HttpResponse<String> answer = call("GET", path, token, null);
                assertThat(answer.statusCode()).as(path + " with " + token).isEqualTo(401);
                assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                assertThat(answer.body()).contains("\"status\":401");
            }
        }
        assertThat(call("POST", "/api/referrals", expired, referral()).statusCode())
                .isEqualTo(401);
        // refusals are in the audit trail, and no token is
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_audit where action = 'SIGN_IN_FAILED' and door = 'ENGINE_REST'"
                                + " and user_id = '(bearer token)'",
                        Integer.class))
                .isGreaterThan(0);
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_audit where user_id like ? or detail like ?",
                        Integer.class,
                        "%" + good.substring(0, 20) + "%",
                        "%" + good.substring(0, 20) + "%"))
                .isZero();
    }

    @Test
    void aGoodTokenWithoutAContractGroupIsForbidden() throws Exception {
        String payroll = token("payroll-system");
        for (String path : List.of("/api/cases", "/engine-rest/task")) {
            HttpResponse<String> answer = call("GET", path, payroll, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(call("POST", "/api/referrals", payroll, referral()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aTokenMayNotActAsALocalUserWithAPassword() throws Exception {
        String asAdmin = IDP.issueToken(
                        ISSUER, "admin", "pathways", Map.of("groups", List.of("police", "camunda-admin")), 300)
                .serialize();
        HttpResponse<String> answer = call("GET", "/api/cases", asAdmin, null);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("password");
        assertThat(identityService.createGroupQuery().groupMember("admin").list())
                .extracting(g -> g.getId())
                .containsExactly("camunda-admin");
    }

    @Test
    void aPersonSignsInToThePagesWithOpenIdConnectAndTheTasklistKnowsThem() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();

        HttpResponse<String> tasks = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tasks"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasks.uri().getPath()).as("back at the page asked for").isEqualTo("/tasks");
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(tasks.body()).contains("Signed in as").contains("Ria Synthetic");

        // an engine user in the contract's groups the token named, known by a name fit for the engine
        assertThat(identityService
                        .createGroupQuery()
                        .groupMember("ria-synthetic-police-example")
                        .list())
                .extracting(g -> g.getId())
                .containsExactlyInAnyOrder("police", "police-managers");

        // one sign-in: the Tasklist knows them, with the Tasklist and not Cockpit
        HttpResponse<String> webapp = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(200);
        JsonNode user = JSON.readTree(webapp.body());
        assertThat(user.path("userId").asText()).isEqualTo("ria-synthetic-police-example");
        assertThat(user.path("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit");

        String csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(tasks.body())
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(browser.send(
                                HttpRequest.newBuilder(URI.create(
                                                "http://localhost:" + port + "/camunda/api/admin/auth/user/default"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("signed out of the Tasklist too")
                .isIn(401, 403, 404);
    }

    @Test
    void aPersonWhoOpensTheTasklistFirstSignsInWithOpenIdConnectAndLandsInTheTasklist() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();

        HttpResponse<String> tasklist = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.uri().getPath())
                .as("sent to the identity provider and back to the Tasklist, not to its own password form")
                .isEqualTo("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(200);

        HttpResponse<String> webapp = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(200);
        assertThat(JSON.readTree(webapp.body()).path("userId").asText()).isEqualTo("ria-synthetic-police-example");
    }
}
