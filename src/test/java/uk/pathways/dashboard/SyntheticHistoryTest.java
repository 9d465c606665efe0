package uk.pathways.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.pathways.PathwaysTest;
import uk.pathways.dashboard.generate.SyntheticHistory;

/** The synthetic-data generator walks made-up children through the real pathways without a fault. */
@PathwaysTest
class SyntheticHistoryTest {

    @Autowired
    SyntheticHistory generator;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void tenMadeUpReferralsWalkThroughThePathways() {
        long before = jdbc.queryForObject("select count(*) from pw_referral", Long.class);

        SyntheticHistory.Result result = generator.generate(10, 0.5, Instant.parse("2026-06-01T12:00:00Z"), 7);

        assertThat(result.stoppedEarly()).as("referrals whose walk failed").isZero();
        assertThat(result.referrals()).isEqualTo(10);
        assertThat(result.tasksCompleted()).isGreaterThanOrEqualTo(10);
        List<String> names = jdbc.queryForList(
                """
                select c.last_name from pw_referral r join pw_case c on c.case_id = r.case_id
                where r.created_by like 'gen-%' and r.received_at >= ? and r.received_at < ?""",
                String.class,
                java.time.OffsetDateTime.parse("2025-11-30T00:00:00Z"),
                java.time.OffsetDateTime.parse("2026-06-01T12:00:00Z"));
        assertThat(names).hasSizeGreaterThanOrEqualTo(10).allMatch(n -> n.startsWith("Testchild-"));
        assertThat(jdbc.queryForObject("select count(*) from pw_referral", Long.class))
                .isEqualTo(before + 10);
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_decision where decided_by like 'gen-%' and kind = 'SCREENING'",
                        Long.class))
                .as("screenings made by generated MASH workers")
                .isGreaterThanOrEqualTo(8);
    }
}
