package uk.pathways.casefile;

import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;

/**
 * Need to know: a case is read by the agencies involved in it (the referrer's, MASH, those with a task on
 * it, those a strategy meeting drew in, and those granted access) and by system administrators. Anyone
 * else finds only the name, date of birth and involved agencies, and may ask for access with a reason,
 * which a manager of an involved agency grants.
 */
@Component
public class CaseAccess {

    private final CaseFile caseFile;
    private final Actors actors;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    CaseAccess(CaseFile caseFile, Actors actors, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.caseFile = caseFile;
        this.actors = actors;
        this.jdbc = jdbc;
        this.events = events;
    }

    public boolean exists(String caseId) {
        return caseFile.find(caseId).isPresent();
    }

    public boolean mayRead(String userId, String caseId) {
        if (actors.groupsOf(userId).contains(Agency.CAMUNDA_ADMIN)) {
            return true;
        }
        return caseFile.involves(caseId, actors.agenciesOf(userId));
    }

    /** A manager of an agency involved in the case (or an administrator): may read its audit and grant access. */
    public boolean isManagerOf(String userId, String caseId) {
        Set<String> groups = actors.groupsOf(userId);
        if (groups.contains(Agency.CAMUNDA_ADMIN)) {
            return true;
        }
        return caseFile.involvedAgencies(caseId).stream().anyMatch(a -> groups.contains(a + Agency.MANAGERS_SUFFIX));
    }

    /** Reads a case for a user, or refuses; the read (or refusal) is published for the audit trail. */
    public void checkRead(String userId, String caseId, String door, String what) {
        if (!exists(caseId)) {
            throw new NoSuchElementException("No case " + caseId);
        }
        boolean allowed = mayRead(userId, caseId);
        events.publishEvent(new CaseRead(caseId, userId, firstAgency(userId), door, what, !allowed));
        if (!allowed) {
            throw new CaseAccessDenied(caseId, caseFile.involvedAgencies(caseId), caseFile.leadAgency(caseId));
        }
    }

    /** Whether a user reads a case as its lead agency: a member of the lead agency, one of its managers, an administrator. */
    public boolean mayReadAsLead(String userId, String caseId) {
        if (!exists(caseId)) {
            return false;
        }
        Set<String> groups = actors.groupsOf(userId);
        String lead = caseFile.leadAgency(caseId);
        return groups.contains(Agency.CAMUNDA_ADMIN)
                || groups.contains(lead)
                || groups.contains(lead + Agency.MANAGERS_SUFFIX);
    }

    /** Reads what only the lead agency reads (the sharing log), or refuses; audited either way. */
    public void checkLeadRead(String userId, String caseId, String door, String what) {
        if (!exists(caseId)) {
            throw new NoSuchElementException("No case " + caseId);
        }
        boolean allowed = mayReadAsLead(userId, caseId);
        events.publishEvent(new CaseRead(caseId, userId, firstAgency(userId), door, what, !allowed));
        if (!allowed) {
            throw new CaseAccessDenied(caseId, caseFile.involvedAgencies(caseId), caseFile.leadAgency(caseId));
        }
    }

    /** Audits a read that another rule allowed (an episode read by its reporting agency, for example). */
    public void recordRead(String userId, String caseId, String door, String what) {
        events.publishEvent(new CaseRead(caseId, userId, firstAgency(userId), door, what, false));
    }

    @Transactional
    public long requestAccess(String caseId, String userId, String reason) {
        if (!exists(caseId)) {
            throw new NoSuchElementException("No case " + caseId);
        }
        Actor actor = actors.of(userId, List.of());
        if (actor.agency() == null) {
            throw new AccessDeniedException("Only a member of an agency may ask for access to a case");
        }
        jdbc.update("""
                insert into pw_access_request (case_id, requested_by, agency, reason, requested_at, status)
                values (?, ?, ?, ?, ?, 'PENDING')""", caseId, userId, actor.agency(), reason, Now.instant().atOffset(ZoneOffset.UTC));
        Long id = jdbc.queryForObject(
                "select max(id) from pw_access_request where case_id = ? and requested_by = ?",
                Long.class,
                caseId,
                userId);
        events.publishEvent(new AccessRequested(caseId, id, reason, actor, Now.instant()));
        return id;
    }

    @Transactional
    public void grantAccess(String caseId, long requestId, String managerId) {
        if (!isManagerOf(managerId, caseId)) {
            throw new AccessDeniedException(
                    "Only a manager of an agency involved in case " + caseId + " may grant access");
        }
        List<java.util.Map<String, Object>> rows = jdbc.queryForList(
                "select agency, reason, status from pw_access_request where id = ? and case_id = ?", requestId, caseId);
        if (rows.isEmpty()) {
            throw new NoSuchElementException("No access request " + requestId + " on case " + caseId);
        }
        String agency = (String) rows.get(0).get("agency");
        String reason = (String) rows.get(0).get("reason");
        int updated = jdbc.update(
                "update pw_access_request set status = 'GRANTED', decided_by = ?, decided_at = ? "
                        + "where id = ? and status = 'PENDING'",
                managerId,
                Now.instant().atOffset(ZoneOffset.UTC),
                requestId);
        if (updated == 0) {
            throw new uk.pathways.web.ConflictException("Access request " + requestId + " was already decided");
        }
        caseFile.involve(caseId, agency, "access request " + requestId + " approved", actors.of(managerId, List.of()));
        events.publishEvent(
                new AccessGranted(caseId, requestId, agency, reason, actors.of(managerId, List.of()), Now.instant()));
    }

    private String firstAgency(String userId) {
        return actors.agenciesOf(userId).stream().findFirst().orElse(null);
    }
}
