package uk.pathways.dashboard;

import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.audit.AuditEntry;
import uk.pathways.audit.AuditTrail;

/**
 * Who may read the problem profile, and how: the police ({@code police}, {@code police-managers}) see exact figures
 * and the locations of concern by name; the board ({@code performance}) sees small numbers suppressed, no name and no
 * police-only location; anyone else is refused (403), administrators and other agencies' managers included. Every
 * read is audited.
 */
@Component
class ProfileAccess {

    static final String RESOURCE = "problem-profile";

    private final Actors actors;
    private final AuditTrail audit;

    ProfileAccess(Actors actors, AuditTrail audit) {
        this.actors = actors;
        this.audit = audit;
    }

    /** How a reader sees the profile. */
    record Reader(Figures figures, boolean police) {}

    /** The reader's view, or 403; the read (or the refusal) is audited at {@code door}. */
    Reader readerFor(String userId, String door, String detail) {
        Set<String> groups = actors.groupsOf(userId);
        if (isPolice(groups)) {
            audit.recordAlone(userId, Agency.POLICE.groupId(), AuditEntry.READ, door, null, RESOURCE, detail, null);
            return new Reader(Figures.exact(), true);
        }
        if (groups.contains(Agency.PERFORMANCE)) {
            audit.recordAlone(userId, Agency.PERFORMANCE, AuditEntry.READ, door, null, RESOURCE, detail, null);
            return new Reader(Figures.suppressed(), false);
        }
        audit.recordAlone(userId, null, AuditEntry.ACCESS_REFUSED, door, null, RESOURCE, detail, null);
        throw new AccessDeniedException("The problem profile is for the police and the performance group");
    }

    static boolean isPolice(Set<String> groups) {
        return groups.contains(Agency.POLICE.groupId()) || groups.contains(Agency.POLICE.managersGroupId());
    }

    static boolean mayRead(Set<String> groups) {
        return isPolice(groups) || groups.contains(Agency.PERFORMANCE);
    }
}
