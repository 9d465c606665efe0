package uk.pathways.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's trigger refusing updates and deletes on pw_audit (PostgreSQL has its own, in plpgsql). */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("pw_audit is append-only");
    }
}
