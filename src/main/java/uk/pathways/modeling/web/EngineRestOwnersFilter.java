package uk.pathways.modeling.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.pathways.modeling.ProcessOwners;

/**
 * Changes to deployments and migrations through the engine REST API ({@code /engine-rest/deployment/...},
 * {@code /engine-rest/migration/...}: create, redeploy, delete, execute) are for process owners only: anyone else
 * gets 403 before the engine is called. Runs after Camunda's authentication filter, which tells the engine who
 * the caller is. The engine's pre-deployer enforces the same rule for deployments however they arrive.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestOwnersFilter {

    private static final List<String> GUARDED = List.of("/deployment/", "/migration/");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineRestProcessOwnersOnly(IdentityService identityService) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        String path = request.getRequestURI()
                                .substring(request.getContextPath().length());
                        boolean change = !"GET".equals(request.getMethod())
                                && !"HEAD".equals(request.getMethod())
                                && !"OPTIONS".equals(request.getMethod());
                        boolean guarded = GUARDED.stream().anyMatch(g -> path.startsWith("/engine-rest" + g))
                                && !path.endsWith("/count");
                        Authentication auth = identityService.getCurrentAuthentication();
                        if (change && guarded && auth != null && !ProcessOwners.isOwner(auth.getGroupIds())) {
                            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                            response.setContentType("application/json");
                            response.getWriter()
                                    .write("{\"type\":\"AuthorizationException\",\"message\":\"" + auth.getUserId()
                                            + " may not change pathways: only process owners (group "
                                            + ProcessOwners.GROUP
                                            + ") may deploy or migrate\"}");
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns("/engine-rest/deployment/*", "/engine-rest/migration/*");
        registration.setName("pathways-process-owners-only");
        registration.setOrder(102); // after Camunda's authentication filter (101)
        return registration;
    }
}
