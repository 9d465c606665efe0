package uk.pathways.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.pathways.agency.Agency;

/**
 * Doors of the Camunda webapps that are not the engine's: Cockpit's own API (its plugins' queries, which count and
 * list running instances) is for process owners and administrators only, whichever webapp the session signed in
 * to; and {@code /error}, asked for directly, is 404 rather than a 500.
 */
@Configuration(proxyBeanMethods = false)
class WebappDoors {

    static final Set<String> COCKPIT_GROUPS = Set.of(Agency.PROCESS_OWNERS, Agency.CAMUNDA_ADMIN);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> cockpitApiForOwners() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        if (!owner(request.getSession(false))) {
                            Problems.write(
                                    response, 403, "Forbidden", "Cockpit is for process owners and administrators.");
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns("/camunda/api/cockpit/*");
        registration.setName("pathways-cockpit-api-for-owners");
        registration.setOrder(85);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> noDirectErrorPage() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws IOException {
                        Problems.write(response, 404, "Not found", "There is nothing at this address.");
                    }
                });
        registration.addUrlPatterns("/error");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setName("pathways-no-direct-error-page");
        registration.setOrder(86);
        return registration;
    }

    static boolean owner(HttpSession session) {
        if (session == null) {
            return false;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return false;
        }
        for (UserAuthentication auth : authentications.getAuthentications()) {
            if (auth.getGroupIds() != null && auth.getGroupIds().stream().anyMatch(COCKPIT_GROUPS::contains)) {
                return true;
            }
        }
        return false;
    }
}
