package uk.pathways.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The default {@link MissingFigures}: reads the missing pathway's table {@code pw_missing_episode}
 * (its migration V3__missing_episodes.sql) when it exists, and answers "not available" until then.
 * It needs these columns: case_id, missing_since, returned_at, rhi_completed_at (the return home
 * interview held, or declined by the child, as recorded by the return-home-interview task).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class TableMissingFigures implements MissingFigures {

    static final String TABLE = "pw_missing_episode";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    TableMissingFigures(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public Optional<String> unavailableBecause() {
        return tableExists()
                ? Optional.empty()
                : Optional.of("not available: the missing-episode pathway (table " + TABLE + ") is not installed yet");
    }

    @Override
    public List<ReturnInterview> returnsInPeriod(Instant start, Instant end, String district, String agency) {
        List<Object> args = new ArrayList<>(List.of(ts(start), ts(end)));
        return jdbc.query(
                "select e.case_id, e.returned_at, e.rhi_completed_at from " + TABLE
                        + " e join pw_case c on c.case_id = e.case_id"
                        + " where e.returned_at >= ? and e.returned_at < ?"
                        + KpiRepository.caseFilter("c", district, agency, args),
                (rs, i) -> new ReturnInterview(rs.getString(1), instant(rs, 2), instant(rs, 3)),
                args.toArray());
    }

    @Override
    public List<Episode> episodes(Instant start, Instant end, String district, String agency) {
        List<Object> args = new ArrayList<>(List.of(ts(start), ts(end)));
        return jdbc.query(
                "select e.case_id, c.district, e.missing_since from " + TABLE
                        + " e join pw_case c on c.case_id = e.case_id"
                        + " where e.missing_since >= ? and e.missing_since < ?"
                        + KpiRepository.caseFilter("c", district, agency, args),
                (rs, i) -> new Episode(rs.getString(1), rs.getString(2), instant(rs, 3)),
                args.toArray());
    }

    private volatile boolean exists;

    private boolean tableExists() {
        if (exists) {
            return true;
        }
        exists = SchemaProbe.tableExists(dataSource, TABLE);
        return exists;
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
