package uk.pathways.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
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
import java.util.Base64;

/**
 * The doors of a running Pathways, as a partner system or a browser reaches them: HTTP Basic for {@code /api} and
 * {@code /engine-rest}, and a signed-in session of a Camunda webapp for the webapps' own engine API (with the webapps'
 * CSRF token, as the Tasklist sends it).
 */
final class Doors {

    static final String PASSWORD = "Demo!Password1";
    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    Doors(int port) {
        this.base = "http://localhost:" + port;
    }

    record Answer(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Answer basic(String user, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return send(request, method, json);
    }

    /** A body sent in chunks, with no length declared. */
    Answer chunked(String user, String path, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return exchange(request);
    }

    /** A request line sent as it stands, not as a URI would have it (a stray {@code %} included). */
    Answer raw(String user, String pathAndQuery) {
        try (java.net.Socket socket =
                new java.net.Socket("localhost", Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)))) {
            String auth = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream()
                    .write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int body = answer.indexOf("\r\n\r\n");
            return new Answer(status, body < 0 ? "" : answer.substring(body + 4), "");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Answer anonymous(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)), method, null);
    }

    /** Signs in to a Camunda webapp as {@code user}, as its login page does. */
    Webapp webapp(String user, String app) {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        Webapp session = new Webapp(client, cookies);
        session.exchange(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/"))
                .GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        Answer login = session.exchange(
                HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.status() != 200) {
            throw new AssertionError("webapp sign-in of " + user + " answered " + login.status() + ": " + login.body());
        }
        // signing in starts a new session, whose CSRF token the next read brings (as the Tasklist's first call does)
        session.call("GET", "/camunda/api/engine/engine/default/task/count", null);
        return session;
    }

    final class Webapp {
        private final HttpClient client;
        private final CookieManager cookies;

        Webapp(HttpClient client, CookieManager cookies) {
            this.client = client;
            this.cookies = cookies;
        }

        Answer call(String method, String path, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            return exchange(body(request, method, json));
        }

        private Answer exchange(HttpRequest.Builder request) {
            String token = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
            if (token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(
                        response.statusCode(),
                        response.body(),
                        response.headers().firstValue("Content-Type").orElse(""));
            } catch (IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private Answer send(HttpRequest.Builder request, String method, String json) {
        return exchange(body(request, method, json).build());
    }

    private static HttpRequest.Builder body(HttpRequest.Builder request, String method, String json) {
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            // a server may close the connection after answering an oversized body
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
