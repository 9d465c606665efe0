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
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A body is at most 1 MB (a referral's concerns are at most 10,000 characters) at {@code /api}, {@code /engine-rest}
 * and the webapps' API; uploads of models (Pathways' and the engine's deployment doors) may be 5 MB. A larger one is
 * answered 413: before it is read when its length is declared, and after at most the limit has been read when it is
 * sent in chunks (a chunked body never reaches a parser whole). Pages' form posts are bounded by the server's
 * form-post limit ({@code server.tomcat.max-http-form-post-size}).
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

    static final int MAX_JSON = 1 << 20;
    static final int MAX_UPLOAD = 5 << 20;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiRequestSizeLimit() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Limit());
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        registration.setName("pathways-api-request-size-limit");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    static final class Limit extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            int limit = limit(request);
            long declared = request.getContentLengthLong();
            if (declared > limit) {
                tooLarge(response, limit);
                return;
            }
            boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
            if (!chunked || parsedByTheServer(request)) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = request.getInputStream().readNBytes(limit + 1);
            if (body.length > limit) {
                tooLarge(response, limit);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
        }

        private static int limit(HttpServletRequest request) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/api/deployments") || path.endsWith("/deployment/create") ? MAX_UPLOAD : MAX_JSON;
        }

        /** Forms and multipart uploads that the server itself parses: its own limits hold for them, chunked or not. */
        private static boolean parsedByTheServer(HttpServletRequest request) {
            String type = request.getContentType() == null
                    ? ""
                    : request.getContentType().toLowerCase(java.util.Locale.ROOT);
            return type.startsWith("application/x-www-form-urlencoded")
                    || (type.startsWith("multipart/") && request.getRequestURI().contains("/api/deployments"));
        }

        private static void tooLarge(HttpServletResponse response, int limit) throws IOException {
            Problems.write(response, 413, "Payload too large", "The body may be at most " + (limit >> 20) + " MB.");
        }
    }

    /** The request with its body read (at most the limit) and served again. */
    static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
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
            return new java.io.BufferedReader(
                    new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
