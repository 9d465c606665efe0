package uk.pathways.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The OpenAPI 3 document of {@code /api} at {@code /v3/api-docs} and its Swagger UI at {@code /swagger-ui.html}
 * (springdoc; contract section 6, docs/api.md). Both are for signed-in users only: HTTP Basic, as for {@code /api},
 * or the Pathways pages' session; a browser that is not signed in is sent to {@code /login} and back, anything else
 * gets 401. The problem shapes every operation refers to ({@code Problem}, {@code InvalidInput}, {@code NotInvolved})
 * are those {@link ApiProblems} writes.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    /** The contract version this document describes (docs/api.md, "Versioning policy"). */
    static final String VERSION = "2";

    static final String[] PATHS = {
        "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"
    };

    @Bean
    // disjoint from the other chains' matchers; before the rest so that nothing else answers for these paths
    @Order(0)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null); // as the pages: back to the UI at its own address
        // a browser not signed in: to the sign-in page and back; anything else: 401, as /api
        RequestMatcher browser = request -> "GET".equals(request.getMethod())
                && request.getHeader("Authorization") == null
                && request.getHeader("Accept") != null
                && request.getHeader("Accept").contains(MediaType.TEXT_HTML_VALUE);
        AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        AuthenticationEntryPoint entryPoint = (request, response, e) ->
                (browser.matches(request) ? signIn : unauthorized).commence(request, response, e);
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .requestCache(c -> c.requestCache(requestCache))
                // reads the pages' session; HTTP Basic alone starts none
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(c -> c.disable()) // GET only
                .authenticationProvider(SecurityConfiguration.camundaIdentity(identityService));
        return http.build();
    }

    @Bean
    OpenAPI pathwaysOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Pathways API").version(VERSION).description("""
                        The Pathways HTTP API for partner systems: referrals, missing episodes, the case as one story, \
                        dashboards and the process owners' deployments. JSON over HTTP; every call needs a user (HTTP \
                        Basic); errors are `application/problem+json`, bad input a `400` naming each bad field in \
                        `errors: [{field, message}]`. The names partner systems rely on are the Pathways contract \
                        (version 2, section 6: docs/contract.md); how to use the API and what may change without \
                        notice: docs/api.md (\"Versioning policy\")."""))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description(
                                                "A Pathways user (an agency's practitioner or a partner system's account)"))
                        .addSchemas("Problem", problem())
                        .addSchemas(
                                "InvalidInput",
                                problem()
                                        .description(
                                                "400: bad input; nothing was changed. `errors` names each bad field as sent "
                                                        + "(`child.dateOfBirth`)")
                                        .addProperty(
                                                "errors",
                                                new ArraySchema()
                                                        .items(new ObjectSchema()
                                                                .addProperty(
                                                                        "field",
                                                                        new StringSchema().example("child.dateOfBirth"))
                                                                .addProperty(
                                                                        "message",
                                                                        new StringSchema()
                                                                                .example(
                                                                                        "The child's date of birth must be in the past"))
                                                                .required(List.of("field", "message")))))
                        .addSchemas(
                                "NotInvolved",
                                problem()
                                        .description(
                                                "403: the caller's agency is not involved in the case (contract section 8): "
                                                        + "whom to call instead")
                                        .addProperty("caseId", new StringSchema())
                                        .addProperty("involvedAgencies", new ArraySchema().items(new StringSchema()))
                                        .addProperty("leadAgency", new StringSchema())))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** What every operation may also answer: 401 without a user, 503 while the database is out of reach. */
    @Bean
    OpenApiCustomizer everyOperationsAnswers() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            // springdoc drops unreferenced schemas before the customizers run
            api.getComponents().getSchemas().computeIfAbsent("Problem", name -> problem());
            api.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        operation
                                .getResponses()
                                .computeIfAbsent(
                                        "401",
                                        code -> new ApiResponse()
                                                .description("No user, or a wrong password (HTTP Basic); no body"));
                        operation
                                .getResponses()
                                .computeIfAbsent(
                                        "503",
                                        code -> new ApiResponse()
                                                .description(
                                                        "The database is not reachable just now; nothing was saved. `Retry-After` says when "
                                                                + "to try again")
                                                .content(problemContent("Problem")));
                    }));
        };
    }

    private static Content problemContent(String schema) {
        return new Content()
                .addMediaType(
                        MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new io.swagger.v3.oas.models.media.MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + schema)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problem() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Not found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().description("What went wrong, in words; its text may change"))
                .addProperty("instance", new StringSchema().format("uri"));
    }
}
