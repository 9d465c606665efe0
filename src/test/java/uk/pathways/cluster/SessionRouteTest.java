package uk.pathways.cluster;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A node names itself in its session cookie (the test profile's node is {@code test-node-1}), which is what the proxy
 * routes a signed-in browser by (deploy/nginx/pathways.conf): the cookie of the sign-in page and the one that replaces
 * it at sign-in both end with the node's id, and a session another node issued is not a session here.
 */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class SessionRouteTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "Demo!Password1";

    @LocalServerPort
    int port;

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    @Test
    void theSessionCookieNamesTheNodeBeforeAndAfterSigningIn() throws Exception {
        HttpResponse<String> login = get("/login");
        String before = session();
        assertThat(before).as("the sign-in page's session").endsWith(".test-node-1");

        Matcher token = CSRF.matcher(login.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = post(
                "/login",
                "username=mash-worker&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + token.group(1));
        assertThat(signedIn.uri().getPath()).isEqualTo("/");

        String after = session();
        assertThat(after)
                .as("a new session id at sign-in, on the same node")
                .isNotEqualTo(before)
                .endsWith(".test-node-1");
        HttpResponse<String> tasks = get("/tasks");
        assertThat(tasks.uri().getPath()).isEqualTo("/tasks");
        assertThat(tasks.body()).contains("Signed in as");

        // the same id as another node's session (a proxy that sent the browser to the wrong node): not signed in here
        String elsewhere = after.substring(0, after.lastIndexOf('.')) + ".test-node-2";
        cookies.getCookieStore().removeAll();
        HttpCookie other = new HttpCookie("JSESSIONID", elsewhere);
        other.setPath("/");
        cookies.getCookieStore().add(URI.create("http://localhost:" + port + "/"), other);
        assertThat(get("/tasks").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void aNodeIdBecomesASafeRouteAndNoIdNone() {
        assertThat(SessionRoute.route(" pathways-2 ")).isEqualTo("pathways-2");
        assertThat(SessionRoute.route("node 1/a.b")).isEqualTo("node-1-a-b");
        assertThat(SessionRoute.route("")).isNull();
        assertThat(SessionRoute.route(null)).isNull();
    }

    private String session() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
