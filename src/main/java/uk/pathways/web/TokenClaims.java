package uk.pathways.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import uk.pathways.agency.TokenUsers;

/**
 * Profile {@code oidc}: who a token (or an OpenID Connect sign-in) is, and the contract groups it names. The user is
 * the first of {@code pathways.oidc.user-claims} the token has ({@code preferred_username}, then {@code client_id},
 * {@code sub}), made fit for an engine user id (letters and digits in words joined by hyphens:
 * {@code jo.bloggs@example} becomes {@code jo-bloggs-example}). The groups are the claim {@code
 * pathways.oidc.groups-claim} ({@code groups}): a list, or one string of names separated by spaces or commas; a
 * Keycloak group path ({@code /police}) counts by its last name. Only the contract's groups are honoured.
 */
@Component
@Profile("oidc")
class TokenClaims {

    private final String groupsClaim;
    private final List<String> userClaims;

    TokenClaims(
            @Value("${pathways.oidc.groups-claim:groups}") String groupsClaim,
            @Value("${pathways.oidc.user-claims:preferred_username,client_id,sub}") List<String> userClaims) {
        this.groupsClaim = groupsClaim;
        this.userClaims = userClaims;
    }

    String userId(Map<String, Object> claims) {
        for (String claim : userClaims) {
            Object value = claims.get(claim);
            if (value != null) {
                String id = value.toString().replaceAll("[^a-zA-Z0-9]+", "-").replaceAll("^-+|-+$", "");
                if (!id.isEmpty()) {
                    return id.length() > 64 ? id.substring(0, 64).replaceAll("-+$", "") : id;
                }
            }
        }
        return null;
    }

    String name(Map<String, Object> claims) {
        Object name = claims.get("name");
        return name == null ? null : name.toString();
    }

    Set<String> groups(Map<String, Object> claims) {
        Object value = claims.get(groupsClaim);
        List<String> named = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> named.add(String.valueOf(v)));
        } else if (value instanceof String text) {
            named.addAll(List.of(text.split("[\\s,]+")));
        }
        List<String> names = named.stream()
                .map(n -> n.contains("/") ? n.substring(n.lastIndexOf('/') + 1) : n)
                .toList();
        return TokenUsers.contractGroupsOf(names);
    }

    List<GrantedAuthority> authorities(Map<String, Object> claims) {
        return groups(claims).stream()
                .<GrantedAuthority>map(g -> new SimpleGrantedAuthority("GROUP_" + g))
                .toList();
    }
}
