package uk.pathways.security;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** Searches every table of the engine's (ACT_RU_*, ACT_HI_*, ACT_GE_*) for a text: where sensitive text must never be. */
final class EngineTables {

    private EngineTables() {}

    /** "TABLE.COLUMN" for every engine table column holding the text (byte columns as UTF-8). */
    static List<String> holding(DataSource dataSource, String text) {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    String upper = name.toUpperCase(Locale.ROOT);
                    if (upper.startsWith("ACT_RU_") || upper.startsWith("ACT_HI_") || upper.startsWith("ACT_GE_")) {
                        tables.add(name);
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet columns = meta.getColumns(null, null, table, "%")) {
                    while (columns.next()) {
                        String column = columns.getString("COLUMN_NAME");
                        int type = columns.getInt("DATA_TYPE");
                        if (holds(connection, table, column, type, text)) {
                            found.add(table + "." + column);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static boolean holds(Connection connection, String table, String column, int type, String text)
            throws SQLException {
        boolean character = type == Types.VARCHAR
                || type == Types.CHAR
                || type == Types.LONGVARCHAR
                || type == Types.CLOB
                || type == Types.NVARCHAR
                || type == Types.NCLOB;
        boolean bytes =
                type == Types.BLOB || type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY;
        if (!character && !bytes) {
            return false;
        }
        try (var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select " + column + " from " + table + " where " + column + " is not null")) {
            while (rows.next()) {
                String value = character ? rows.getString(1) : new String(rows.getBytes(1), StandardCharsets.UTF_8);
                if (value != null && value.contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
