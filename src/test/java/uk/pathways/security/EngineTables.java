package uk.pathways.security;

import java.util.List;
import javax.sql.DataSource;
import uk.pathways.support.DatabaseScan;

/** Searches every table of the engine's (ACT_RU_*, ACT_HI_*, ACT_GE_*) for a text: where sensitive text must never be. */
final class EngineTables {

    private EngineTables() {}

    /** "TABLE.COLUMN" for every engine table column holding the text (byte columns as UTF-8). */
    static List<String> holding(DataSource dataSource, String text) {
        return DatabaseScan.holding(dataSource, DatabaseScan.ENGINE, text);
    }
}
