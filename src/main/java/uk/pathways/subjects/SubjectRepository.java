package uk.pathways.subjects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.pathways.agency.Actor;

/** The subjects' tables (V17, V18). Need to know is the caller's ({@link Subjects}); this reads and writes rows. */
@Repository
class SubjectRepository {

    private static final String SUBJECT_COLUMNS = "s.subject_id, s.kind, s.label, s.category, s.description,"
            + " s.district, s.latitude, s.longitude, s.police_only, s.concern_level, s.escalated_at, s.recorded_by,"
            + " s.recorded_agency, s.recorded_at";

    private final JdbcTemplate jdbc;

    SubjectRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next id: the counter's row is locked by the update until the caller's transaction ends. Subjects written by
     * other means (the synthetic history writes the shared tables directly) may have taken numbers: the counter goes
     * past the highest id on record.
     */
    String nextId() {
        jdbc.update("update pw_subject_counter set last_value = last_value + 1 where id = 1");
        long value = jdbc.queryForObject("select last_value from pw_subject_counter where id = 1", Long.class);
        long taken = jdbc
                .queryForList("select subject_id from pw_subject where subject_id >= ?", String.class, id(value))
                .stream()
                .filter(id -> id.matches("SUB-\\d+"))
                .mapToLong(id -> Long.parseLong(id.substring(4)))
                .max()
                .orElse(0);
        if (taken >= value) {
            value = taken + 1;
            jdbc.update("update pw_subject_counter set last_value = ? where id = 1", value);
        }
        return id(value);
    }

    private static String id(long value) {
        return String.format("SUB-%06d", value);
    }

    void insert(Subject s) {
        jdbc.update(
                """
                insert into pw_subject (subject_id, kind, label, category, description, district, latitude, longitude,
                    police_only, concern_level, escalated_at, recorded_by, recorded_agency, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                s.subjectId(),
                s.kind(),
                s.label(),
                s.category(),
                s.description(),
                s.district(),
                s.latitude(),
                s.longitude(),
                s.policeOnly(),
                s.concernLevel(),
                at(s.escalatedAt()),
                s.recordedBy(),
                s.recordedAgency(),
                at(s.recordedAt()));
    }

    Optional<Subject> find(String subjectId) {
        return jdbc
                .query(
                        "select " + SUBJECT_COLUMNS + " from pw_subject s where s.subject_id = ?",
                        this::subject,
                        subjectId)
                .stream()
                .findFirst();
    }

    /**
     * Subjects whose label (or district) holds the text, of a kind and district if given, newest first; police-only ones
     * only when {@code withPoliceOnly}.
     */
    List<Subject> search(String text, String kind, String district, boolean withPoliceOnly, int limit) {
        StringBuilder sql = new StringBuilder("select " + SUBJECT_COLUMNS + " from pw_subject s where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            // a registration is kept without spaces: "ab12 cde" finds AB12CDE
            String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
            sql.append(" and (lower(s.label) like ? escape '!' or lower(s.label) like ? escape '!')");
            args.add("%" + literal(lower) + "%");
            args.add("%" + literal(lower.replaceAll("\\s+", "")) + "%");
        }
        if (kind != null) {
            sql.append(" and s.kind = ?");
            args.add(kind);
        }
        if (district != null && !district.isBlank()) {
            sql.append(" and lower(s.district) = ?");
            args.add(district.strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (!withPoliceOnly) {
            sql.append(" and s.police_only = false");
        }
        sql.append(" order by s.recorded_at desc, s.subject_id desc");
        return jdbc.query(sql.toString(), this::subject, args.toArray()).stream()
                .limit(limit)
                .toList();
    }

    /** Subjects recorded, or raised to HIGH, at or after the instant. */
    List<Subject> newOrEscalatedSince(Instant since, boolean withPoliceOnly) {
        return jdbc.query(
                "select " + SUBJECT_COLUMNS + " from pw_subject s where (s.recorded_at >= ? or s.escalated_at >= ?)"
                        + (withPoliceOnly ? "" : " and s.police_only = false")
                        + " order by s.recorded_at, s.subject_id",
                this::subject,
                at(since),
                at(since));
    }

    void link(String subjectId, String caseId, String otherSubjectId, String reason, Actor actor, Instant at) {
        jdbc.update(
                """
                insert into pw_subject_link (id, subject_id, case_id, other_subject_id, reason, recorded_by,
                    recorded_agency, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID().toString(),
                subjectId,
                caseId,
                otherSubjectId,
                reason,
                actor.userId(),
                actor.agency(),
                at(at));
    }

    boolean linkedToCase(String subjectId, String caseId) {
        return count("select count(*) from pw_subject_link where subject_id = ? and case_id = ?", subjectId, caseId)
                > 0;
    }

    boolean associated(String one, String other) {
        return count(
                        "select count(*) from pw_subject_link where (subject_id = ? and other_subject_id = ?)"
                                + " or (subject_id = ? and other_subject_id = ?)",
                        one,
                        other,
                        other,
                        one)
                > 0;
    }

    /** The subject's links to cases, oldest first (the child's name is the case file's to give). */
    List<SubjectFile.CaseLink> caseLinks(String subjectId) {
        return jdbc.query(
                """
                select l.id, l.case_id, l.reason, l.recorded_by, l.recorded_agency, l.recorded_at
                from pw_subject_link l where l.subject_id = ? and l.case_id is not null
                order by l.recorded_at, l.id""",
                (rs, i) -> new SubjectFile.CaseLink(
                        rs.getString("id"),
                        rs.getString("case_id"),
                        null,
                        rs.getString("reason"),
                        rs.getString("recorded_by"),
                        rs.getString("recorded_agency"),
                        instant(rs, "recorded_at")),
                subjectId);
    }

    /** The subjects associated with this one, either way round, with whether each is police-only. */
    List<Associated> associations(String subjectId) {
        return jdbc.query(
                "select l.id, l.reason, l.recorded_by, l.recorded_agency, l.recorded_at, " + SUBJECT_COLUMNS
                        + " from pw_subject_link l join pw_subject s on s.subject_id = case when l.subject_id = ?"
                        + " then l.other_subject_id else l.subject_id end"
                        + " where (l.subject_id = ? or l.other_subject_id = ?) and l.other_subject_id is not null"
                        + " order by l.recorded_at, l.id",
                (rs, i) -> new Associated(
                        subject(rs, i),
                        new SubjectFile.Association(
                                rs.getString("id"),
                                rs.getString("subject_id"),
                                rs.getString("kind"),
                                rs.getString("label"),
                                rs.getString("category"),
                                rs.getString("concern_level"),
                                rs.getString("reason"),
                                rs.getString("recorded_by"),
                                rs.getString("recorded_agency"),
                                instant(rs, "recorded_at"))),
                subjectId,
                subjectId,
                subjectId);
    }

    record Associated(Subject other, SubjectFile.Association association) {}

    /** The subjects linked to a case, police-only ones only when {@code withPoliceOnly}, oldest link first. */
    List<LinkOfCase> linksOfCase(String caseId, boolean withPoliceOnly) {
        return jdbc.query(
                """
                select l.id as link_id, l.reason, l.recorded_by as link_by, l.recorded_agency as link_agency,
                    l.recorded_at as link_at, s.subject_id, s.kind, s.label, s.category, s.district,
                    s.concern_level, s.police_only
                from pw_subject_link l join pw_subject s on s.subject_id = l.subject_id
                where l.case_id = ?""" + (withPoliceOnly ? "" : " and s.police_only = false") + " order by l.recorded_at, l.id",
                (rs, i) -> new LinkOfCase(
                        rs.getString("link_id"),
                        rs.getString("subject_id"),
                        rs.getString("kind"),
                        rs.getString("label"),
                        rs.getString("category"),
                        rs.getString("district"),
                        rs.getString("concern_level"),
                        rs.getBoolean("police_only"),
                        rs.getString("reason"),
                        rs.getString("link_by"),
                        rs.getString("link_agency"),
                        instant(rs, "link_at")),
                caseId);
    }

    /** Raises the concern to HIGH; false if it already was (another request got there first). */
    boolean escalate(String subjectId, String reason, Actor actor, Instant at) {
        int updated = jdbc.update(
                "update pw_subject set concern_level = 'HIGH', escalated_at = ? where subject_id = ?"
                        + " and concern_level <> 'HIGH'",
                at(at),
                subjectId);
        if (updated == 0) {
            return false;
        }
        jdbc.update("""
                insert into pw_subject_escalation (id, subject_id, reason, escalated_by, escalated_agency, escalated_at)
                values (?, ?, ?, ?, ?, ?)""", UUID.randomUUID().toString(), subjectId, reason, actor.userId(), actor.agency(), at(at));
        return true;
    }

    List<SubjectFile.Escalation> escalations(String subjectId) {
        return jdbc.query(
                "select reason, escalated_by, escalated_agency, escalated_at from pw_subject_escalation"
                        + " where subject_id = ? order by escalated_at desc, id",
                (rs, i) -> new SubjectFile.Escalation(
                        rs.getString("reason"),
                        rs.getString("escalated_by"),
                        rs.getString("escalated_agency"),
                        instant(rs, "escalated_at")),
                subjectId);
    }

    /** Moves a case's links to another case (a merge, or its undo); returns the ids moved. */
    List<String> linkIdsOfCase(String caseId) {
        return jdbc.queryForList("select id from pw_subject_link where case_id = ?", String.class, caseId);
    }

    void moveLink(String linkId, String caseId) {
        jdbc.update("update pw_subject_link set case_id = ? where id = ?", caseId, linkId);
    }

    private Subject subject(ResultSet rs, int row) throws SQLException {
        return new Subject(
                rs.getString("subject_id"),
                rs.getString("kind"),
                rs.getString("label"),
                rs.getString("category"),
                rs.getString("description"),
                rs.getString("district"),
                rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"),
                rs.getBoolean("police_only"),
                rs.getString("concern_level"),
                instant(rs, "escalated_at"),
                rs.getString("recorded_by"),
                rs.getString("recorded_agency"),
                instant(rs, "recorded_at"));
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static String literal(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
