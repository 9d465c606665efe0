package uk.pathways.web;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The Pathways pages: a sign-in form at {@code /login} over the same identity as the Camunda webapps
 * and the API (the engine's users), a session that ends after 30 idle minutes
 * ({@code server.servlet.session.timeout}), CSRF protection on every form, and the engine told who is
 * acting for the length of each request. The API chain ({@code /api}) and the Camunda webapps are untouched.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    /** Every path the pages answer; other capabilities' pages live under these too (missing episodes). */
    static final String[] PAGES = {
        "/",
        "/login",
        "/logout",
        "/referrals",
        "/referrals/**",
        "/cases",
        "/cases/**",
        "/tasks",
        "/tasks/**",
        "/missing-episodes",
        "/missing-episodes/**",
        "/disruption",
        "/disruption/**",
        "/panels",
        "/panels/**",
        "/govuk/**",
        "/dashboards",
        "/dashboards/**",
        "/reports/**",
        "/subjects",
        "/subjects/**"
    };

    @Bean
    @Order(2)
    @org.springframework.context.annotation.Profile("!oidc") // with oidc: TokenSignIn
    SecurityFilterChain pagesSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        // After signing in, back to the page asked for, at its own address (no "?continue" added to it).
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null);
        http.securityMatcher(PAGES)
                .requestCache(c -> c.requestCache(requestCache))
                .authorizeHttpRequests(a -> a.requestMatchers("/login", "/govuk/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", false))
                .logout(l -> l.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.invalidSessionUrl("/login?timeout"))
                .authenticationProvider(SecurityConfiguration.camundaIdentity(identityService))
                .addFilterAfter(
                        new SecurityConfiguration.EngineAuthentication(identityService), AuthorizationFilter.class);
        return http.build();
    }
}
