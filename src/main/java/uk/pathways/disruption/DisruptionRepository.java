package uk.pathways.disruption;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL for the register (V19__disruption_register.sql) and the subjects it names (pw_subject, V17: read here with its
 * own SQL until the subjects part of issue 17 offers its public API).
 */
@Repository
class DisruptionRepository {

    private static final String COLUMNS = """
            d.disruption_id, d.tactic, d.subject_id, s.kind, s.label, s.police_only, d.district, d.served_by,
            d.served_on, d.expires_on, d.review_on, d.outcome, d.outcome_on, d.outcome_by, d.process_instance_id,
            d.recorded_by, d.recorded_agency, d.recorded_at""";

    private static final String FROM = " from pw_disruption d join pw_subject s on s.subject_id = d.subject_id";

    /** A subject as the register needs it. */
    record Subject(String id, String kind, String district, boolean policeOnly) {}

    private final JdbcTemplate jdbc;

    DisruptionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Subject> subject(String subjectId) {
        return jdbc
                .query(
                        "select subject_id, kind, district, police_only from pw_subject where subject_id = ?",
                        (rs, i) -> new Subject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                        subjectId)
                .stream()
                .findFirst();
    }

    boolean caseExists(String caseId) {
        Integer n = jdbc.queryForObject("select count(*) from pw_case where case_id = ?", Integer.class, caseId);
        return n != null && n > 0;
    }

    void insert(
            String id,
            String tactic,
            String subjectId,
            String district,
            String servedBy,
            LocalDate servedOn,
            LocalDate expiresOn,
            LocalDate reviewOn,
            String by,
            String agency,
            Instant at,
            List<String> caseIds) {
        jdbc.update(
                """
                insert into pw_disruption (disruption_id, tactic, subject_id, district, served_by, served_on, expires_on,
                  review_on, recorded_by, recorded_agency, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id,
                tactic,
                subjectId,
                district,
                servedBy,
                Date.valueOf(servedOn),
                expiresOn == null ? null : Date.valueOf(expiresOn),
                Date.valueOf(reviewOn),
                by,
                agency,
                ts(at));
        for (String caseId : caseIds) {
            jdbc.update("insert into pw_disruption_case (disruption_id, case_id) values (?, ?)", id, caseId);
        }
    }

    void started(String id, String processInstanceId) {
        jdbc.update("update pw_disruption set process_instance_id = ? where disruption_id = ?", processInstanceId, id);
    }

    void insertBreach(String id, LocalDate on, String note, String by, String agency, Instant at) {
        jdbc.update("""
                insert into pw_disruption_breach (disruption_id, breached_on, note, recorded_by, recorded_agency,
                  recorded_at) values (?, ?, ?, ?, ?, ?)""", id, Date.valueOf(on), note, by, agency, ts(at));
    }

    void insertReview(
            String id,
            String kind,
            Boolean stillNeeded,
            LocalDate nextReviewOn,
            LocalDate expiresOn,
            String notes,
            String by,
            Instant at) {
        jdbc.update(
                """
                insert into pw_disruption_review (disruption_id, kind, still_needed, next_review_on, expires_on, notes,
                  recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                id,
                kind,
                stillNeeded,
                nextReviewOn == null ? null : Date.valueOf(nextReviewOn),
                expiresOn == null ? null : Date.valueOf(expiresOn),
                notes,
                by,
                ts(at));
    }

    void reviewOn(String id, LocalDate next) {
        jdbc.update("update pw_disruption set review_on = ? where disruption_id = ?", Date.valueOf(next), id);
    }

    void expiresOn(String id, LocalDate expiry) {
        jdbc.update("update pw_disruption set expires_on = ? where disruption_id = ?", Date.valueOf(expiry), id);
    }

    /** Ends the entry if it is still in force; false if it had already ended. */
    boolean end(String id, String outcome, LocalDate on, String by) {
        return jdbc.update("""
                        update pw_disruption set outcome = ?, outcome_on = ?, outcome_by = ?
                        where disruption_id = ? and outcome is null""", outcome, Date.valueOf(on), by, id) == 1;
    }

    Optional<Disruption> find(String id) {
        return jdbc.query("select " + COLUMNS + FROM + " where d.disruption_id = ?", this::map, id).stream()
                .findFirst();
    }

    Optional<Disruption> findByProcess(String processInstanceId) {
        return jdbc
                .query("select " + COLUMNS + FROM + " where d.process_instance_id = ?", this::map, processInstanceId)
                .stream()
                .findFirst();
    }

    /** The register, newest served first (at most {@code limit}); in force only if asked. */
    List<Disruption> list(boolean inForceOnly, int limit) {
        return jdbc.query(
                "select " + COLUMNS + FROM + (inForceOnly ? " where d.outcome is null" : "")
                        + " order by d.served_on desc, d.disruption_id desc fetch first " + limit + " rows only",
                this::mapShallow);
    }

    private Disruption map(ResultSet rs, int row) throws SQLException {
        Disruption shallow = mapShallow(rs, row);
        String id = shallow.id();
        List<String> cases = jdbc.queryForList(
                "select case_id from pw_disruption_case where disruption_id = ? order by case_id", String.class, id);
        List<Disruption.Breach> breaches = jdbc.query(
                """
                select id, breached_on, note, recorded_by, recorded_at from pw_disruption_breach
                where disruption_id = ? order by breached_on, id""",
                (b, i) -> new Disruption.Breach(
                        b.getLong(1), b.getObject(2, LocalDate.class), b.getString(3), b.getString(4), instant(b, 5)),
                id);
        List<Disruption.Review> reviews = jdbc.query(
                """
                select id, kind, still_needed, next_review_on, expires_on, notes, recorded_by, recorded_at
                from pw_disruption_review where disruption_id = ? order by recorded_at, id""",
                (r, i) -> new Disruption.Review(
                        r.getLong(1),
                        r.getString(2),
                        (Boolean) r.getObject(3),
                        r.getObject(4, LocalDate.class),
                        r.getObject(5, LocalDate.class),
                        r.getString(6),
                        r.getString(7),
                        instant(r, 8)),
                id);
        return new Disruption(
                id,
                shallow.tactic(),
                shallow.subjectId(),
                shallow.subjectKind(),
                shallow.subjectLabel(),
                shallow.subjectPoliceOnly(),
                shallow.district(),
                shallow.servedBy(),
                shallow.servedOn(),
                shallow.expiresOn(),
                shallow.reviewOn(),
                shallow.outcome(),
                shallow.outcomeOn(),
                shallow.outcomeBy(),
                shallow.processInstanceId(),
                shallow.recordedBy(),
                shallow.recordedAgency(),
                shallow.recordedAt(),
                cases,
                breaches,
                reviews);
    }

    private Disruption mapShallow(ResultSet rs, int row) throws SQLException {
        return new Disruption(
                rs.getString("disruption_id"),
                rs.getString("tactic"),
                rs.getString("subject_id"),
                rs.getString("kind"),
                rs.getString("label"),
                rs.getBoolean("police_only"),
                rs.getString("district"),
                rs.getString("served_by"),
                rs.getObject("served_on", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class),
                rs.getObject("review_on", LocalDate.class),
                rs.getString("outcome"),
                rs.getObject("outcome_on", LocalDate.class),
                rs.getString("outcome_by"),
                rs.getString("process_instance_id"),
                rs.getString("recorded_by"),
                rs.getString("recorded_agency"),
                instant(rs, "recorded_at"),
                List.of(),
                List.of(),
                List.of());
    }

    // ---- the six-monthly report: each a grouped count over an indexed date range

    /** Entries served in [from, to], counted by tactic, district and the agency that served them. */
    List<Map<String, Object>> servedBy(LocalDate from, LocalDate to) {
        return jdbc.queryForList("""
                select tactic, district, served_by, count(*) as n from pw_disruption
                where served_on >= ? and served_on <= ? group by tactic, district, served_by""", Date.valueOf(from), Date.valueOf(to));
    }

    /** Breaches that happened in [from, to], by the entry's tactic, district and serving agency. */
    List<Map<String, Object>> breachesBy(LocalDate from, LocalDate to) {
        return jdbc.queryForList("""
                select d.tactic, d.district, d.served_by, count(*) as n from pw_disruption_breach b
                join pw_disruption d on d.disruption_id = b.disruption_id
                where b.breached_on >= ? and b.breached_on <= ? group by d.tactic, d.district, d.served_by""", Date.valueOf(from), Date.valueOf(to));
    }

    /** Entries that ended in [from, to], by tactic and outcome. */
    List<Map<String, Object>> outcomesBy(LocalDate from, LocalDate to) {
        return jdbc.queryForList("""
                select tactic, outcome, count(*) as n from pw_disruption
                where outcome_on >= ? and outcome_on <= ? group by tactic, outcome""", Date.valueOf(from), Date.valueOf(to));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
