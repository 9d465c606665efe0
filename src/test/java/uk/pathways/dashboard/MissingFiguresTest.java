package uk.pathways.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.pathways.dashboard.MissingFigures.Episode;
import uk.pathways.dashboard.MissingFigures.Timeliness;

/**
 * The missing-children figures. The missing pathway is not on main yet, so the return home interview and
 * repeat-missing computations are tested on plain values, and {@link TableMissingFigures} on a private H2
 * database holding a table shaped as the missing pathway's V3__missing_episodes.sql plans it.
 */
class MissingFiguresTest {

    private static final Instant RETURNED = Instant.parse("2027-04-05T09:00:00Z");
    private static final Duration CLOCK = MissingFigures.RHI_CLOCK;

    @Test
    void aReturnHomeInterviewAt71HoursIsInTimeAndAt73HoursIsLate() {
        Instant now = RETURNED.plus(Duration.ofDays(10));
        assertThat(MissingFigures.rhiTimeliness(RETURNED, RETURNED.plus(Duration.ofHours(71)), now, CLOCK))
                .isEqualTo(Timeliness.IN_TIME);
        assertThat(MissingFigures.rhiTimeliness(RETURNED, RETURNED.plus(Duration.ofHours(72)), now, CLOCK))
                .isEqualTo(Timeliness.IN_TIME);
        assertThat(MissingFigures.rhiTimeliness(RETURNED, RETURNED.plus(Duration.ofHours(73)), now, CLOCK))
                .isEqualTo(Timeliness.LATE);
    }

    @Test
    void anInterviewNotYetHeldIsPendingUntil72HoursThenLate() {
        assertThat(MissingFigures.rhiTimeliness(RETURNED, null, RETURNED.plus(Duration.ofHours(71)), CLOCK))
                .isEqualTo(Timeliness.PENDING);
        assertThat(MissingFigures.rhiTimeliness(RETURNED, null, RETURNED.plus(Duration.ofHours(73)), CLOCK))
                .isEqualTo(Timeliness.LATE);
    }

    @Test
    void aRepeatMissingChildHasAThirdEpisodeWithin90DaysInThePeriod() {
        Instant start = Instant.parse("2027-04-01T00:00:00Z");
        Instant end = Instant.parse("2027-07-01T00:00:00Z");
        List<Episode> episodes = List.of(
                // CASE-1: 2 Feb, 1 Mar, 20 Apr: the third is 77 days after the first and in the period
                new Episode("CASE-1", "Corby", Instant.parse("2027-02-02T20:00:00Z")),
                new Episode("CASE-1", "Corby", Instant.parse("2027-03-01T20:00:00Z")),
                new Episode("CASE-1", "Corby", Instant.parse("2027-04-20T20:00:00Z")),
                // CASE-2: three episodes, but the third is 91 days after the first
                new Episode("CASE-2", "Kettering", Instant.parse("2027-01-20T20:00:00Z")),
                new Episode("CASE-2", "Kettering", Instant.parse("2027-03-01T20:00:00Z")),
                new Episode("CASE-2", "Kettering", Instant.parse("2027-04-21T20:00:00Z")),
                // CASE-3: three within 90 days, all before the period
                new Episode("CASE-3", "Corby", Instant.parse("2027-01-05T20:00:00Z")),
                new Episode("CASE-3", "Corby", Instant.parse("2027-01-06T20:00:00Z")),
                new Episode("CASE-3", "Corby", Instant.parse("2027-01-07T20:00:00Z")));

        assertThat(MissingFigures.repeatMissingChildren(episodes, start, end))
                .containsOnlyKeys("CASE-1")
                .containsValue("Corby");
    }

    @Test
    void theTableReaderSaysNotAvailableUntilTheMissingTableExistsThenReadsIt() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:missing-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table pw_case (case_id varchar(20) primary key, district varchar(100))");
        jdbc.execute("create table pw_case_agency (case_id varchar(20), agency varchar(40))");
        TableMissingFigures figures = new TableMissingFigures(jdbc, dataSource);
        assertThat(figures.unavailableBecause()).get().asString().contains("not available");

        jdbc.execute("""
                create table pw_missing_episode (reference varchar(20) primary key, case_id varchar(20) not null,
                  missing_since timestamp with time zone not null, returned_at timestamp with time zone,
                  rhi_completed_at timestamp with time zone)""");
        jdbc.update("insert into pw_case values ('CASE-9', 'Corby')");
        jdbc.update(
                "insert into pw_missing_episode values ('MIS-1', 'CASE-9', ?, ?, ?)",
                ts("2027-04-05T01:00:00Z"),
                ts("2027-04-05T09:00:00Z"),
                ts("2027-04-08T08:00:00Z"));
        jdbc.update(
                "insert into pw_missing_episode values ('MIS-2', 'CASE-9', ?, ?, ?)",
                ts("2027-04-10T01:00:00Z"),
                ts("2027-04-10T09:00:00Z"),
                ts("2027-04-13T10:00:00Z"));

        assertThat(figures.unavailableBecause()).isEmpty();
        List<MissingFigures.ReturnInterview> returns = figures.returnsInPeriod(
                Instant.parse("2027-04-01T00:00:00Z"), Instant.parse("2027-05-01T00:00:00Z"), "Corby", null);
        assertThat(returns).hasSize(2);
        assertThat(returns.stream()
                        .map(r ->
                                MissingFigures.rhiTimeliness(r.returnedAt(), r.interviewedAt(), Instant.now(), CLOCK)))
                .as("71 hours, then 73 hours")
                .containsExactlyInAnyOrder(Timeliness.IN_TIME, Timeliness.LATE);
        assertThat(figures.episodes(
                        Instant.parse("2027-04-01T00:00:00Z"),
                        Instant.parse("2027-05-01T00:00:00Z"),
                        "Kettering",
                        null))
                .isEmpty();
    }

    private static java.time.OffsetDateTime ts(String instant) {
        return Instant.parse(instant).atOffset(java.time.ZoneOffset.UTC);
    }
}
