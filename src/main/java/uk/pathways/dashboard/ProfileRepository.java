package uk.pathways.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the problem profile (docs/kpis.md): four queries, each selecting a period's rows through an index
 * on a time column (V7, V17, V22), and the cases or subjects those rows name read by their primary keys, so that
 * their cost follows the period, not the history (B8: a join let PostgreSQL hash every case or subject). Reads the shared tables
 * of issue 17 (pw_subject, pw_subject_link, pw_decision.exploitation_type) directly.
 */
@Repository
class ProfileRepository {

    private final JdbcTemplate jdbc;

    ProfileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A referral received in the period, with its child's details on the case record. */
    record ReferralRow(
            String caseId, Instant receivedAt, int age, String district, String gender, boolean lookedAfter) {}

    /** A screening decided in the period: its indicators ("A,B") and exploitation type (null until recorded). */
    record ScreeningRow(String indicators, String exploitationType) {}

    /** A subject of concern recorded in the period. */
    record SubjectRow(String kind, String category, Instant recordedAt) {}

    /** A location of concern linked to at least one case in the period, with the number of cases. */
    record LocationRow(
            String subjectId,
            String label,
            String category,
            String district,
            BigDecimal latitude,
            BigDecimal longitude,
            boolean policeOnly,
            long cases) {}

    /** The child's details a referral row carries, read from the case record by the case's key. */
    private record Child(String district, String gender, boolean lookedAfter) {}

    /** How many keys one look-up by primary key names (an IN list H2 and PostgreSQL both take well). */
    static final int BY_KEY = 500;

    List<ReferralRow> referrals(Instant start, Instant end) {
        // the period's referrals through their time index, then their children's cases by key: a join here let
        // PostgreSQL hash the whole case table once it held a million cases (B8)
        record Received(String caseId, Instant at, int age) {}
        List<Received> received = jdbc.query(
                """
                select r.case_id, r.received_at, r.age_at_referral from pw_referral r
                where r.received_at >= ? and r.received_at < ?""",
                (rs, i) -> new Received(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)),
                ts(start),
                ts(end));
        Map<String, Child> children = new HashMap<>();
        byKey(
                received.stream().map(Received::caseId).distinct().toList(),
                "select case_id, district, gender, looked_after from pw_case where case_id in (%s)",
                rs -> children.put(rs.getString(1), new Child(rs.getString(2), rs.getString(3), rs.getBoolean(4))));
        return received.stream()
                .filter(r -> children.containsKey(r.caseId()))
                .map(r -> {
                    Child c = children.get(r.caseId());
                    return new ReferralRow(r.caseId(), r.at(), r.age(), c.district(), c.gender(), c.lookedAfter());
                })
                .toList();
    }

    List<ScreeningRow> screenings(Instant start, Instant end) {
        return jdbc.query("""
                select d.indicators, d.exploitation_type from pw_decision d
                where d.kind = 'SCREENING' and d.decided_at >= ? and d.decided_at < ?""", (rs, i) -> new ScreeningRow(rs.getString(1), rs.getString(2)), ts(start), ts(end));
    }

    List<SubjectRow> subjects(Instant start, Instant end) {
        return jdbc.query(
                """
                select s.kind, s.category, s.recorded_at from pw_subject s
                where s.recorded_at >= ? and s.recorded_at < ?""",
                (rs, i) -> new SubjectRow(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                ts(start),
                ts(end));
    }

    List<LocationRow> locationsLinked(Instant start, Instant end) {
        // the period's links to cases through their time index (V22), counted per subject, then the subjects by key
        Map<String, Long> cases = new HashMap<>();
        jdbc.query("""
                select l.subject_id, count(distinct l.case_id) from pw_subject_link l
                where l.recorded_at >= ? and l.recorded_at < ? and l.case_id is not null
                group by l.subject_id""", (RowCallbackHandler) rs -> cases.put(rs.getString(1), rs.getLong(2)), ts(start), ts(end));
        List<LocationRow> rows = new ArrayList<>();
        byKey(
                List.copyOf(cases.keySet()),
                """
                select subject_id, label, category, district, latitude, longitude, police_only from pw_subject
                where kind = 'LOCATION' and subject_id in (%s)""",
                rs -> rows.add(new LocationRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBoolean(7),
                        cases.get(rs.getString(1)))));
        rows.sort(Comparator.comparing(LocationRow::subjectId));
        return rows;
    }

    /** Runs {@code sql} (one {@code %s} for the keys' placeholders) for the keys, {@link #BY_KEY} at a time. */
    private void byKey(List<String> keys, String sql, RowCallbackHandler each) {
        for (int from = 0; from < keys.size(); from += BY_KEY) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + BY_KEY));
            jdbc.query(sql.formatted(String.join(", ", Collections.nCopies(part.size(), "?"))), each, part.toArray());
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
