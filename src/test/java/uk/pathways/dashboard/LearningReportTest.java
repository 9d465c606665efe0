package uk.pathways.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.dashboard.generate.SyntheticHistory;
import uk.pathways.web.Pages;

/**
 * The quarterly learning report against a generated history (SyntheticHistory fills the screening's exploitation
 * type, the reason for no further action and the reviews): every figure equals what the case record holds, counted
 * here independently; the board reads it suppressed, the police exactly, another agency's worker not at all.
 */
@PathwaysTest
@org.junit.jupiter.api.Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningReportTest {

    static final Instant UNTIL = Instant.parse("2024-12-31T12:00:00Z");

    @Autowired
    SyntheticHistory generator;

    @Autowired
    LearningReport report;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebApplicationContext context;

    KpiPeriod quarter;

    @BeforeAll
    void generate() {
        try {
            SyntheticHistory.Result result = generator.generate(60, 2, UNTIL, 17);
            assertThat(result.stoppedEarly()).as("referrals whose walk failed").isZero();
        } finally {
            ClockUtil.reset();
        }
        // the quarter of the generated history with the most reviews done
        List<OffsetDateTime> reviewed = jdbc.queryForList("""
                select reviewed_at from pw_investigation_outcome
                where reviewed_at is not null and reviewed_at < ?""", OffsetDateTime.class, ts(UNTIL));
        Map<String, Integer> counts = new TreeMap<>();
        for (OffsetDateTime at : reviewed) {
            LocalDate day = at.atZoneSameInstant(uk.pathways.calendar.Now.UK).toLocalDate();
            counts.merge(day.getYear() + "-" + ((day.getMonthValue() - 1) / 3 + 1), 1, Integer::sum);
        }
        assertThat(counts)
                .as("the generated history has reviews after no further action")
                .isNotEmpty();
        String best = counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        quarter = KpiPeriod.quarter(best.substring(0, 4), best.substring(5));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theGeneratorRecordsTheExploitationTypeTheOutcomesAndTheReviews() {
        assertThat(jdbc.queryForList("""
                        select distinct d.exploitation_type from pw_decision d
                        where d.decided_by like 'gen-%' and d.kind = 'SCREENING'""", String.class))
                .contains("SEXUAL", "CRIMINAL", "BOTH")
                .doesNotContainNull();
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_investigation_outcome where outcome = 'NO_FURTHER_ACTION' and nfa_reason is null",
                        Long.class))
                .as("no further action always with its reason")
                .isZero();
        assertThat(jdbc.queryForObject("""
                        select count(*) from pw_investigation_outcome
                        where outcome = 'NO_FURTHER_ACTION' and review_process_instance_id is null""", Long.class))
                .as("every no further action started its review")
                .isZero();
        assertThat(jdbc.queryForObject("""
                        select count(*) from pw_investigation_outcome
                        where outcome <> 'NO_FURTHER_ACTION' and review_process_instance_id is not null""", Long.class)).as("nothing else did").isZero();
    }

    @Test
    void everyFigureIsWhatTheCaseRecordHolds() {
        Map<String, Object> figures = report.compute(quarter, Figures.exact());
        Instant from = quarter.start();
        Instant to = quarter.end();

        Map<String, Object> byOutcome = new LinkedHashMap<>();
        LearningReport.OUTCOMES.forEach(o -> byOutcome.put(o, 0L));
        jdbc.query(
                """
                select outcome, count(*) n from pw_investigation_outcome where concluded_at >= ? and concluded_at < ?
                group by outcome""",
                rs -> {
                    byOutcome.put(rs.getString("outcome"), rs.getLong("n"));
                },
                ts(from),
                ts(to));
        assertThat(figures.get("concludedByOutcome")).isEqualTo(byOutcome);
        assertThat(figures.get("investigationsConcluded"))
                .isEqualTo(byOutcome.values().stream().mapToLong(v -> (Long) v).sum());

        Map<String, Object> reasons = new LinkedHashMap<>();
        LearningReport.NFA_REASONS.forEach(r -> reasons.put(r, 0L));
        jdbc.query(
                """
                select nfa_reason, count(*) n from pw_investigation_outcome
                where outcome = 'NO_FURTHER_ACTION' and concluded_at >= ? and concluded_at < ? group by nfa_reason""",
                rs -> {
                    reasons.put(rs.getString("nfa_reason"), rs.getLong("n"));
                },
                ts(from),
                ts(to));
        assertThat(figures.get("noFurtherActionReasons")).isEqualTo(reasons);

        long done = jdbc.queryForObject(
                "select count(*) from pw_investigation_outcome where reviewed_at >= ? and reviewed_at < ?",
                Long.class,
                ts(from),
                ts(to));
        long late = jdbc.queryForObject("""
                select count(*) from pw_investigation_outcome
                where reviewed_at >= ? and reviewed_at < ? and reviewed_at > review_due""", Long.class, ts(from), ts(to));
        long overdue = jdbc.queryForObject("""
                select count(*) from pw_investigation_outcome
                where review_due < ? and (reviewed_at is null or reviewed_at > ?)""", Long.class, ts(to), ts(to));
        @SuppressWarnings("unchecked")
        Map<String, Object> reviews = (Map<String, Object>) figures.get("reviews");
        assertThat(done).isPositive();
        assertThat(reviews.get("done")).isEqualTo(done);
        @SuppressWarnings("unchecked")
        Map<String, Object> inTime = (Map<String, Object>) reviews.get("doneInTime");
        assertThat(inTime.get("met")).isEqualTo(done - late);
        assertThat(inTime.get("notMet")).isEqualTo(late);
        assertThat(reviews.get("overdueAtEnd")).isEqualTo(overdue);

        Map<String, Long> themes = new TreeMap<>();
        jdbc.queryForList(
                        "select learning_themes from pw_investigation_outcome where reviewed_at >= ? and reviewed_at < ?",
                        String.class,
                        ts(from),
                        ts(to))
                .forEach(t -> List.of(t.split(",")).forEach(code -> themes.merge(code, 1L, Long::sum)));
        assertThat(figures.get("learningThemes")).isEqualTo(new LinkedHashMap<>(themes));
        assertThat(figures.get("sharedLearning"))
                .asList()
                .hasSize((int) done)
                .allSatisfy(s -> assertThat(s.toString()).startsWith("Synthetic learning for the partnership"));
    }

    @Test
    void theBoardReadsItSuppressedThePoliceExactlyAndOthersNotAtAll() throws Exception {
        MockMvc mvc = Pages.mvc(context);
        String year = String.valueOf(quarter.from().getYear());
        String q = String.valueOf((quarter.from().getMonthValue() - 1) / 3 + 1);

        String board = read(mvc, "performance-reader", "/reports/learning?year=" + year + "&quarter=" + q, 200);
        assertThat(board).contains("Learning from investigations").contains("id=\"suppression-note\"");
        Map<String, Object> suppressed = report.compute(quarter, Figures.suppressed());
        assertThat(suppressed.get("smallNumbersSuppressed")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        Map<String, Object> outcomes = (Map<String, Object>) suppressed.get("concludedByOutcome");
        assertThat(outcomes.values())
                .as("no count from 1 to 4 is shown to the board")
                .noneMatch(v -> v instanceof Long n && n >= 1 && n <= 4);

        String police = read(mvc, "police-worker", "/reports/learning.csv?year=" + year + "&quarter=" + q, 200);
        assertThat(police)
                .startsWith(QuarterlyReport.HEADER)
                .contains("reviews.done,")
                .contains("concludedByOutcome.NO_FURTHER_ACTION,")
                .contains("sharedLearning.1,Synthetic learning for the partnership")
                .doesNotContain("fewer than 5");

        read(mvc, "education-worker", "/reports/learning?year=" + year + "&quarter=" + q, 403);
    }

    private static String read(MockMvc mvc, String user, String path, int status) throws Exception {
        MockHttpSession session = Pages.signIn(mvc, user);
        MvcResult result = mvc.perform(get(path).session(session)).andReturn();
        assertThat(result.getResponse().getStatus()).as("%s %s", user, path).isEqualTo(status);
        return result.getResponse().getContentAsString();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
