package uk.pathways.missing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.pathways.agency.Actor;

/** SQL for the missing episode tables (V3__missing_episodes.sql). */
@Repository
class MissingEpisodeRepository {

    private final JdbcTemplate jdbc;

    MissingEpisodeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            String reference,
            String caseId,
            NewMissingReport report,
            String placingAuthority,
            String source,
            Actor reportedBy,
            Instant reportedAt) {
        jdbc.update(
                """
                insert into pw_missing_episode (reference, case_id, reported_at, source, reported_by, reporter_agency,
                  missing_since, police_reference, police_risk, episode_type, placing_authority, out_of_area, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                reference,
                caseId,
                ts(reportedAt),
                source,
                reportedBy.userId(),
                reportedBy.agency(),
                ts(report.missingSince()),
                report.policeReference(),
                report.policeRisk(),
                report.episodeType(),
                placingAuthority,
                report.outOfArea(),
                MissingEpisode.MISSING);
    }

    boolean isDuplicate(String caseId, String policeReference, Instant missingSince) {
        Integer n = jdbc.queryForObject("""
                select count(*) from pw_missing_episode where case_id = ? and police_reference = ? and missing_since = ?""", Integer.class, caseId, policeReference, ts(missingSince));
        return n > 0;
    }

    void linkProcess(String reference, String processInstanceId) {
        jdbc.update(
                "update pw_missing_episode set process_instance_id = ? where reference = ?",
                processInstanceId,
                reference);
    }

    Optional<MissingEpisode> find(String reference) {
        return jdbc.query("select * from pw_missing_episode where reference = ?", this::toEpisode, reference).stream()
                .findFirst();
    }

    List<MissingEpisode> ofCase(String caseId) {
        return jdbc.query(
                "select * from pw_missing_episode where case_id = ? order by missing_since desc, reference desc",
                this::toEpisode,
                caseId);
    }

    /** The child's episodes last seen from {@code from} to {@code to} (both included), oldest first. */
    List<MissingEpisode> ofCaseBetween(String caseId, Instant from, Instant to) {
        return jdbc.query("""
                select * from pw_missing_episode where case_id = ? and missing_since >= ? and missing_since <= ?
                order by missing_since, reference""", this::toEpisode, caseId, ts(from), ts(to));
    }

    /** Episodes last seen from {@code from} (included) to {@code to} (excluded), for the statutory return. */
    List<MissingEpisode> between(Instant from, Instant to) {
        return jdbc.query("""
                select * from pw_missing_episode where missing_since >= ? and missing_since < ?
                order by missing_since, reference""", this::toEpisode, ts(from), ts(to));
    }

    int openCount(String caseId) {
        return jdbc.queryForObject(
                "select count(*) from pw_missing_episode where case_id = ? and status <> ?",
                Integer.class,
                caseId,
                MissingEpisode.CLOSED);
    }

    void updateRisk(String reference, String policeRisk) {
        jdbc.update("update pw_missing_episode set police_risk = ? where reference = ?", policeRisk, reference);
    }

    void meetingCalled(String reference, Instant at) {
        jdbc.update(
                "update pw_missing_episode set strategy_meeting_called_at = ? where reference = ? and strategy_meeting_called_at is null",
                ts(at),
                reference);
    }

    /** Records the return once: false if the episode was no longer missing. */
    boolean returned(String reference, Instant returnedAt, Instant interviewDue) {
        return jdbc.update(
                        """
                update pw_missing_episode set status = ?, returned_at = ?, rhi_due_at = ? where reference = ? and status = ?""",
                        MissingEpisode.RETURNED,
                        ts(returnedAt),
                        ts(interviewDue),
                        reference,
                        MissingEpisode.MISSING)
                == 1;
    }

    void interviewed(String reference, boolean offered, boolean accepted, boolean cseConcern, Instant at) {
        jdbc.update("""
                update pw_missing_episode set rhi_offered = ?, rhi_accepted = ?, cse_concern = ?, rhi_completed_at = ?
                where reference = ?""", offered, accepted, cseConcern, ts(at), reference);
    }

    void close(String reference, Instant at) {
        jdbc.update(
                "update pw_missing_episode set status = ?, closed_at = ? where reference = ? and status <> ?",
                MissingEpisode.CLOSED,
                ts(at),
                reference,
                MissingEpisode.CLOSED);
    }

    void linkReferral(String episodeReference, String referralReference, String reason, Instant at) {
        jdbc.update("""
                insert into pw_missing_referral (episode_reference, referral_reference, reason, linked_at) values (?, ?, ?, ?)""", episodeReference, referralReference, reason, ts(at));
    }

    private Map<String, List<MissingEpisode.LinkedReferral>> links(String reference) {
        Map<String, List<MissingEpisode.LinkedReferral>> links = new LinkedHashMap<>();
        jdbc.query(
                "select * from pw_missing_referral where episode_reference = ? order by linked_at, referral_reference",
                rs -> {
                    links.computeIfAbsent(rs.getString("episode_reference"), k -> new ArrayList<>())
                            .add(new MissingEpisode.LinkedReferral(
                                    rs.getString("referral_reference"),
                                    rs.getString("reason"),
                                    instant(rs, "linked_at")));
                },
                reference);
        return links;
    }

    private MissingEpisode toEpisode(ResultSet rs, int row) throws SQLException {
        String reference = rs.getString("reference");
        return new MissingEpisode(
                reference,
                rs.getString("case_id"),
                instant(rs, "reported_at"),
                rs.getString("source"),
                rs.getString("reported_by"),
                rs.getString("reporter_agency"),
                instant(rs, "missing_since"),
                rs.getString("police_reference"),
                rs.getString("police_risk"),
                rs.getString("episode_type"),
                rs.getString("placing_authority"),
                rs.getBoolean("out_of_area"),
                rs.getString("status"),
                instant(rs, "returned_at"),
                instant(rs, "strategy_meeting_called_at"),
                instant(rs, "rhi_due_at"),
                instant(rs, "rhi_completed_at"),
                (Boolean) rs.getObject("rhi_offered"),
                (Boolean) rs.getObject("rhi_accepted"),
                (Boolean) rs.getObject("cse_concern"),
                rs.getString("process_instance_id"),
                instant(rs, "closed_at"),
                links(reference).getOrDefault(reference, List.of()));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
