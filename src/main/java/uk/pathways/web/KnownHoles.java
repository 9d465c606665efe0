package uk.pathways.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the two holes of Camunda 7.24.0 that are fixed only in paid patches.
 * <ul>
 * <li>CVE-2026-77226: the Admin webapp's first-run setup ({@code /camunda/api/admin/setup/...}) creates an
 * administrator for an unauthenticated caller while no user is a direct member of {@code camunda-admin}.
 * Pathways never needs it (administrators come from configuration), so it is shut, whatever the group holds.</li>
 * <li>CVE-2026-109432: task queries with {@code orQueries} skip the expression check, so a signed-in user could
 * run code on the server. Every task or filter query that carries an expression ({@code ${...}} or
 * {@code #{...}}) in its parameters or parsed JSON body, however the JSON spells it and at any depth, is refused with 400,
 * at the engine REST API and the webapps' API; the engine refuses any query with an expression again, whatever door
 * it came through ({@code uk.pathways.gate}).
 * Expressions in queries are also switched off in the engine (adhoc and stored).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class KnownHoles {

    static final int MAX_QUERY_BODY = 1 << 20;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> adminSetupShut() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws IOException {
                        Problems.write(
                                response,
                                403,
                                "Forbidden",
                                "The first-run setup is switched off in Pathways; administrators are configured.");
                    }
                });
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setName("pathways-admin-setup-shut");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> noExpressionsInQueries() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new ExpressionGuard());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setName("pathways-no-expressions-in-queries");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Refuses task and filter requests whose parameters or body carry an expression. */
    static final class ExpressionGuard extends OncePerRequestFilter {

        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();

        /** Task queries and filters (create, update, run); not task forms, whose text may hold anything. */
        static final java.util.regex.Pattern QUERY_PATHS = java.util.regex.Pattern.compile(
                ".*/(task|task/count|history/task|history/task/count|filter|filter/create|filter/[^/]+"
                        + "|filter/[^/]+/(list|count|singleResult))/?$");

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!QUERY_PATHS.matcher(request.getRequestURI()).matches()) {
                chain.doFilter(request, response);
                return;
            }
            String query = request.getQueryString();
            String decoded;
            try {
                decoded = query == null ? null : URLDecoder.decode(query, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEncoding) {
                Problems.write(response, 400, "Invalid input", "The query string is not valid URL encoding.");
                return;
            }
            if (decoded != null && hasExpression(decoded)) {
                refuse(response);
                return;
            }
            if (request.getContentLengthLong() > MAX_QUERY_BODY) {
                Problems.write(response, 413, "Payload too large", "A query may be at most 1 MB.");
                return;
            }
            byte[] body = request.getInputStream().readNBytes(MAX_QUERY_BODY + 1);
            if (body.length > MAX_QUERY_BODY) {
                Problems.write(response, 413, "Payload too large", "A query may be at most 1 MB.");
                return;
            }
            if (bodyHasExpression(body)) {
                refuse(response);
                return;
            }
            chain.doFilter(new CachedBody(request, body), response);
        }

        static boolean hasExpression(String text) {
            return text.contains("${") || text.contains("#{");
        }

        /**
         * Whether any name or text of a JSON body, once parsed (so {@code \u0024{} is {@code ${}), at any depth (every
         * {@code orQueries} entry), carries an expression. A body that is not JSON is checked as it stands. The engine
         * checks the parsed query again (the completion gate), for every door.
         */
        static boolean bodyHasExpression(byte[] body) {
            if (body.length == 0) {
                return false;
            }
            try {
                return hasExpression(JSON.readTree(body));
            } catch (java.io.IOException notJson) {
                return hasExpression(new String(body, StandardCharsets.UTF_8));
            }
        }

        private static boolean hasExpression(com.fasterxml.jackson.databind.JsonNode node) {
            if (node == null) {
                return false;
            }
            if (node.isTextual()) {
                return hasExpression(node.textValue());
            }
            for (java.util.Iterator<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields =
                            node.fields();
                    fields.hasNext(); ) {
                java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field = fields.next();
                if (hasExpression(field.getKey()) || hasExpression(field.getValue())) {
                    return true;
                }
            }
            if (node.isArray()) {
                for (com.fasterxml.jackson.databind.JsonNode element : node) {
                    if (hasExpression(element)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static void refuse(HttpServletResponse response) throws IOException {
            Problems.write(response, 400, "Invalid input", "Expressions are not allowed in task or filter queries.");
        }
    }

    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
