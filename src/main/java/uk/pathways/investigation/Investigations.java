package uk.pathways.investigation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.pathways.calendar.Now;

/**
 * The case record's investigation outcomes ({@code pw_investigation_outcome}): each concluded police investigation's
 * outcome and, with no further action, its reason and the review that records the learning. Codes only, and the review's
 * summary written to be shared without identifying the child; the officer's detail and the review's other words are
 * the tasks' case-record entries.
 */
@Component
public class Investigations {

    public static final String NO_FURTHER_ACTION = "NO_FURTHER_ACTION";

    /** The review's state, not stored: done, open within its time, or open past its due date. */
    public static final String REVIEW_DONE = "DONE";

    public static final String REVIEW_OPEN = "OPEN";
    public static final String REVIEW_OVERDUE = "OVERDUE";

    /** One concluded investigation as the case page, {@code GET /api/cases/{id}} and the review's briefing show it. */
    public record Outcome(
            String id,
            String caseId,
            String reference,
            String outcome,
            String nfaReason,
            Instant concludedAt,
            String recordedBy,
            String recordedAgency,
            String reviewState,
            Instant reviewDue,
            Instant reviewedAt,
            String reviewedBy,
            String reviewedAgency,
            List<String> learningThemes,
            String shareableSummary,
            @com.fasterxml.jackson.annotation.JsonIgnore String reviewProcessInstanceId) {}

    private final JdbcTemplate jdbc;

    Investigations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An investigation concluded: its outcome (and reason for no further action) recorded; gives its id. */
    public String concluded(
            String caseId,
            String reference,
            String outcome,
            String nfaReason,
            Instant at,
            String by,
            String agency,
            String taskId) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                insert into pw_investigation_outcome (id, case_id, referral_reference, outcome, nfa_reason, concluded_at,
                  recorded_by, recorded_agency, task_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, caseId, reference, outcome, nfaReason, ts(at), by, agency, taskId);
        return id;
    }

    public void reviewStarted(String id, String processInstanceId, Instant due) {
        jdbc.update(
                "update pw_investigation_outcome set review_process_instance_id = ?, review_due = ? where id = ?",
                processInstanceId,
                ts(due),
                id);
    }

    public void reviewed(
            String id, List<String> themes, String shareableSummary, String by, String agency, Instant at) {
        jdbc.update("""
                update pw_investigation_outcome set learning_themes = ?, shareable_summary = ?, reviewed_by = ?,
                  reviewed_agency = ?, reviewed_at = ? where id = ?""", String.join(",", themes), shareableSummary, by, agency, ts(at), id);
    }

    /** The case's concluded investigations, newest first. */
    public List<Outcome> ofCase(String caseId) {
        return jdbc.query(
                "select * from pw_investigation_outcome where case_id = ? order by concluded_at desc, id",
                this::outcome,
                caseId);
    }

    public Optional<Outcome> find(String id) {
        return jdbc.query("select * from pw_investigation_outcome where id = ?", this::outcome, id).stream()
                .findFirst();
    }

    /** The outcomes concluded in [from, to), for the quarterly learning report. */
    public List<Outcome> concludedBetween(Instant from, Instant to) {
        return jdbc.query("""
                select * from pw_investigation_outcome where concluded_at >= ? and concluded_at < ?
                order by concluded_at, id""", this::outcome, ts(from), ts(to));
    }

    /** The reviews done in [from, to), whenever their investigation concluded. */
    public List<Outcome> reviewedBetween(Instant from, Instant to) {
        return jdbc.query("""
                select * from pw_investigation_outcome where reviewed_at >= ? and reviewed_at < ?
                order by reviewed_at, id""", this::outcome, ts(from), ts(to));
    }

    /** The reviews not done whose due date had passed at {@code at}. */
    public List<Outcome> overdueAt(Instant at) {
        return jdbc.query("""
                select * from pw_investigation_outcome where review_due < ? and (reviewed_at is null or reviewed_at > ?)
                order by review_due, id""", this::outcome, ts(at), ts(at));
    }

    private Outcome outcome(ResultSet rs, int row) throws SQLException {
        Instant due = instant(rs, "review_due");
        Instant reviewedAt = instant(rs, "reviewed_at");
        String state = due == null
                ? null
                : reviewedAt != null ? REVIEW_DONE : Now.instant().isAfter(due) ? REVIEW_OVERDUE : REVIEW_OPEN;
        String themes = rs.getString("learning_themes");
        return new Outcome(
                rs.getString("id"),
                rs.getString("case_id"),
                rs.getString("referral_reference"),
                rs.getString("outcome"),
                rs.getString("nfa_reason"),
                instant(rs, "concluded_at"),
                rs.getString("recorded_by"),
                rs.getString("recorded_agency"),
                state,
                due,
                reviewedAt,
                rs.getString("reviewed_by"),
                rs.getString("reviewed_agency"),
                themes == null || themes.isBlank() ? List.of() : Arrays.asList(themes.split(",")),
                rs.getString("shareable_summary"),
                rs.getString("review_process_instance_id"));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
