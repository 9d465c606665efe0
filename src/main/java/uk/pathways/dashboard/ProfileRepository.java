package uk.pathways.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the problem profile (docs/kpis.md): four queries, each selecting a period's rows through an index
 * on a time column (V7, V17, V22), so that their cost follows the period, not the history. Reads the shared tables
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

    List<ReferralRow> referrals(Instant start, Instant end) {
        return jdbc.query(
                """
                select r.case_id, r.received_at, r.age_at_referral, c.district, c.gender, c.looked_after
                from pw_referral r join pw_case c on c.case_id = r.case_id
                where r.received_at >= ? and r.received_at < ?""",
                (rs, i) -> new ReferralRow(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6)),
                ts(start),
                ts(end));
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
        return jdbc.query(
                """
                select s.subject_id, s.label, s.category, s.district, s.latitude, s.longitude, s.police_only,
                  count(distinct l.case_id)
                from pw_subject_link l join pw_subject s on s.subject_id = l.subject_id
                where l.recorded_at >= ? and l.recorded_at < ? and l.case_id is not null and s.kind = 'LOCATION'
                group by s.subject_id, s.label, s.category, s.district, s.latitude, s.longitude, s.police_only
                order by s.subject_id""",
                (rs, i) -> new LocationRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBoolean(7),
                        rs.getLong(8)),
                ts(start),
                ts(end));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
