package uk.pathways.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One identity for every door: the engine's users and groups. {@code /api} takes HTTP Basic (and answers
 * 401 without it); the Pathways pages sign in with a form at {@code /login} (session, CSRF on; see
 * {@link PageSecurity}); {@code /engine-rest} is guarded by Camunda's own authentication filter over the
 * same identity; the Camunda webapps sign in with the same users; {@code /actuator/health} stays open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    @org.springframework.context.annotation.Profile("!oidc") // with oidc: TokenSignIn
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        // /actuator/prometheus: HTTP Basic like /api, for camunda-admin only (dashboards, issue #7).
        http.securityMatcher("/api/**", "/actuator/prometheus")
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/prometheus")
                        .hasAuthority("GROUP_" + uk.pathways.agency.Agency.CAMUNDA_ADMIN)
                        .anyRequest()
                        .authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .authenticationDetailsSource(request -> "API"))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .authenticationProvider(camundaIdentity(identityService))
                .addFilterAfter(new EngineAuthentication(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain otherSecurity(HttpSecurity http) throws Exception {
        // The Camunda webapps (/camunda) and the engine REST API (/engine-rest) authenticate themselves
        // against the same identity; everything else under /actuator but health is closed.
        http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .denyAll()
                        .anyRequest()
                        .permitAll())
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    /**
     * Camunda's own filter on /engine-rest: HTTP Basic against the engine's users; with profile {@code oidc}, the
     * principal Spring Security signed in from a bearer token ({@link TokenSignIn}), its groups from the engine.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
            org.springframework.core.env.Environment environment) {
        Class<?> provider = environment.acceptsProfiles(org.springframework.core.env.Profiles.of("oidc"))
                ? org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider.class
                : HttpBasicAuthenticationProvider.class;
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", provider.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setName("camunda-auth");
        registration.setOrder(101);
        return registration;
    }

    /** A signed-in user for Spring Security: the user and their engine groups as {@code GROUP_<id>} authorities. */
    static UsernamePasswordAuthenticationToken authenticated(String user, IdentityService identityService) {
        List<SimpleGrantedAuthority> groups = new ArrayList<>();
        groupsOf(user, identityService).forEach(g -> groups.add(new SimpleGrantedAuthority("GROUP_" + g)));
        return new UsernamePasswordAuthenticationToken(user, null, groups);
    }

    /** The engine groups the user is a member of now. */
    static List<String> groupsOf(String user, IdentityService identityService) {
        return identityService.createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId())
                .toList();
    }

    static AuthenticationProvider camundaIdentity(IdentityService identityService) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                String user = authentication.getName();
                Object credentials = authentication.getCredentials();
                if (user == null
                        || credentials == null
                        || !identityService.checkPassword(user, credentials.toString())) {
                    throw new BadCredentialsException("Bad credentials");
                }
                return authenticated(user, identityService);
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    /**
     * Tells the engine who is acting for the length of a request (/api or a page), so the case record knows who did
     * what. A page session keeps the groups its sign-in found; at most every {@link #RECHECK} they are compared with
     * the user's memberships now, and a practitioner who left one of them is signed out and asked to sign in again, so
     * that an agency's access ends within that time for someone who left it (the engine checks the request
     * against these groups, and the case record names the agency acted for from them).
     */
    static final class EngineAuthentication extends OncePerRequestFilter {

        static final java.time.Duration RECHECK = java.time.Duration.ofSeconds(60);
        static final String GROUPS_CHECKED_AT = EngineAuthentication.class.getName() + ".groupsCheckedAt";

        private final IdentityService identityService;

        EngineAuthentication(IdentityService identityService) {
            this.identityService = identityService;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication();
            if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                chain.doFilter(request, response);
                return;
            }
            List<String> groups = auth.getAuthorities().stream()
                    .map(a -> a.getAuthority())
                    .filter(a -> a.startsWith("GROUP_"))
                    .map(a -> a.substring("GROUP_".length()))
                    .toList();
            if (!stillMember(request, auth.getName(), groups)) {
                request.getSession().invalidate();
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?changed");
                return;
            }
            identityService.setAuthentication(auth.getName(), groups);
            try {
                chain.doFilter(request, response);
            } finally {
                identityService.clearAuthentication();
            }
        }

        /** Whether the user is still in every group of a page session (asked at most every {@link #RECHECK}). */
        private boolean stillMember(HttpServletRequest request, String user, List<String> groups) {
            jakarta.servlet.http.HttpSession session = request.getSession(false);
            if (session == null) {
                return true; // /api: HTTP Basic reads the groups afresh on every request
            }
            long now = System.currentTimeMillis();
            Object checkedAt = session.getAttribute(GROUPS_CHECKED_AT);
            if (checkedAt instanceof Long at && now - at < RECHECK.toMillis()) {
                return true;
            }
            if (!groupsOf(user, identityService).containsAll(groups)) {
                return false; // left a group the session still acts in; a group added is theirs at the next sign-in
            }
            session.setAttribute(GROUPS_CHECKED_AT, now);
            return true;
        }
    }
}
