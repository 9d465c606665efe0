package uk.pathways.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.h2.api.Trigger;

/**
 * H2's trigger refusing updates and deletes on pw_audit (PostgreSQL has its own, in plpgsql). Retention's two ways out
 * ({@link AuditRetention}) set the session variable {@code @PATHWAYS_AUDIT_FORGET} to {@code case:<id>} (an erased
 * case's rows, and the search rows that listed it) or {@code before:<instant>} (rows past the trail's retention); a
 * delete of any other row is refused.
 */
public class AppendOnlyTrigger implements Trigger {

    // pw_audit's columns in order: id, at, user_id, agency, action, door, case_id, resource, detail, reason
    private static final int AT = 1;
    private static final int ACTION = 4;
    private static final int CASE_ID = 6;
    private static final int DETAIL = 8;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null && oldRow != null && mayForget(forgetting(connection), oldRow)) {
            return;
        }
        throw new SQLException("pw_audit is append-only");
    }

    private static String forgetting(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select @PATHWAYS_AUDIT_FORGET")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static boolean mayForget(String forgetting, Object[] row) {
        if (forgetting == null || forgetting.isEmpty()) {
            return false;
        }
        if (forgetting.startsWith("case:")) {
            String caseId = forgetting.substring(5);
            if (caseId.equals(row[CASE_ID])) {
                return true;
            }
            return row[CASE_ID] == null
                    && AuditEntry.SEARCH.equals(row[ACTION])
                    && listed(caseId, (String) row[DETAIL]);
        }
        if (forgetting.startsWith("before:")) {
            return at(row[AT]).isBefore(Instant.parse(forgetting.substring(7)));
        }
        return false;
    }

    /** A search row's detail is "N found: CASE-..., CASE-..."; this finds one case among them (Java regex). */
    static String listing(String caseId) {
        return "(: |, )" + Pattern.quote(caseId) + "(,|$)";
    }

    static boolean listed(String caseId, String detail) {
        return detail != null
                && Pattern.compile(listing(caseId)).matcher(detail).find();
    }

    private static Instant at(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp time) {
            return time.toInstant();
        }
        throw new IllegalStateException("pw_audit.at is " + value);
    }
}
