package uk.pathways.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.pathways.PathwaysTest;
import uk.pathways.dashboard.generate.SyntheticHistory;

/**
 * The synthetic history records subjects of concern too (issue 17), as the generated police worker, on cases the
 * police are involved in: locations shared by several children, persons police-only, all labels synthetic; so the
 * panel's agenda and the problem profile can be checked against a generated history.
 */
@PathwaysTest
class SyntheticSubjectsTest {

    @Autowired
    SyntheticHistory generator;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aGeneratedHistoryHasSubjectsLinkedToItsChildren() {
        Instant until = Instant.parse("2025-03-01T12:00:00Z");
        SyntheticHistory.Result result = generator.generate(40, 1, until, 17);
        assertThat(result.stoppedEarly()).isZero();

        List<Map<String, Object>> made = jdbc.queryForList(
                "select subject_id, kind, label, police_only, recorded_at from pw_subject where recorded_by = ?"
                        + " and recorded_at <= ?",
                "gen-police-worker",
                until.atOffset(java.time.ZoneOffset.UTC));
        assertThat(made).as("subjects the generated police recorded").isNotEmpty();
        assertThat(made).allSatisfy(s -> {
            assertThat(s.get("LABEL").toString()).matches("(Synthetic .*|SY\\d\\dG[A-Z]{2})");
            assertThat(s.get("POLICE_ONLY")).isEqualTo("PERSON".equals(s.get("KIND")));
        });
        Integer links = jdbc.queryForObject(
                "select count(*) from pw_subject_link l join pw_subject s on s.subject_id = l.subject_id"
                        + " where s.recorded_by = 'gen-police-worker' and l.case_id is not null"
                        + " and s.recorded_at <= ?",
                Integer.class,
                until.atOffset(java.time.ZoneOffset.UTC));
        assertThat(links).as("each subject linked to at least its child's case").isGreaterThanOrEqualTo(made.size());
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_subject_link l join pw_case c on c.case_id = l.case_id"
                                + " where l.recorded_by = 'gen-police-worker' and c.last_name not like 'Testchild-%'",
                        Integer.class))
                .as("only generated children")
                .isZero();
    }
}
