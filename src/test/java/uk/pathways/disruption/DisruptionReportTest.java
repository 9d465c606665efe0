package uk.pathways.disruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
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
 * The six-monthly disruption report against a generated history (SyntheticHistory makes register entries for some
 * generated children): April to September 2019, a half no other test writes in. Every figure the police see equals a
 * tally of the generated rows; the performance group sees the same with counts from 1 to 4 suppressed; the CSV carries
 * the same figures; anyone else is refused.
 */
@PathwaysTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisruptionReportTest {

    static final LocalDate FROM = LocalDate.of(2019, 4, 1);
    static final LocalDate TO = LocalDate.of(2019, 9, 30);

    @Autowired
    SyntheticHistory generator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebApplicationContext context;

    @Autowired
    ObjectMapper json;

    MockMvc mvc;

    SyntheticHistory.Result generated;

    @BeforeAll
    void generate() {
        mvc = Pages.mvc(context);
        if (jdbc.queryForObject(
                        "select count(*) from pw_disruption where served_on >= ? and served_on <= ?",
                        Integer.class,
                        Date.valueOf(FROM),
                        Date.valueOf(TO))
                == 0) {
            generated = generator.generate(14, 0.45, Instant.parse("2019-09-27T12:00:00Z"), 2019);
        }
        ClockUtil.reset();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theHistoryHasEntriesBreachesAndOutcomesInTheHalf() {
        if (generated != null) {
            assertThat(generated.stoppedEarly()).isZero();
            assertThat(generated.disruptions()).isGreaterThanOrEqualTo(5);
        }
        assertThat(rows("select tactic from pw_disruption where served_on >= ? and served_on <= ?"))
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_disruption_case c join pw_disruption d on d.disruption_id = c.disruption_id"
                                + " where d.served_on >= ? and d.served_on <= ?",
                        Integer.class,
                        Date.valueOf(FROM),
                        Date.valueOf(TO)))
                .as("each generated entry protects its child's case")
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void thePoliceSeeEveryFigureAsTheGeneratedRowsTallyIt() throws Exception {
        JsonNode report = api("police-worker");
        Map<String, Long> tactic =
                tally("select tactic as k from pw_disruption where served_on >= ? and served_on <= ?");
        Map<String, Long> district =
                tally("select district as k from pw_disruption where served_on >= ? and served_on <= ?");
        Map<String, Long> agency =
                tally("select served_by as k from pw_disruption where served_on >= ? and served_on <= ?");
        long served = tactic.values().stream().mapToLong(Long::longValue).sum();
        assertThat(report.path("from").asText()).isEqualTo("2019-04-01");
        assertThat(report.path("to").asText()).isEqualTo("2019-09-30");
        assertThat(report.at("/served/total").asLong()).isEqualTo(served);
        assertThat(cells(report.at("/served/byTactic"))).containsAllEntriesOf(tactic);
        assertThat(report.at("/served/byTactic").size())
                .as("every configured tactic, zero or not")
                .isEqualTo(7);
        assertThat(cells(report.at("/served/byDistrict"))).isEqualTo(district);
        assertThat(cells(report.at("/served/byAgency"))).isEqualTo(agency);

        Map<String, Long> breaches =
                tally("select d.tactic as k from pw_disruption_breach b join pw_disruption d on d.disruption_id ="
                        + " b.disruption_id where b.breached_on >= ? and b.breached_on <= ?");
        assertThat(report.at("/breaches/total").asLong())
                .isEqualTo(breaches.values().stream().mapToLong(Long::longValue).sum());
        assertThat(cells(report.at("/breaches/byTactic"))).containsAllEntriesOf(breaches);

        Map<String, Long> outcomes =
                tally("select outcome as k from pw_disruption where outcome_on >= ? and outcome_on <= ?");
        assertThat(report.at("/ended/total").asLong())
                .isEqualTo(outcomes.values().stream().mapToLong(Long::longValue).sum());
        assertThat(cells(report.at("/ended/byOutcome"))).containsAllEntriesOf(outcomes);
    }

    @Test
    void thePerformanceGroupSeesSmallNumbersSuppressedAndNobodyElseSeesTheReport() throws Exception {
        JsonNode exact = api("police-manager");
        JsonNode board = api("performance-reader");
        for (String path : List.of("/served/byTactic", "/served/byDistrict", "/served/byAgency", "/ended/byOutcome")) {
            JsonNode e = exact.at(path);
            JsonNode b = board.at(path);
            e.fieldNames().forEachRemaining(k -> {
                long n = e.path(k).asLong();
                if (n >= 1 && n <= 4) {
                    assertThat(b.path(k).asText()).as(path + " " + k).isEqualTo("fewer than 5");
                } else if (b.path(k).isNumber()) {
                    assertThat(b.path(k).asLong()).isEqualTo(n);
                } else {
                    assertThat(b.path(k).asText()).isEqualTo("suppressed");
                }
            });
        }
        assertThat(board.toString()).doesNotContain("Synthetic subject").doesNotContain("SUB-");

        for (String user : List.of("health-worker", "childrens-services-manager", "mash-worker")) {
            MvcResult refused = mvc.perform(
                            get("/api/disruptions/report?year=2019&half=1").with(httpBasic(user, Pages.PASSWORD)))
                    .andReturn();
            assertThat(refused.getResponse().getStatus()).as(user).isEqualTo(403);
        }
        MvcResult bad = mvc.perform(get("/api/disruptions/report?year=2019&half=3")
                        .with(httpBasic("police-worker", Pages.PASSWORD)))
                .andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("\"field\":\"half\"");
    }

    @Test
    void theCsvAndThePageCarryTheSameFigures() throws Exception {
        JsonNode report = api("police-worker");
        MockHttpSession police = Pages.signIn(mvc, "police-worker");
        MvcResult csv = mvc.perform(
                        get("/reports/disruption.csv?year=2019&half=1").session(police))
                .andReturn();
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("pathways-disruption-2019-h1.csv");
        String text = csv.getResponse().getContentAsString();
        assertThat(text).startsWith("measure,category,value\r\n");
        assertThat(text).contains("period,from,2019-04-01\r\n");
        assertThat(text).contains("served.total,," + report.at("/served/total").asLong() + "\r\n");
        assertThat(text)
                .contains("served.byTactic,CAWN,"
                        + report.at("/served/byTactic/CAWN").asLong() + "\r\n");
        assertThat(text).contains("ended.total,," + report.at("/ended/total").asLong() + "\r\n");

        MockHttpSession board = Pages.signIn(mvc, "performance-reader");
        MvcResult page = mvc.perform(get("/reports/disruption?year=2019&half=1").session(board))
                .andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("Six-monthly disruption report");
        assertThat(html).contains("2019/20, April to September 2019");
        assertThat(html).contains("id=\"suppression-note\"");
        assertThat(html).contains("Child abduction warning notice");
        assertThat(html).doesNotContain("Synthetic subject");

        MockHttpSession health = Pages.signIn(mvc, "health-worker");
        assertThat(mvc.perform(get("/reports/disruption").session(health))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        MvcResult dashboards = mvc.perform(get("/dashboards").session(board)).andReturn();
        assertThat(dashboards.getResponse().getContentAsString())
                .as("the report is on the board's pages")
                .contains("href=\"/reports/disruption\"");
    }

    private JsonNode api(String user) throws Exception {
        MvcResult result = mvc.perform(
                        get("/api/disruptions/report?year=2019&half=1").with(httpBasic(user, Pages.PASSWORD)))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private List<String> rows(String sql) {
        return jdbc.queryForList(sql, String.class, Date.valueOf(FROM), Date.valueOf(TO));
    }

    private Map<String, Long> tally(String sql) {
        Map<String, Long> tally = new TreeMap<>();
        for (String k : rows(sql)) {
            tally.merge(k == null ? "No district" : k, 1L, Long::sum);
        }
        return tally;
    }

    private static Map<String, Long> cells(JsonNode node) {
        Map<String, Long> cells = new HashMap<>();
        node.fieldNames().forEachRemaining(k -> {
            if (node.path(k).asLong() != 0) {
                cells.put(k, node.path(k).asLong());
            }
        });
        return new TreeMap<>(cells);
    }
}
