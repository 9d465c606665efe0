package uk.pathways.dashboard;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;

/**
 * Who may read the dashboards, and how. Members of any {@code <agency>-managers} group and of
 * {@code camunda-admin} see exact figures; members of {@code performance} (the safeguarding board) see
 * small numbers suppressed and never a child's name; anyone else is refused (403).
 */
@Component
class KpiAccess {

    private final Actors actors;

    KpiAccess(Actors actors) {
        this.actors = actors;
    }

    /** The figures this user may see, or 403. */
    Figures figuresFor(String userId) {
        Set<String> groups = actors.groupsOf(userId);
        if (groups.contains(Agency.CAMUNDA_ADMIN) || groups.stream().anyMatch(KpiAccess::isManagersGroup)) {
            return Figures.exact();
        }
        if (groups.contains(Agency.PERFORMANCE)) {
            return Figures.suppressed();
        }
        throw new AccessDeniedException("The dashboards are for agency managers and the performance group");
    }

    /**
     * The agency whose day a user may see: the one asked for if they manage it (or are an administrator, or
     * read for the board); without one asked for, the first agency they manage.
     */
    String todayAgencyFor(String userId, String asked) {
        Set<String> groups = actors.groupsOf(userId);
        figuresFor(userId);
        if (asked == null || asked.isBlank()) {
            Optional<String> managed = groups.stream()
                    .filter(KpiAccess::isManagersGroup)
                    .sorted()
                    .map(g -> g.substring(0, g.length() - Agency.MANAGERS_SUFFIX.length()))
                    .findFirst();
            return managed.orElseThrow(() -> new uk.pathways.web.InvalidInputException(
                    java.util.List.of(new uk.pathways.web.FieldProblem("agency", "Enter the agency, like police"))));
        }
        String agency = asked.strip();
        if (Agency.byGroupId(agency).isEmpty()) {
            throw new uk.pathways.web.InvalidInputException(java.util.List.of(new uk.pathways.web.FieldProblem(
                    "agency", "The agency must be one of the contract's agency ids, like police")));
        }
        if (groups.contains(Agency.CAMUNDA_ADMIN)
                || groups.contains(Agency.PERFORMANCE)
                || groups.contains(agency + Agency.MANAGERS_SUFFIX)) {
            return agency;
        }
        throw new AccessDeniedException("Only " + agency + "'s managers may see its day");
    }

    static boolean isManagersGroup(String group) {
        return group.endsWith(Agency.MANAGERS_SUFFIX) && Agency.ofGroup(group).isPresent();
    }
}
