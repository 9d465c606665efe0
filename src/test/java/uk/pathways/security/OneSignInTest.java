package uk.pathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One sign-in for the Pathways pages and the Camunda webapps, as a browser holds it (one cookie jar): signed in at
 * either, the other knows the user; signing in again as someone else changes who the session is at both; signing out
 * at either signs out of both; the webapps still give each user only the applications their authorizations allow.
 */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class OneSignInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void signedInToThePagesTheTasklistKnowsYouAndSigningOutThereSignsOutOfBoth() throws Exception {
        CookieJar jar = new CookieJar();
        jar.pagesSignIn("education-worker");

        JsonNode webapp = jar.webappUser();
        assertThat(webapp.path("userId").asText()).isEqualTo("education-worker");
        assertThat(JSON.convertValue(webapp.path("authorizedApps"), java.util.List.class))
                .contains("tasklist")
                .doesNotContain("cockpit");
        assertThat(jar.get("/camunda/api/engine/engine/default/task/count").statusCode())
                .isEqualTo(200);
        assertThat(jar.get("/cases").statusCode())
                .as("still signed in to the pages")
                .isEqualTo(200);

        // signing out in the Tasklist ends the session for the pages too
        jar.get("/camunda/api/engine/engine/default/task/count"); // the webapps' CSRF token for this session
        assertThat(jar.post("/camunda/api/admin/auth/user/default/logout", "").statusCode())
                .isLessThan(300);
        HttpResponse<String> after = jar.get("/cases");
        assertThat(after.uri().getPath()).as("the pages ask to sign in again").isEqualTo("/login");
        assertThat(jar.get("/camunda/api/admin/auth/user/default").statusCode()).isIn(401, 403, 404);
    }

    @Test
    void signedInToTheTasklistThePagesKnowYouAndSigningOutOfThePagesSignsOutOfBoth() throws Exception {
        CookieJar jar = new CookieJar();
        jar.webappSignIn("police-worker", "tasklist");

        HttpResponse<String> tasks = jar.get("/tasks");
        assertThat(tasks.uri().getPath()).as("no second sign-in").isEqualTo("/tasks");
        assertThat(tasks.body()).contains("Signed in as").contains("<h1 class=\"govuk-heading-l\">Tasks</h1>");

        // signing in to the pages as someone else: the newest sign-in is who the session is, at both
        jar.pagesSignIn("health-worker");
        assertThat(jar.webappUser().path("userId").asText()).isEqualTo("health-worker");

        String token = jar.csrf(jar.get("/").body());
        assertThat(jar.post("/logout", "_csrf=" + token).uri().getPath()).isEqualTo("/login");
        assertThat(jar.get("/camunda/api/admin/auth/user/default").statusCode()).isIn(401, 403, 404);
    }

    @Test
    void aWorkerSignedInToThePagesGetsNoCockpit() throws Exception {
        CookieJar jar = new CookieJar();
        jar.pagesSignIn("mash-worker");
        assertThat(jar.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics")
                        .statusCode())
                .isEqualTo(403);
        CookieJar owner = new CookieJar();
        owner.pagesSignIn("process-owner");
        JsonNode webapp = owner.webappUser();
        assertThat(JSON.convertValue(webapp.path("authorizedApps"), java.util.List.class))
                .contains("cockpit");
    }

    /** One cookie jar, following redirects, as a browser is. */
    final class CookieJar {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();

        void pagesSignIn(String user) throws Exception {
            String token = csrf(get("/login").body());
            HttpResponse<String> signedIn = post(
                    "/login",
                    "username=" + user + "&password=" + URLEncoder.encode(Doors.PASSWORD, StandardCharsets.UTF_8)
                            + "&_csrf=" + token);
            assertThat(signedIn.uri().getPath())
                    .as("%s signed in to the pages", user)
                    .isEqualTo("/");
        }

        void webappSignIn(String user, String app) throws Exception {
            get("/camunda/app/" + app + "/default/");
            HttpResponse<String> login = post(
                    "/camunda/api/admin/auth/user/default/login/" + app,
                    "username=" + user + "&password=" + URLEncoder.encode(Doors.PASSWORD, StandardCharsets.UTF_8));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        }

        JsonNode webappUser() throws Exception {
            HttpResponse<String> answer = get("/camunda/api/admin/auth/user/default");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body());
        }

        String csrf(String page) {
            Matcher m = CSRF.matcher(page);
            assertThat(m.find()).as("a CSRF token on the page").isTrue();
            return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
