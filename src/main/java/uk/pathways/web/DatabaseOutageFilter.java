package uk.pathways.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a lost database that surfaces outside a controller (signing in checks the password in the
 * engine's identity tables, in Spring Security's filter or Camunda's engine REST filter) answers the same clean 503
 * problem+json as {@link ApiProblems}, instead of the container's 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseFailures.isConnectionFailure(e) || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "{} {}: database unreachable, answering 503: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.toString());
            response.resetBuffer();
            response.setStatus(503);
            response.setHeader("Retry-After", "5");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write(
                            "{\"type\":\"https://pathways.example/problems/database-unavailable\","
                                    + "\"title\":\"Service unavailable\",\"status\":503,"
                                    + "\"detail\":\"The database is not reachable just now; nothing was saved. Try again in a few seconds.\"}");
        }
    }
}
