package uk.pathways.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.dashboard.generate.SyntheticHistory;
import uk.pathways.web.Pages;

/**
 * The problem profile over a generated history (made-up children walked through the real pathways, with subjects of
 * concern, links and exploitation types): its figures against the tables they come from, the board's suppression,
 * who may read it, its CSV and its map.
 */
@PathwaysTest
class ProblemProfileTest {

    private static final String PASSWORD = "Demo!Password1";
    /** A window no other test writes in: the twelve months to June 2019. */
    private static final String TO = "2019-06";

    private static final Instant START =
            java.time.LocalDate.parse("2018-07-01").atStartOfDay(Now.UK).toInstant();
    private static final Instant END =
            java.time.LocalDate.parse("2019-07-01").atStartOfDay(Now.UK).toInstant();
    private static boolean generated;

    @Autowired
    WebApplicationContext context;

    @Autowired
    SyntheticHistory generator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    MockMvc mvc;

    @BeforeEach
    void history() {
        mvc = Pages.mvc(context);
        if (!generated) {
            SyntheticHistory.Result result = generator.generate(16, 0.9, Instant.parse("2019-06-28T12:00:00Z"), 1717);
            assertThat(result.stoppedEarly()).isZero();
            generated = true;
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private JsonNode profile(String user) throws Exception {
        return json.readTree(mvc.perform(get("/api/profile").param("to", TO).with(httpBasic(user, PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private Map<String, Long> countBy(String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(
                sql,
                (java.sql.ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                },
                Timestamp.from(START),
                Timestamp.from(END));
        return counts;
    }

    private static Map<String, Long> nonZero(JsonNode node) {
        Map<String, Long> out = new HashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().asLong() != 0) {
                out.put(e.getKey(), e.getValue().asLong());
            }
        });
        return out;
    }

    @Test
    void thePoliceSeeTheFiguresOfTheGeneratedHistoryExactly() throws Exception {
        JsonNode p = profile("police-worker");

        assertThat(p.at("/from").asText()).isEqualTo("2018-07-01");
        assertThat(p.at("/to").asText()).isEqualTo("2019-06-30");
        assertThat(p.at("/smallNumbersSuppressed").asBoolean()).isFalse();
        long referrals = jdbc.queryForObject(
                "select count(*) from pw_referral where received_at >= ? and received_at < ?",
                Long.class,
                Timestamp.from(START),
                Timestamp.from(END));
        assertThat(referrals).isGreaterThanOrEqualTo(16);
        assertThat(p.at("/totals/referrals").asLong()).isEqualTo(referrals);

        // where: children by district, each child once
        assertThat(nonZero(p.at("/where/childrenByDistrict"))).isEqualTo(countBy("""
                        select c.district, count(distinct c.case_id) from pw_case c where exists (select 1 from pw_referral r
                          where r.case_id = c.case_id and r.received_at >= ? and r.received_at < ?) group by c.district"""));
        // locations of concern linked to cases in the twelve months, by kind of place and by district
        String linked = """
                from pw_subject s where s.kind = 'LOCATION' and exists (select 1 from pw_subject_link l
                  where l.subject_id = s.subject_id and l.case_id is not null and l.recorded_at >= ? and l.recorded_at < ?)""";
        Map<String, Long> byCategory = countBy("select s.category, count(*) " + linked + " group by s.category");
        assertThat(byCategory).as("the generator links locations to cases").isNotEmpty();
        assertThat(nonZero(p.at("/where/locationsByCategory"))).isEqualTo(byCategory);
        assertThat(nonZero(p.at("/where/locationsByDistrict")))
                .isEqualTo(countBy("select s.district, count(*) " + linked + " group by s.district"));

        // who: subjects recorded in the twelve months by kind
        assertThat(nonZero(p.at("/who/newSubjectsByKind")))
                .isEqualTo(
                        countBy(
                                "select kind, count(*) from pw_subject where recorded_at >= ? and recorded_at < ? group by kind"));
        long children = p.at("/totals/children").asLong();
        assertThat(sum(p.at("/who/childrenByAgeBand"))).isEqualTo(children);
        assertThat(sum(p.at("/who/childrenByGender"))).isEqualTo(children);
        assertThat(sum(p.at("/who/childrenLookedAfter"))).isEqualTo(children);

        // when: twelve months, every referral in one of them
        assertThat(p.at("/when/referralsByMonth").size()).isEqualTo(12);
        assertThat(p.at("/when/referralsByMonth/2018-07").isNumber()).isTrue();
        assertThat(sum(p.at("/when/referralsByMonth"))).isEqualTo(referrals);
        assertThat(sum(p.at("/when/newSubjectsByMonth")))
                .isEqualTo(p.at("/totals/newSubjects").asLong());

        // how: the exploitation type of each screening, "not recorded" where it is null
        Map<String, Long> types = countBy("""
                select coalesce(exploitation_type, 'NOT_RECORDED'), count(*) from pw_decision
                where kind = 'SCREENING' and decided_at >= ? and decided_at < ? group by coalesce(exploitation_type, 'NOT_RECORDED')""");
        assertThat(types.keySet())
                .as("the generator records exploitation types")
                .containsAnyOf("SEXUAL", "CRIMINAL");
        assertThat(nonZero(p.at("/how/exploitationTypeAtScreening"))).isEqualTo(types);
        assertThat(p.at("/how/exploitationTypeAtScreening").fieldNames())
                .toIterable()
                .containsExactly("SEXUAL", "CRIMINAL", "BOTH", "NOT_RECORDED");

        // the map: each linked location by name, with its cases
        JsonNode locations = p.at("/locations");
        assertThat(locations.size())
                .isEqualTo(p.at("/totals/locationsLinkedToCases").asLong());
        assertThat(locations.get(0).get("name").asText()).startsWith("Synthetic ");
        assertThat(locations.get(0).get("subjectId").asText()).matches("SUB-\\d{6}");
    }

    @Test
    void theBoardSeesSmallNumbersSuppressedAndNoNameOrPoliceOnlyPlace() throws Exception {
        JsonNode police = profile("police-manager");
        JsonNode board = profile("performance-reader");
        String boardText = board.toString();

        assertThat(board.at("/smallNumbersSuppressed").asBoolean()).isTrue();
        assertThat(boardText)
                .contains(Figures.FEWER_THAN_5)
                .doesNotContain("Synthetic")
                .doesNotContain("SUB-");
        for (String path : List.of(
                "/where/childrenByDistrict", "/where/locationsByCategory", "/how/exploitationTypeAtScreening")) {
            police.at(path).fields().forEachRemaining(e -> {
                long n = e.getValue().asLong();
                String shown = board.at(path).get(e.getKey()).asText();
                if (n == 0) {
                    assertThat(shown).isEqualTo("0");
                } else if (n <= 4) {
                    assertThat(shown).as(path + "/" + e.getKey()).isEqualTo(Figures.FEWER_THAN_5);
                } else {
                    assertThat(shown).isIn(String.valueOf(n), Figures.SUPPRESSED);
                }
            });
        }
        long placedNotPoliceOnly = jdbc.queryForObject("""
                select count(*) from pw_subject s where s.kind = 'LOCATION' and s.police_only = false
                  and s.latitude is not null and exists (select 1 from pw_subject_link l where l.subject_id = s.subject_id
                  and l.case_id is not null and l.recorded_at >= ? and l.recorded_at < ?)""", Long.class, Timestamp.from(START), Timestamp.from(END));
        assertThat(board.at("/locations").size()).isBetween(1, (int) placedNotPoliceOnly);
        board.at("/locations").forEach(area -> {
            assertThat(area.get("name").asText()).startsWith("Area around ");
            // rounded to two decimals (about a kilometre): 52.10 is written 52.1
            assertThat(area.get("latitude").decimalValue().stripTrailingZeros().scale())
                    .isLessThanOrEqualTo(2);
            assertThat(area.get("longitude").decimalValue().stripTrailingZeros().scale())
                    .isLessThanOrEqualTo(2);
        });
    }

    @Test
    void otherAgenciesAreRefusedAtEveryDoorAndBadMonthsNamed() throws Exception {
        for (String user : List.of("health-manager", "rise-worker", "childrens-services-manager", "admin")) {
            mvc.perform(get("/api/profile").param("to", TO).with(httpBasic(user, PASSWORD)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            mvc.perform(get("/api/reports/problem-profile").param("to", TO).with(httpBasic(user, PASSWORD)))
                    .andExpect(status().isForbidden());
            MockHttpSession session = Pages.signIn(mvc, user);
            mvc.perform(get("/reports/problem-profile").session(session)).andExpect(status().isForbidden());
            mvc.perform(get("/reports/problem-profile.csv").session(session)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/profile")).andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject(
                        "select count(*) from pw_audit where user_id = 'health-manager' and resource = ? and action = 'ACCESS_REFUSED'",
                        Long.class,
                        ProfileAccess.RESOURCE))
                .isGreaterThanOrEqualTo(4);

        mvc.perform(get("/api/profile").param("to", "2019-13").with(httpBasic("police-worker", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        String page = page("police-worker", "/reports/problem-profile?to=June");
        assertThat(page)
                .contains("govuk-error-summary")
                .contains("href=\"#to\"")
                .doesNotContain("id=\"profile-map\"");
    }

    @Test
    void thePagesShowEachChartWithItsTableTheMapWithItsTableAndTheCsv() throws Exception {
        String police = page("police-worker", "/reports/problem-profile?to=" + TO);
        assertThat(police)
                .contains("<h1 class=\"govuk-heading-l\">Problem profile</h1>")
                .contains("1 July 2018")
                .contains("30 June 2019")
                .contains("id=\"chart-profile-childrenByDistrict\"")
                .contains("id=\"chart-profile-exploitationTypeAtScreening\"")
                .contains("id=\"chart-profile-referralsByMonth\"")
                .contains("<svg id=\"profile-map\" aria-hidden=\"true\"")
                .contains("<circle")
                .contains("id=\"table-profile-map\"")
                .contains(">Synthetic ")
                .doesNotContain("Synthetic Person")
                .doesNotContain("<image")
                .contains("href=\"/reports/problem-profile.csv?to=2019-06\"")
                .doesNotContain("id=\"suppression-note\"");
        assertThat(page("police-worker", "/")).contains("href=\"/reports/problem-profile\"");
        assertThat(page("performance-reader", "/")).contains("href=\"/reports/problem-profile\"");

        String board = page("performance-reader", "/reports/problem-profile?to=" + TO);
        assertThat(board)
                .contains("id=\"suppression-note\"")
                .contains(Figures.FEWER_THAN_5)
                .contains("Area (latitude, longitude)")
                .doesNotContain("Synthetic");
        assertThat(page("health-manager", "/")).doesNotContain("/reports/problem-profile");

        MockHttpSession session = Pages.signIn(mvc, "performance-reader");
        String csv = mvc.perform(get("/reports/problem-profile.csv?to=" + TO).session(session))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).startsWith(ProfilePages.CSV_HEADER + "\r\n");
        assertThat(csv).contains("how.exploitationTypeAtScreening.NOT_RECORDED,");
        assertThat(csv).contains(",2018-07-01,2019-06-30\r\n").doesNotContain("Synthetic");

        JsonNode exact = profile("police-manager");
        String policeCsv = mvc.perform(
                        get("/api/reports/problem-profile").param("to", TO).with(httpBasic("police-manager", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(policeCsv)
                .contains("totals.referrals," + exact.at("/totals/referrals").asLong() + ",2018-07-01,2019-06-30");
    }

    private String page(String user, String path) throws Exception {
        MockHttpSession session = Pages.signIn(mvc, user);
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static long sum(JsonNode node) {
        long total = 0;
        for (JsonNode n : node) {
            total += n.asLong();
        }
        return total;
    }
}
