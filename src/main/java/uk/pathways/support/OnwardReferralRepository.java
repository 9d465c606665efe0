package uk.pathways.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for pw_onward_referral (V15__onward_referrals.sql). */
@Repository
class OnwardReferralRepository {

    private static final String COLUMNS =
            "id, case_id, reference, service, status, made_at, made_by, status_at, status_by";

    private final JdbcTemplate jdbc;

    OnwardReferralRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String caseId, String reference, String service, Instant at, String by, String taskId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement("""
                            insert into pw_onward_referral (case_id, reference, service, status, made_at, made_by,
                              made_task_id, status_at, status_by, status_task_id)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    statement.setString(1, caseId);
                    statement.setString(2, reference);
                    statement.setString(3, service);
                    statement.setString(4, OnwardReferral.MADE);
                    statement.setObject(5, ts(at));
                    statement.setString(6, by);
                    statement.setString(7, taskId);
                    statement.setObject(8, ts(at));
                    statement.setString(9, by);
                    statement.setString(10, taskId);
                    return statement;
                },
                keys);
        return keys.getKey().longValue();
    }

    void updateStatus(long id, String status, Instant at, String by, String taskId) {
        jdbc.update(
                "update pw_onward_referral set status = ?, status_at = ?, status_by = ?, status_task_id = ? where id = ?",
                status,
                ts(at),
                by,
                taskId,
                id);
    }

    Optional<OnwardReferral> find(long id) {
        return jdbc.query("select " + COLUMNS + " from pw_onward_referral where id = ?", this::map, id).stream()
                .findFirst();
    }

    List<OnwardReferral> ofCase(String caseId) {
        return jdbc.query(
                "select " + COLUMNS + " from pw_onward_referral where case_id = ? order by made_at, id",
                this::map,
                caseId);
    }

    private OnwardReferral map(ResultSet rs, int row) throws SQLException {
        return new OnwardReferral(
                rs.getLong("id"),
                rs.getString("case_id"),
                rs.getString("reference"),
                rs.getString("service"),
                rs.getString("status"),
                instant(rs, "made_at"),
                rs.getString("made_by"),
                instant(rs, "status_at"),
                rs.getString("status_by"));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
