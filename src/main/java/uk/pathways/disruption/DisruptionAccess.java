package uk.pathways.disruption;

import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;

/**
 * Who reads the register: the police (workers and managers) record and read entries; an entry on a police-only
 * subject (persons of concern by default) is read by the police only, at every door (the register's pages and API,
 * and its tasks, which are the police's). Anyone else is refused (403); the report's figures are for the police and
 * the {@code performance} group ({@link DisruptionReport}).
 */
@Component
public class DisruptionAccess {

    private final Actors actors;

    DisruptionAccess(Actors actors) {
        this.actors = actors;
    }

    public static boolean police(Set<String> groups) {
        return groups.contains(Agency.POLICE.groupId()) || groups.contains(Agency.POLICE.managersGroupId());
    }

    /** Whether these groups may read the entry: the police only, whether or not its subject is police-only. */
    static boolean mayRead(Set<String> groups, Disruption entry) {
        return police(groups);
    }

    public boolean mayUseRegister(String userId) {
        return police(actors.groupsOf(userId));
    }

    public void checkRegister(String userId) {
        if (!mayUseRegister(userId)) {
            throw new AccessDeniedException("The disruption register is for the police");
        }
    }

    public void checkRead(String userId, Disruption entry) {
        if (!mayRead(actors.groupsOf(userId), entry)) {
            throw new AccessDeniedException(
                    entry.subjectPoliceOnly()
                            ? "This entry's subject is police only"
                            : "The disruption register is for the police");
        }
    }
}
