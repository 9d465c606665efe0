package uk.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.pathways.PathwaysTest;

/**
 * The OpenAPI 3 document of {@code /api} (contract section 6): for signed-in users only (HTTP Basic or the pages'
 * session), and complete: every handler method mapped under {@code /api} is in it with a summary, its error answers
 * and, for a body, the body's fields. A new {@code /api} endpoint without {@code @Operation} and its
 * {@code @ApiResponse}s fails here.
 */
@PathwaysTest
@AutoConfigureMockMvc
class OpenApiTest {

    private static final String USER = "education-worker";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApplicationContext context;

    private static JsonNode document;

    private JsonNode document() throws Exception {
        if (document == null) {
            MvcResult result = mvc.perform(get("/v3/api-docs").with(httpBasic(USER, Pages.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andReturn();
            String body = result.getResponse().getContentAsString();
            Path out = Path.of("target", "openapi.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, body); // to read the document a build produced
            document = json.readTree(body);
        }
        return document;
    }

    @Test
    void isJsonForASignedInUser() throws Exception {
        JsonNode doc = document();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("info").path("title").asText()).isEqualTo("Pathways API");
        assertThat(doc.path("info").path("version").asText()).isEqualTo(ApiDocumentation.VERSION);
        assertThat(doc.path("info").path("description").asText())
                .contains("docs/api.md")
                .contains("contract");
        assertThat(doc.path("components")
                        .path("securitySchemes")
                        .path("basic")
                        .path("scheme")
                        .asText())
                .isEqualTo("basic");
        assertThat(doc.path("paths").fieldNames()).toIterable().allMatch(p -> p.startsWith("/api/"));
        mvc.perform(get("/v3/api-docs.yaml").with(httpBasic(USER, Pages.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("title: Pathways API")));
        // HTTP Basic alone starts no session
        MvcResult result = mvc.perform(get("/v3/api-docs").with(httpBasic(USER, Pages.PASSWORD)))
                .andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void isForSignedInUsersOnly() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").with(httpBasic("no-such-user", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs/swagger-config").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isUnauthorized());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isUnauthorized());
        // a browser not signed in goes to the sign-in page
        mvc.perform(get("/swagger-ui.html").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/swagger-ui/index.html").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void theUiIsThereForAUserSignedInOnThePages() throws Exception {
        MockHttpSession session = Pages.signIn(mvc, USER);
        mvc.perform(get("/swagger-ui.html").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/swagger-ui/index.html"));
        mvc.perform(get("/swagger-ui/index.html").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("swagger-ui")));
        mvc.perform(get("/v3/api-docs/swagger-config").session(session).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs").session(session).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        // and with HTTP Basic too
        mvc.perform(get("/swagger-ui/index.html").with(httpBasic(USER, Pages.PASSWORD)))
                .andExpect(status().isOk());
        // the page's scripts and styles come from springdoc's webjar (found without Spring's resource chain, which
        // Pathways turns off: application.yml, spring.web.resources.chain)
        for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui.css", "swagger-initializer.js")) {
            mvc.perform(get("/swagger-ui/" + asset).session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString())));
        }
    }

    @Test
    void theUiSendsABrowserBackAfterSigningIn() throws Exception {
        MvcResult asked = mvc.perform(get("/swagger-ui/index.html").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andReturn();
        MockHttpSession session = (MockHttpSession) asked.getRequest().getSession(false);
        MvcResult signedIn = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                                .session(session)
                                .param("username", USER)
                                .param("password", Pages.PASSWORD)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isFound())
                .andReturn();
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("http://localhost/swagger-ui/index.html");
    }

    /** Every handler method under /api, from Spring's own mappings, is described: summary, error answers, body fields. */
    @Test
    void describesEveryApiEndpoint() throws Exception {
        JsonNode paths = document().path("paths");
        JsonNode schemas = document().path("components").path("schemas");
        List<String> undescribed = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                    mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = e.getKey();
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.equals("/api") && !pattern.startsWith("/api/")) {
                        continue;
                    }
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    if (methods.isEmpty()) {
                        undescribed.add(pattern + " (" + e.getValue() + "): name its HTTP method");
                        continue;
                    }
                    for (RequestMethod method : methods) {
                        String where = method + " " + pattern + " ("
                                + e.getValue().getMethod().getDeclaringClass().getSimpleName() + "."
                                + e.getValue().getMethod().getName() + ")";
                        seen.add(method + " " + pattern);
                        JsonNode operation =
                                paths.path(pattern).path(method.name().toLowerCase(Locale.ROOT));
                        if (operation.isMissingNode()) {
                            undescribed.add(where + ": not in the document");
                            continue;
                        }
                        if (operation.path("summary").asText().isBlank()) {
                            undescribed.add(where + ": no summary (@Operation)");
                        }
                        if (operation.path("tags").isEmpty()) {
                            undescribed.add(where + ": no tag (@Tag)");
                        }
                        JsonNode responses = operation.path("responses");
                        boolean success = false;
                        boolean clientError = false; // beyond the 401 every operation has
                        for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                            String code = codes.next();
                            JsonNode response = responses.path(code);
                            if (response.path("description").asText().isBlank()) {
                                undescribed.add(where + ": answer " + code + " has no description");
                            }
                            success |= code.startsWith("2");
                            if (code.startsWith("4") && !code.equals("401")) {
                                clientError = true;
                                // problem+json; the one exception, POST /api/migrations's 409, answers its result
                                boolean problem = response.path("content")
                                        .path("application/problem+json")
                                        .path("schema")
                                        .isObject();
                                boolean described =
                                        response.path("content").elements().hasNext()
                                                && response.path("content")
                                                        .elements()
                                                        .next()
                                                        .path("schema")
                                                        .isObject();
                                if (!problem && !(described && where.startsWith("POST /api/migrations "))) {
                                    undescribed.add(where + ": answer " + code + " is not described as problem+json");
                                }
                            }
                        }
                        if (!success) {
                            undescribed.add(where + ": no 2xx answer (@ApiResponse)");
                        }
                        if (!clientError) {
                            undescribed.add(where + ": no 4xx answer but 401 (@ApiResponse for 400, 403, 404, 409)");
                        }
                        if (!responses.has("401")) {
                            undescribed.add(where + ": no 401");
                        }
                        if (!info.getConsumesCondition().isEmpty()) {
                            JsonNode body = operation.path("requestBody").path("content");
                            if (body.isEmpty()) {
                                undescribed.add(where + ": takes a body but none is described");
                            }
                            for (Iterator<String> types = body.fieldNames(); types.hasNext(); ) {
                                String type = types.next();
                                JsonNode schema = resolve(body.path(type).path("schema"), schemas);
                                if (schema.path("properties").isEmpty()) {
                                    undescribed.add(where + ": its " + type + " body has no fields described");
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(seen)
                .as("the /api endpoints found")
                .contains(
                        "POST /api/referrals",
                        "GET /api/cases/{caseId}",
                        "POST /api/missing-episodes",
                        "POST /api/missing-episodes/{reference}/return");
        assertThat(undescribed)
                .as("/api endpoints not (fully) described in /v3/api-docs")
                .isEmpty();
        // and nothing is described that is not there
        List<String> documented = new ArrayList<>();
        paths.fields()
                .forEachRemaining(p -> p.getValue()
                        .fieldNames()
                        .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void namesTheContractsFieldsAndProblems() throws Exception {
        JsonNode schemas = document().path("components").path("schemas");
        JsonNode referral = resolve(
                document().at("/paths/~1api~1referrals/post/requestBody/content/application~1json/schema"), schemas);
        JsonNode child = resolve(referral.path("properties").path("child"), schemas);
        assertThat(child.path("properties").fieldNames())
                .toIterable()
                .contains(
                        "firstName",
                        "lastName",
                        "dateOfBirth",
                        "gender",
                        "ethnicity",
                        "district",
                        "lookedAfter",
                        "placingAuthority");
        assertThat(resolve(referral.path("properties").path("referrer"), schemas)
                        .path("properties")
                        .fieldNames())
                .toIterable()
                .contains("agency", "name", "email");
        assertThat(referral.path("properties").fieldNames()).toIterable().contains("concerns", "indicators");
        assertThat(referral.path("required")).extracting(JsonNode::asText).contains("child", "referrer", "concerns");

        JsonNode answered = resolve(
                document().at("/paths/~1api~1referrals/post/responses/201/content/application~1json/schema"), schemas);
        assertThat(answered.path("properties").fieldNames())
                .toIterable()
                .contains("reference", "caseId", "processInstanceId");

        JsonNode missing = resolve(
                document().at("/paths/~1api~1missing-episodes/post/requestBody/content/application~1json/schema"),
                schemas);
        assertThat(missing.path("properties").fieldNames())
                .toIterable()
                .contains(
                        "child",
                        "caseId",
                        "missingSince",
                        "policeReference",
                        "policeRisk",
                        "episodeType",
                        "placingAuthority",
                        "outOfArea");
        assertThat(missing.at("/properties/policeRisk/enum"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("VERY_LOW", "LOW", "MEDIUM", "HIGH");

        JsonNode caseView = resolve(
                document().at("/paths/~1api~1cases~1{caseId}/get/responses/200/content/application~1json/schema"),
                schemas);
        assertThat(caseView.path("properties").fieldNames())
                .toIterable()
                .contains(
                        "caseId",
                        "child",
                        "riskLevel",
                        "pathway",
                        "stage",
                        "openTasks",
                        "referrals",
                        "missingEpisodes",
                        "chronology");

        JsonNode forbidden = resolve(
                document()
                        .at("/paths/~1api~1cases~1{caseId}/get/responses/403/content/application~1problem+json/schema"),
                schemas);
        assertThat(forbidden.path("properties").fieldNames())
                .toIterable()
                .contains("involvedAgencies", "leadAgency", "detail");
        JsonNode invalid = resolve(
                document().at("/paths/~1api~1referrals/post/responses/400/content/application~1problem+json/schema"),
                schemas);
        assertThat(resolve(invalid.at("/properties/errors/items"), schemas)
                        .path("properties")
                        .fieldNames())
                .toIterable()
                .contains("field", "message");
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            JsonNode target = schemas.path(ref.substring("#/components/schemas/".length()));
            assertThat(target.isMissingNode()).as("schema %s", ref).isFalse();
            return resolve(target, schemas);
        }
        return schema;
    }
}
