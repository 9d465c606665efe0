package uk.pathways.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in for the Pathways pages and the Camunda webapps (Tasklist, Cockpit, Admin): one HTTP session carries
 * both the pages' Spring Security context and the webapps' authentication, kept for the same user.
 * <ul>
 * <li>Signed in to the pages, a webapp finds the same user signed in (its authentication is made for them, with the
 * groups and applications the engine's authorizations give: an agency's worker still gets no Cockpit).</li>
 * <li>Signed in to a webapp, the pages find the same user signed in.</li>
 * <li>Signing in again, at either, as someone else: the newest sign-in is who the session is.</li>
 * <li>Signing out, at either, ends the session for both.</li>
 * </ul>
 * Both sign-ins check the password with {@code IdentityService.checkPassword}, so the engine's login throttling holds
 * at both, counted together per user.
 */
@Configuration(proxyBeanMethods = false)
class OneSignIn {

    static final String ENGINE = "default";
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");
    private static final Pattern WEBAPP_LOGOUT = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/logout");
    private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> oneSession(ProcessEngine engine) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new SessionBridge(engine));
        registration.addUrlPatterns("/*");
        registration.setName("pathways-one-sign-in");
        // before Spring Security (which reads the session's context) and the webapps' own authentication filter
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    static final class SessionBridge extends OncePerRequestFilter {

        private final ProcessEngine engine;

        SessionBridge(ProcessEngine engine) {
            this.engine = engine;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (WEBAPP_LOGOUT.matcher(path).matches()) {
                chain.doFilter(request, response);
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate(); // one sign-out: the pages' sign-in goes with the webapps'
                }
                return;
            }
            if (WEBAPP_LOGIN.matcher(path).matches()) {
                chain.doFilter(request, response);
                HttpSession session = request.getSession(false);
                String user = session == null ? null : webappUser(session);
                if (response.getStatus() == 200 && user != null) {
                    pagesSignIn(session, user); // the newest sign-in is who the session is
                }
                return;
            }
            HttpSession session = request.getSession(false);
            if (session != null) {
                String pagesUser = pagesUser(session);
                String webappUser = webappUser(session);
                if (path.startsWith("/camunda/")) {
                    if (pagesUser != null && !pagesUser.equals(webappUser)) {
                        webappSignIn(session, pagesUser);
                    }
                } else if (!path.startsWith("/engine-rest")
                        && !path.startsWith("/api/")
                        && pagesUser == null
                        && webappUser != null) {
                    pagesSignIn(session, webappUser);
                }
            }
            chain.doFilter(request, response);
        }

        private void webappSignIn(HttpSession session, String user) {
            UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, user);
            if (authentication == null) {
                return;
            }
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            authentications.addOrReplace(authentication);
            AuthenticationUtil.updateSession(session, authentications);
        }

        private void pagesSignIn(HttpSession session, String user) {
            IdentityService identity = engine.getIdentityService();
            if (identity.createUserQuery().userId(user).count() == 0) {
                return;
            }
            SecurityContext context = new SecurityContextImpl(SecurityConfiguration.authenticated(user, identity));
            session.setAttribute(CONTEXT, context);
        }

        private static String pagesUser(HttpSession session) {
            Object context = session.getAttribute(CONTEXT);
            if (context instanceof SecurityContext security) {
                Authentication authentication = security.getAuthentication();
                if (authentication != null && authentication.isAuthenticated()) {
                    return authentication.getName();
                }
            }
            return null;
        }

        private static String webappUser(HttpSession session) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            if (authentications == null) {
                return null;
            }
            var authentication = authentications.getAuthenticationForProcessEngine(ENGINE);
            return authentication == null ? null : authentication.getName();
        }
    }
}
