package uk.pathways.dashboard;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Whether another module's table exists yet (the missing episodes, the notification outbox). */
final class SchemaProbe {

    private SchemaProbe() {}

    static boolean tableExists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection()) {
            for (String name : List.of(table, table.toUpperCase(), table.toLowerCase())) {
                try (ResultSet rs = connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            return false;
        }
    }
}
