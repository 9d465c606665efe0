package uk.pathways.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.pathways.agency.Agency;
import uk.pathways.agency.TokenUsers;

/**
 * Profile {@code oidc}: single sign-on instead of the engine's passwords.
 * <ul>
 * <li>Partner systems call {@code /api} and {@code /engine-rest} with an OAuth2 bearer token (a JWT, e.g. from the
 * client credentials grant) of the configured issuer ({@code spring.security.oauth2.resourceserver.jwt.*}). A
 * missing, bad, expired or foreign token is {@code 401} problem+json; a good token naming none of the contract's
 * groups is {@code 403}. Camunda's own filter on {@code /engine-rest} takes the signed-in principal
 * ({@link ContainerBasedAuthenticationProvider}) and reads its groups from the engine.</li>
 * <li>People sign in to the pages with OpenID Connect (client registration {@code pathways}); the one sign-in with
 * the Camunda webapps ({@link OneSignIn}) holds as before.</li>
 * <li>Either way the caller is made an engine user in the contract groups its token names ({@link TokenUsers}).</li>
 * </ul>
 * The API description ({@code /v3/api-docs}) keeps HTTP Basic for engine users with a password (the administrator).
 */
@Configuration(proxyBeanMethods = false)
@Profile("oidc")
class TokenSignIn {

    static final String[] CONTRACT_AUTHORITIES =
            Agency.contractGroupIds().stream().map(g -> "GROUP_" + g).toArray(String[]::new);

    @Bean
    @Order(1)
    SecurityFilterChain bearerSecurity(
            HttpSecurity http,
            IdentityService identityService,
            TokenClaims claims,
            TokenUsers users,
            org.springframework.context.ApplicationEventPublisher events)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, failure) -> {
            if (request.getHeader("Authorization") != null) {
                // audited as a failed sign-in at its door (never the token itself)
                BearerTokenAuthenticationToken refused = new BearerTokenAuthenticationToken("refused");
                refused.setDetails(
                        request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest")
                                ? "ENGINE_REST"
                                : "API");
                events.publishEvent(new AuthenticationFailureBadCredentialsEvent(refused, failure));
            }
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(
                    response,
                    401,
                    "Unauthorized",
                    "A bearer token from Pathways' identity provider is needed; this request had none, or one that is "
                            + "not valid (signature, issuer or expiry).");
        };
        AccessDeniedHandler forbidden = (request, response, denied) -> Problems.write(
                response,
                403,
                "Forbidden",
                "The token names none of the contract's groups, or not one that may do this.");
        http.securityMatcher(new org.springframework.security.web.util.matcher.OrRequestMatcher(
                        path("/api/**"), path("/actuator/prometheus"), path("/engine-rest/**")))
                .authorizeHttpRequests(a -> a.requestMatchers(path("/actuator/prometheus"))
                        .hasAuthority("GROUP_" + Agency.CAMUNDA_ADMIN)
                        .anyRequest()
                        .hasAnyAuthority(CONTRACT_AUTHORITIES))
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(jwt -> new JwtAuthenticationToken(
                                jwt, claims.authorities(jwt.getClaims()), claims.userId(jwt.getClaims()))))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        knownToTheEngine(http, identityService, claims, users);
        return http.build();
    }

    /** After authorization, the caller made an engine user in its token's groups, then the engine told who acts. */
    private static void knownToTheEngine(
            HttpSecurity http, IdentityService identityService, TokenClaims claims, TokenUsers users) {
        http.addFilterAfter(new KnownToTheEngine(claims, users), AuthorizationFilter.class)
                .addFilterAfter(
                        new SecurityConfiguration.EngineAuthentication(identityService), KnownToTheEngine.class);
    }

    @Bean
    @Order(2)
    SecurityFilterChain tokenPagesSecurity(
            HttpSecurity http, IdentityService identityService, TokenClaims claims, TokenUsers users) throws Exception {
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null);
        String[] paths = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(PageSecurity.PAGES),
                        // the Camunda webapps too: opened first, they send the person to the identity provider and
                        // back, and the one sign-in (OneSignIn) signs them in to the webapps
                        java.util.stream.Stream.of("/oauth2/**", "/login/oauth2/**", "/camunda/app/**"))
                .toArray(String[]::new);
        http.securityMatcher(paths)
                .requestCache(c -> c.requestCache(requestCache))
                .authorizeHttpRequests(a -> a.requestMatchers("/login", "/govuk/**", "/oauth2/**", "/login/oauth2/**")
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority(CONTRACT_AUTHORITIES))
                .oauth2Login(o -> o.userInfoEndpoint(u -> u.oidcUserService(people(claims)))
                        .defaultSuccessUrl("/", false))
                .logout(l -> l.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("JSESSIONID"));
        knownToTheEngine(http, identityService, claims, users);
        return http.build();
    }

    private static org.springframework.security.web.util.matcher.RequestMatcher path(String pattern) {
        return org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults()
                .matcher(pattern);
    }

    /** A person's sign-in: their groups from the configured claim, their user id as {@link TokenClaims} reads it. */
    static OAuth2UserService<OidcUserRequest, OidcUser> people(TokenClaims claims) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Map<String, Object> all = user.getClaims();
            return new Person(user, claims.authorities(all), claims.userId(all));
        };
    }

    /** An OpenID Connect user known by the engine user id Pathways gave them. */
    static final class Person extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;
        private final String userId;

        Person(
                OidcUser user,
                java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> authorities,
                String userId) {
            super(authorities, user.getIdToken(), user.getUserInfo());
            this.userId = userId;
        }

        @Override
        public String getName() {
            return userId;
        }
    }

    /** Makes the token's caller an engine user in its contract groups before anything asks the engine about them. */
    static final class KnownToTheEngine extends OncePerRequestFilter {

        private final TokenClaims claims;
        private final TokenUsers users;

        KnownToTheEngine(TokenClaims claims, TokenUsers users) {
            this.claims = claims;
            this.users = users;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            Map<String, Object> tokenClaims = null;
            if (auth instanceof JwtAuthenticationToken jwt) {
                tokenClaims = jwt.getToken().getClaims();
            } else if (auth != null && auth.getPrincipal() instanceof OidcUser person) {
                tokenClaims = person.getClaims();
            }
            if (tokenClaims != null && auth.getName() != null) {
                try {
                    users.ensure(auth.getName(), claims.name(tokenClaims), claims.groups(tokenClaims));
                } catch (TokenUsers.LocalUser local) {
                    SecurityContextHolder.clearContext();
                    Problems.write(response, 403, "Forbidden", local.getMessage());
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
