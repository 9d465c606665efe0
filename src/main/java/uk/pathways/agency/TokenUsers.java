package uk.pathways.agency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile {@code oidc}: whoever signs in with a token (a partner system's client credentials, a person's OpenID
 * Connect sign-in) is made known to the engine as a user without a password, a member of exactly the contract's
 * groups the token names (memberships of other groups are left alone), so that {@link Actors}, the Tasklist's
 * authorizations and contract section 8's checks work as for any engine user. Kept for {@code
 * pathways.oidc.refresh} (one minute) per user and set of groups, so a busy system does not write on every call.
 */
@Component
@Profile("oidc")
public class TokenUsers {

    private final IdentityService identityService;
    private final Privileged privileged;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, Known> recent = new ConcurrentHashMap<>();

    private record Known(Set<String> groups, String name, Instant at) {}

    TokenUsers(
            IdentityService identityService,
            Privileged privileged,
            @Value("${pathways.oidc.refresh:PT1M}") Duration refresh) {
        this.identityService = identityService;
        this.privileged = privileged;
        this.refresh = refresh;
        this.clock = Clock.systemUTC();
    }

    /** Only the contract's groups of those a token claims, in the contract's order. */
    public static Set<String> contractGroupsOf(Collection<String> claimed) {
        Set<String> groups = new LinkedHashSet<>();
        for (String id : Agency.contractGroupIds()) {
            if (claimed.contains(id)) {
                groups.add(id);
            }
        }
        return groups;
    }

    /** A token named a user who signs in here with a password (the administrator): a token may not become them. */
    public static final class LocalUser extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LocalUser(String userId) {
            super("The user id " + userId
                    + " belongs to a user of Pathways with a password; a token may not act as them.");
        }
    }

    /**
     * Makes {@code userId} an engine user in exactly the contract groups among {@code claimedGroups}; {@code name}
     * (may be null) is what practitioners read for them ("Referrals system").
     *
     * @throws LocalUser when {@code userId} is a user with a password (nothing is changed)
     */
    public void ensure(String userId, String name, Collection<String> claimedGroups) {
        Set<String> groups = contractGroupsOf(claimedGroups);
        Known known = recent.get(userId);
        Instant now = clock.instant();
        if (known != null
                && known.groups().equals(groups)
                && java.util.Objects.equals(known.name(), name)
                && known.at().plus(refresh).isAfter(now)) {
            return;
        }
        synchronized (this) {
            // checked in a command of its own: a refusal thrown inside the engine's command is logged as its error
            if (privileged.call(() ->
                    Context.getCommandContext().getReadOnlyIdentityProvider().findUserById(userId)
                                    instanceof UserEntity local
                            && local.getPassword() != null)) {
                throw new LocalUser(userId);
            }
            privileged.run(() -> write(userId, name, groups));
        }
        recent.put(userId, new Known(groups, name, now));
    }

    private void write(String userId, String name, Set<String> groups) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        boolean changed = false;
        if (user == null) {
            user = identityService.newUser(userId);
            changed = true;
        }
        String first = name == null || name.isBlank() ? userId : name.strip();
        String last = "";
        int space = first.lastIndexOf(' ');
        if (space > 0) {
            last = first.substring(space + 1);
            first = first.substring(0, space);
        }
        if (!first.equals(user.getFirstName()) || !last.equals(user.getLastName() == null ? "" : user.getLastName())) {
            user.setFirstName(first);
            user.setLastName(last);
            changed = true;
        }
        if (changed) {
            identityService.saveUser(user);
        }
        Set<String> now = new LinkedHashSet<>();
        for (Group g : identityService.createGroupQuery().groupMember(userId).list()) {
            now.add(g.getId());
        }
        for (String group : now) {
            if (Agency.isContractGroup(group) && !groups.contains(group)) {
                identityService.deleteMembership(userId, group);
            }
        }
        for (String group : groups) {
            if (!now.contains(group)) {
                identityService.createMembership(userId, group);
            }
        }
    }
}
