package uk.pathways.agency;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting now (the engine's authenticated user) and for which agency. */
@Component
public class Actors {

    private final IdentityService identityService;
    private final Privileged privileged;

    Actors(IdentityService identityService, Privileged privileged) {
        this.identityService = identityService;
        this.privileged = privileged;
    }

    /** The signed-in user, or the system when the engine acts on its own (a timer, a message). */
    public Actor current() {
        return current(List.of());
    }

    /** The signed-in user, acting for the agency of the first of {@code preferredGroups} they belong to. */
    public Actor current(Collection<String> preferredGroups) {
        Authentication auth = identityService.getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            return Actor.SYSTEM;
        }
        if (auth.getGroupIds() != null) {
            // the groups the engine checks this request's authorizations against, known since sign-in: acting for
            // one of them needs no look-up of the user's memberships (one query a step, issue 20)
            return of(auth.getUserId(), preferredGroups, agenciesIn(auth.getGroupIds()));
        }
        return of(auth.getUserId(), preferredGroups);
    }

    public Actor of(String userId, Collection<String> preferredGroups) {
        if (userId == null) {
            return Actor.SYSTEM;
        }
        return of(userId, preferredGroups, agenciesOf(userId));
    }

    private static Actor of(String userId, Collection<String> preferredGroups, Set<String> agencies) {
        for (String group : preferredGroups) {
            Optional<Agency> agency = Agency.ofGroup(group);
            if (agency.isPresent() && agencies.contains(agency.get().groupId())) {
                return new Actor(userId, agency.get().groupId());
            }
        }
        return new Actor(userId, agencies.stream().findFirst().orElse(null));
    }

    /** The agencies a user works for: {@code police-managers} counts as {@code police}. */
    public Set<String> agenciesOf(String userId) {
        return agenciesIn(groupsOf(userId));
    }

    private static Set<String> agenciesIn(Collection<String> groups) {
        Set<String> agencies = new LinkedHashSet<>();
        for (String group : groups.stream().sorted().toList()) {
            Agency.ofGroup(group).ifPresent(a -> agencies.add(a.groupId()));
        }
        return agencies;
    }

    public Set<String> groupsOf(String userId) {
        Set<String> groups = new LinkedHashSet<>();
        for (Group g : privileged.call(() -> identityService
                .createGroupQuery()
                .groupMember(userId)
                .orderByGroupId()
                .asc()
                .list())) {
            groups.add(g.getId());
        }
        return groups;
    }

    /**
     * People's names as practitioners read them, by user id ("Multi-Agency Safeguarding Hub Worker"); an unknown id
     * stays as it is (a referrer's name, for instance), and the platform acting on its own is "Pathways (automatic)".
     */
    public java.util.Map<String, String> namesOf(Collection<String> userIds) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String id : userIds) {
            if (id == null || names.containsKey(id)) {
                continue;
            }
            org.camunda.bpm.engine.identity.User user = privileged.call(
                    () -> identityService.createUserQuery().userId(id).singleResult());
            String name = user == null
                    ? id
                    : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                                    + (user.getLastName() == null ? "" : user.getLastName()))
                            .strip();
            names.put(
                    id,
                    Actor.SYSTEM.userId().equals(id) && user == null
                            ? "Pathways (automatic)"
                            : name.isEmpty() ? id : name);
        }
        return names;
    }
}
