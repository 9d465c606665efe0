package uk.pathways.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.audit.AuditEntry;
import uk.pathways.audit.AuditTrail;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseAccessDenied;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseSummary;
import uk.pathways.step.StepCache;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * A case's consent position for sharing, kept as a history: the lead agency (or its managers) records whether consent
 * was sought and given, sought and refused, or not sought, from whom, on which day and why; nothing is overwritten, and
 * the newest position applies to every share from the moment it is recorded ({@link #inForce}). A case with none
 * recorded has the deployment's configured position ({@code pathways.sharing.consent}). Recording is audited, and so
 * is a refusal.
 */
@Component
public class SharingConsent {

    /** The audit trail's name for it. */
    public static final String RESOURCE = "sharing consent";

    static final int MAX_REASON = 1000;

    /** The consent position in force, read once per step (each share of a step is logged with it). */
    static final StepCache.Kind IN_FORCE = new StepCache.Kind("consent in force");

    private final JdbcTemplate jdbc;
    private final SharingProperties properties;
    private final CaseFile caseFile;
    private final Actors actors;
    private final AuditTrail audit;
    private final StepCache cache;

    SharingConsent(
            JdbcTemplate jdbc,
            SharingProperties properties,
            CaseFile caseFile,
            Actors actors,
            AuditTrail audit,
            StepCache cache) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.properties = properties;
        this.caseFile = caseFile;
        this.actors = actors;
        this.audit = audit;
    }

    /** A position to record: codes of {@link ConsentPosition}; {@code date} the day it was sought or decided. */
    public record NewConsent(String position, String from, LocalDate date, String reason) {}

    /** The position in force for the case now: the newest recorded, or the deployment's configured one. */
    @Transactional(readOnly = true)
    public ConsentPosition inForce(String caseId) {
        return cache.get(IN_FORCE, caseId, () -> {
            List<ConsentPosition> newest = jdbc.query(
                    "select * from pw_sharing_consent where case_id = ? order by id desc fetch first 1 rows only",
                    SharingConsent::row,
                    caseId);
            return inForce(caseId, newest);
        });
    }

    /** The position in force, read from the case's history (newest first) already at hand: no second query. */
    public ConsentPosition inForce(String caseId, List<ConsentPosition> history) {
        return history.isEmpty() ? ConsentPosition.configured(caseId, properties.consent()) : history.get(0);
    }

    /** Every position recorded for the case, newest first (empty where none was). */
    @Transactional(readOnly = true)
    public List<ConsentPosition> history(String caseId) {
        return jdbc.query(
                "select * from pw_sharing_consent where case_id = ? order by id desc", SharingConsent::row, caseId);
    }

    /** Whether the user may record the case's position: a member of its lead agency, or one of that agency's managers. */
    public boolean mayRecord(String userId, String caseId) {
        String lead = caseFile.leadAgency(caseId);
        Set<String> groups = actors.groupsOf(userId);
        return lead != null && (groups.contains(lead) || groups.contains(lead + Agency.MANAGERS_SUFFIX));
    }

    /**
     * Refuses (404 for no such case; 403 with the involved and lead agencies, the refusal audited) unless the user may
     * record the case's consent position.
     */
    public void checkMayRecord(String caseId, String userId, String door) {
        if (caseFile.find(caseId).isEmpty()) {
            throw new NoSuchElementException("No case " + caseId);
        }
        if (!mayRecord(userId, caseId)) {
            String lead = caseFile.leadAgency(caseId);
            audit.recordAlone(
                    userId,
                    actors.agenciesOf(userId).stream().findFirst().orElse(null),
                    AuditEntry.ACCESS_REFUSED,
                    door,
                    caseId,
                    RESOURCE,
                    "recording the consent position is for the lead agency (" + lead + ") and its managers",
                    null);
            throw new CaseAccessDenied(caseId, caseFile.involvedAgencies(caseId), lead);
        }
    }

    /** What is wrong with a position for the case, field by field (none if it may be recorded). */
    public List<FieldProblem> problems(String caseId, NewConsent consent) {
        List<FieldProblem> problems = new ArrayList<>();
        String position = consent.position();
        if (blank(position)) {
            problems.add(new FieldProblem(
                    "position", "Select whether consent was sought and given, sought and refused, or not sought"));
        } else if (!ConsentPosition.POSITIONS.contains(position)) {
            problems.add(new FieldProblem(
                    "position",
                    "The position must be one of "
                            + String.join(
                                    ", ",
                                    ConsentPosition.POSITIONS.stream().sorted().toList())));
        }
        if (blank(consent.from())) {
            if (ConsentPosition.GIVEN.equals(position) || ConsentPosition.REFUSED.equals(position)) {
                problems.add(new FieldProblem("from", "Select whose consent was sought"));
            }
        } else if (!ConsentPosition.FROM.contains(consent.from())) {
            problems.add(new FieldProblem(
                    "from",
                    "Whose consent must be one of "
                            + String.join(
                                    ", ", ConsentPosition.FROM.stream().sorted().toList())));
        }
        LocalDate date = consent.date();
        if (date == null) {
            problems.add(
                    new FieldProblem("date", "Enter the date consent was sought, or it was decided not to seek it"));
        } else if (date.isAfter(Now.today())) {
            problems.add(new FieldProblem("date", "The date must be today or in the past"));
        } else {
            LocalDate born = caseFile.find(caseId)
                    .map(CaseSummary::child)
                    .map(c -> c.dateOfBirth())
                    .orElse(null);
            if (born != null && date.isBefore(born)) {
                problems.add(new FieldProblem("date", "The date must be after the child was born"));
            }
        }
        if (blank(consent.reason())) {
            if (ConsentPosition.REFUSED.equals(position)) {
                problems.add(
                        new FieldProblem("reason", "Enter why information is shared although consent was refused"));
            } else if (ConsentPosition.NOT_SOUGHT.equals(position)) {
                problems.add(new FieldProblem("reason", "Enter why consent was not sought"));
            }
        } else if (consent.reason().strip().length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "Keep the reason to 1,000 characters"));
        }
        return problems;
    }

    /**
     * Records a position for the case as {@code userId} at a door (API, PAGE): 404 for no such case, refused (and the
     * refusal audited) unless the user is of the lead agency or its managers, 400 naming each bad field; otherwise added
     * to the history and audited, in one transaction. Shares from now on carry it.
     */
    @Transactional
    public ConsentPosition record(String caseId, NewConsent consent, String userId, String door) {
        checkMayRecord(caseId, userId, door);
        String lead = caseFile.leadAgency(caseId);
        List<FieldProblem> problems = problems(caseId, consent);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String from = blank(consent.from()) ? null : consent.from();
        String reason = blank(consent.reason()) ? null : consent.reason().strip();
        OffsetDateTime now = Now.instant().atOffset(ZoneOffset.UTC);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var insert = connection.prepareStatement("""
                            insert into pw_sharing_consent (case_id, consent_position, sought_from, decided_on, reason,
                              recorded_at, recorded_by, recorded_by_agency) values (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    insert.setString(1, caseId);
                    insert.setString(2, consent.position());
                    insert.setString(3, from);
                    insert.setObject(4, consent.date());
                    insert.setString(5, reason);
                    insert.setObject(6, now);
                    insert.setString(7, userId);
                    insert.setString(8, lead);
                    return insert;
                },
                key);
        long id = key.getKey().longValue();
        cache.evict(IN_FORCE, caseId);
        audit.record(
                userId,
                lead,
                AuditEntry.CHANGE,
                door,
                caseId,
                RESOURCE,
                "consent position " + id + " recorded: " + consent.position() + (from == null ? "" : " from " + from)
                        + " on " + consent.date(),
                null);
        return ConsentPosition.of(
                id, caseId, consent.position(), from, consent.date(), reason, now.toInstant(), userId, lead);
    }

    private static ConsentPosition row(ResultSet rs, int i) throws SQLException {
        return ConsentPosition.of(
                rs.getLong("id"),
                rs.getString("case_id"),
                rs.getString("consent_position"),
                rs.getString("sought_from"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("reason"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("recorded_by"),
                rs.getString("recorded_by_agency"));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
