package uk.pathways.sharing;

import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Agency;
import uk.pathways.casefile.AccessGranted;
import uk.pathways.casefile.AgencyInvolved;
import uk.pathways.casefile.CaseExported;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.process.TaskCompleted;
import uk.pathways.casefile.process.TaskCreated;
import uk.pathways.missing.PlacingAuthorityNotified;
import uk.pathways.notification.NotificationSent;
import uk.pathways.step.StepWrites;

/**
 * Writes a row of the sharing log for every disclosure of a case's information, in the transaction of the event that
 * made it (so a share is logged exactly when it happened): an agency given access by a pathway decision or by a
 * manager's approval, an agency's information for a strategy meeting (to the agencies that may read it), an e-mail
 * about the case, the placing authority told of a missing episode, the return home interview's information given to
 * the police, a printed chronology. Each with the lawful basis configured for its kind and the case's consent position
 * in force at that moment ({@link SharingConsent#inForce}: the newest the lead agency recorded, or the configured one).
 */
@Component
public class SharingLog {

    private final JdbcTemplate jdbc;
    private final StepWrites writes;
    private final SharingProperties properties;
    private final CaseFile caseFile;
    private final SharingConsent consent;

    SharingLog(
            JdbcTemplate jdbc,
            StepWrites writes,
            SharingProperties properties,
            CaseFile caseFile,
            SharingConsent consent) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.properties = properties;
        this.caseFile = caseFile;
        this.consent = consent;
    }

    @EventListener
    void on(AgencyInvolved event) {
        write(
                event.caseId(),
                event.occurredAt(),
                Share.ACCESS_BY_DECISION,
                "Access to the case: " + event.decision(),
                Agency.nameOfGroup(event.agency()),
                event.actor(),
                null);
    }

    @EventListener
    void on(AccessGranted event) {
        write(
                event.caseId(),
                event.occurredAt(),
                Share.ACCESS_BY_MANAGER,
                "Access to the case, asked for: " + event.reason(),
                Agency.nameOfGroup(event.agency()),
                event.actor(),
                null);
    }

    @EventListener
    void on(TaskCompleted event) {
        if (!"agency-information".equals(event.taskDefinitionKey())) {
            return;
        }
        // the entry's restriction comes with the event: no second read of the case's entries in the same step
        boolean restricted = !event.restrictedTo().isEmpty();
        List<String> readers = restricted ? event.restrictedTo() : caseFile.involvedAgencies(event.caseId());
        write(
                event.caseId(),
                event.occurredAt(),
                Share.MEETING_INFORMATION,
                Agency.nameOfGroup(event.actor().agency()) + "'s information for the strategy meeting"
                        + (restricted ? " (restricted)" : ""),
                readers.stream().map(Agency::nameOfGroup).collect(Collectors.joining(", ")),
                event.actor(),
                event.reference());
    }

    @EventListener
    void on(TaskCreated event) {
        if ("police-intelligence".equals(event.taskDefinitionKey())) {
            write(
                    event.caseId(),
                    event.occurredAt(),
                    Share.INTELLIGENCE_TO_POLICE,
                    "The return home interview's information for the police",
                    Agency.POLICE.displayName(),
                    Actor.SYSTEM,
                    event.reference());
        }
    }

    @EventListener
    void on(NotificationSent event) {
        if (event.caseId() == null) {
            return;
        }
        write(
                event.caseId(),
                event.occurredAt(),
                Share.EMAIL,
                (event.recordedOnly() ? "E-mail (recorded, no mail server): " : "E-mail: ") + event.subject(),
                event.recipient(),
                Actor.SYSTEM,
                event.reference());
    }

    @EventListener
    void on(PlacingAuthorityNotified event) {
        write(
                event.caseId(),
                event.occurredAt(),
                Share.PLACING_AUTHORITY,
                (PlacingAuthorityNotified.RETURNED.equals(event.about())
                                ? "The child's return from missing episode "
                                : "Missing episode ")
                        + event.reference(),
                event.placingAuthority(),
                event.actor(),
                event.reference());
    }

    @EventListener
    void on(CaseExported event) {
        write(
                event.caseId(),
                event.occurredAt(),
                Share.EXPORT,
                event.what(),
                "Printed by " + event.actor().userId(),
                event.actor(),
                null);
    }

    private void write(
            String caseId, java.time.Instant at, String kind, String what, String with, Actor by, String reference) {
        Actor actor = by == null ? Actor.SYSTEM : by;
        ConsentPosition position = consent.inForce(caseId);
        // written with the step's other rows when its transaction commits
        writes.insert(
                """
                insert into pw_sharing_log (case_id, shared_at, kind, what, shared_with, shared_by, by_agency, lawful_basis,
                  consent, consent_id, reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                caseId,
                Timestamp.from(at),
                kind,
                cut(what, 500),
                cut(with, 500),
                actor.userId(),
                actor.agency(),
                properties.basisFor(kind),
                cut(position.logWords(), 2000),
                position.id(),
                reference);
    }

    private static String cut(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The case's shares, newest first. */
    public List<Share> of(String caseId) {
        writes.flush();
        return jdbc.query(
                "select * from pw_sharing_log where case_id = ? order by shared_at desc, id desc",
                (rs, i) -> new Share(
                        rs.getLong("id"),
                        rs.getString("case_id"),
                        rs.getTimestamp("shared_at").toInstant(),
                        rs.getString("kind"),
                        rs.getString("what"),
                        rs.getString("shared_with"),
                        rs.getString("shared_by"),
                        rs.getString("by_agency"),
                        rs.getString("lawful_basis"),
                        rs.getString("consent"),
                        (Long) rs.getObject("consent_id", Long.class),
                        rs.getString("reference")),
                caseId);
    }
}
