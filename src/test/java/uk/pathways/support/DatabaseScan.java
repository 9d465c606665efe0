package uk.pathways.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Searches every column of every table whose name starts with one of the prefixes ({@code ACT_RU_}, {@code PW_}...)
 * (and views: a sealed audit trail is its view) for a value: text and byte columns (bytes read as UTF-8) for a text within them, date columns for a day. Where
 * something must never be, or must be no more.
 */
public final class DatabaseScan {

    public static final List<String> ENGINE = List.of("ACT_RU_", "ACT_HI_", "ACT_GE_");
    public static final List<String> EVERY_TABLE = List.of("ACT_", "PW_");

    private DatabaseScan() {}

    /** "TABLE.COLUMN" for every text or byte column of the tables holding the text. */
    public static List<String> holding(DataSource dataSource, List<String> prefixes, String text) {
        return scan(dataSource, prefixes, text, null);
    }

    /** "TABLE.COLUMN" for every date column holding the day, and every text column holding it as yyyy-mm-dd. */
    public static List<String> holding(DataSource dataSource, List<String> prefixes, LocalDate day) {
        return scan(dataSource, prefixes, day.toString(), day);
    }

    private static List<String> scan(DataSource dataSource, List<String> prefixes, String text, LocalDate day) {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    String upper = name.toUpperCase(Locale.ROOT);
                    String schema = rs.getString("TABLE_SCHEM");
                    if (prefixes.stream().anyMatch(upper::startsWith)
                            && !"INFORMATION_SCHEMA".equalsIgnoreCase(schema)
                            && !"pg_catalog".equalsIgnoreCase(schema)
                            // a sealed audit trail is read through its view public.pw_audit
                            && !"audit".equals(schema)) {
                        tables.add(new String[] {schema, name});
                    }
                }
            }
            for (String[] table : tables) {
                String qualified = (table[0] == null ? "" : "\"" + table[0] + "\".") + "\"" + table[1] + "\"";
                try (ResultSet columns = meta.getColumns(null, table[0], table[1], "%")) {
                    while (columns.next()) {
                        String column = columns.getString("COLUMN_NAME");
                        int type = columns.getInt("DATA_TYPE");
                        if (holds(connection, qualified, column, type, text, day)) {
                            found.add(table[1] + "." + column);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static boolean holds(
            Connection connection, String table, String column, int type, String text, LocalDate day)
            throws SQLException {
        if (day != null && type == Types.DATE) {
            try (PreparedStatement statement =
                    connection.prepareStatement("select count(*) from " + table + " where \"" + column + "\" = ?")) {
                statement.setObject(1, day);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() && rs.getInt(1) > 0;
                }
            }
        }
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
                        "select \"" + column + "\" from " + table + " where \"" + column + "\" is not null")) {
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
