package uk.pathways.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import uk.pathways.PathwaysTest;

/** GET /api/kpis over the hand-built {@link History}: each KPI, and who sees what. */
@PathwaysTest
@AutoConfigureMockMvc
class KpiApiTest {

    private static final String PASSWORD = "Demo!Password1";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    History history;

    @BeforeEach
    void history() {
        history.build();
        history.now();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private JsonNode kpis(String user) throws Exception {
        return kpis(user, History.DISTRICT);
    }

    private JsonNode kpis(String user, String district) throws Exception {
        String body = mvc.perform(get("/api/kpis")
                        .param("from", History.FROM.toString())
                        .param("to", History.TO.toString())
                        .param("district", district)
                        .with(httpBasic(user, PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    @Test
    void openCasesByStageAndRiskCountTheCasesOpenNow() throws Exception {
        JsonNode k = kpis("police-manager");

        assertThat(k.get("openCasesByStage").toString()).isEqualTo("{\"SCREENING\":1,\"SUPPORT\":1}");
        assertThat(k.get("openCasesByRisk").toString()).isEqualTo("{\"HIGH\":1,\"NOT_YET_SCREENED\":1}");
    }

    @Test
    void referralsByMonthByReferringAgencyAndDistrict() throws Exception {
        JsonNode months = kpis("police-manager").get("referralsByMonth");

        assertThat(months.get("2027-03").get("total").asLong()).isEqualTo(2);
        assertThat(months.get("2027-03").get("byReferringAgency").toString()).isEqualTo("{\"education\":2}");
        assertThat(months.get("2027-04").get("byReferringAgency").toString()).isEqualTo("{\"health\":1,\"police\":1}");
        assertThat(months.get("2027-04").get("byDistrict").get(History.DISTRICT).asLong())
                .isEqualTo(2);
    }

    @Test
    void screeningOnTheNextWorkingDayAfterEasterIsInTimeAndOneHourLaterIsNot() throws Exception {
        JsonNode screening = kpis("police-manager").get("screeningWithinOneWorkingDayPercent");

        // A (Tue 09:00 after Easter) and C in time; B (Tue 11:00, due 10:00) late; D not due yet
        assertThat(screening.get("met").asLong()).isEqualTo(2);
        assertThat(screening.get("notMet").asLong()).isEqualTo(1);
        assertThat(screening.get("pending").asLong()).isEqualTo(1);
        assertThat(screening.get("percent").asDouble()).isEqualTo(66.7);
    }

    @Test
    void strategyMeetingsInTimeByTheirClock() throws Exception {
        JsonNode meetings = kpis("police-manager").get("strategyMeetingsInTimePercent");

        assertThat(meetings.get("met").asLong()).isEqualTo(1);
        assertThat(meetings.get("total").asLong()).isEqualTo(2);
        assertThat(meetings.get("percent").asDouble()).isEqualTo(50.0);
        assertThat(meetings.at("/byPathway/URGENT_STRATEGY_MEETING/met").asLong())
                .as("B: held within 1 working day")
                .isEqualTo(1);
        assertThat(meetings.at("/byPathway/STRATEGY_MEETING/notMet").asLong())
                .as("C: held after 3 working days")
                .isEqualTo(1);
    }

    @Test
    void escalationsOverdueTasksRiskAndClosures() throws Exception {
        JsonNode k = kpis("police-manager");

        assertThat(k.get("escalationsByAgency").toString()).isEqualTo("{\"mash\":1}");
        // B's outreach contact was due 10 working days after the meeting (14 April); nothing else is late
        assertThat(k.get("overdueTasksByAgency").toString()).isEqualTo("{\"rise\":1}");
        assertThat(k.get("riskLevelsAtScreening").toString()).isEqualTo("{\"HIGH\":1,\"MEDIUM\":1,\"NONE\":1}");
        assertThat(k.at("/closuresByReason/UNIVERSAL").asLong()).isEqualTo(1);
        assertThat(k.at("/closuresByReason/NO_FURTHER_ACTION").asLong()).isEqualTo(1);
        assertThat(k.at("/closuresByReason/CLOSED").isMissingNode()).isTrue();
    }

    @Test
    void disruptionRiseCaseloadAndOutcomeWheels() throws Exception {
        JsonNode k = kpis("police-manager");

        assertThat(k.at("/disruptionActivity/policeInvestigationUpdates").asLong())
                .isEqualTo(1);
        assertThat(k.at("/disruptionActivity/childrenWithDisruptionActivity").asLong())
                .isEqualTo(1);
        assertThat(k.at("/disruptionActivity/byActivity").toString()).isEqualTo("{\"ARREST\":1,\"SEARCH_WARRANT\":1}");
        assertThat(k.at("/riseCaseload/childrenSupportedNow").asLong()).isEqualTo(1);
        assertThat(k.at("/riseCaseload/bySupportWorkerNow").toString()).isEqualTo("{\"rise-worker\":1}");
        assertThat(k.at("/riseCaseload/acceptedInPeriod").asLong()).isEqualTo(1);
        JsonNode wheels = k.get("outcomeWheelChange");
        assertThat(wheels.get("childrenWithTwoOrMoreWheels").asLong()).isEqualTo(1);
        assertThat(wheels.at("/change/improved").asLong()).isEqualTo(1);
        assertThat(wheels.get("averageFirstScore").asDouble()).isEqualTo(18.0);
        assertThat(wheels.get("averageLatestScore").asDouble()).isEqualTo(30.0);
        assertThat(wheels.get("averageChange").asDouble()).isEqualTo(12.0);
    }

    @Test
    void problemProfileByDistrict() throws Exception {
        JsonNode district =
                kpis("police-manager").get("problemProfileByDistrict").get(History.DISTRICT);

        assertThat(district.get("referrals").asLong()).isEqualTo(4);
        assertThat(district.get("screenedMediumOrHighRisk").asLong()).isEqualTo(2);
        assertThat(district.get("strategyMeetingsHeld").asLong()).isEqualTo(2);
        assertThat(district.get("openCasesNow").asLong()).isEqualTo(2);
        assertThat(district.get("commonestIndicatorsAtScreening").toString())
                .isEqualTo("{\"CONTROLLED_BY_OTHERS\":1,\"OLDER_PARTNER\":1,\"UNEXPLAINED_GIFTS\":1}");
    }

    @Test
    void returnHomeInterviewsAt71HoursAreInTimeAndAt73HoursLate() throws Exception {
        JsonNode k = kpis("police-manager", History.MISSING_DISTRICT);

        JsonNode rhi = k.get("rhiWithin72HoursPercent");
        assertThat(rhi.get("met").asLong()).as("E: 71 hours").isEqualTo(1);
        assertThat(rhi.get("notMet").asLong()).as("F: 73 hours").isEqualTo(1);
        assertThat(rhi.get("pending").asLong()).isZero();
        assertThat(rhi.get("percent").asDouble()).isEqualTo(50.0);
    }

    @Test
    void aThirdEpisodeWithin90DaysMakesARepeatMissingChild() throws Exception {
        JsonNode k = kpis("police-manager", History.MISSING_DISTRICT);

        assertThat(k.at("/repeatMissingChildren/children").asLong()).as("G").isEqualTo(1);
        assertThat(k.at("/repeatMissingChildren/byDistrict/" + History.MISSING_DISTRICT)
                        .asLong())
                .isEqualTo(1);
        assertThat(k.at("/problemProfileByDistrict/" + History.MISSING_DISTRICT + "/missingEpisodes")
                        .asLong())
                .as("E, F and G's third episode started in the period")
                .isEqualTo(3);
        assertThat(kpis("performance-reader", History.MISSING_DISTRICT)
                        .at("/repeatMissingChildren/children")
                        .asText())
                .isEqualTo("fewer than 5");
    }

    @Test
    void theBoardSeesSmallNumbersSuppressedAndManagersSeeThemExactly() throws Exception {
        JsonNode board = kpis("performance-reader");
        JsonNode manager = kpis("rise-manager");

        assertThat(board.get("smallNumbersSuppressed").asBoolean()).isTrue();
        assertThat(board.at("/referralsByMonth/2027-03/total").asText()).isEqualTo("fewer than 5");
        assertThat(board.at("/openCasesByStage/SUPPORT").asText()).isEqualTo("fewer than 5");
        assertThat(board.at("/screeningWithinOneWorkingDayPercent/percent").asText())
                .isEqualTo("suppressed");
        assertThat(board.at("/screeningWithinOneWorkingDayPercent/met").asText())
                .isEqualTo("fewer than 5");
        assertThat(board.at("/riseCaseload/bySupportWorkerNow/rise-worker").asText())
                .isEqualTo("fewer than 5");
        assertThat(board.at("/outcomeWheelChange/averageChange").asText()).isEqualTo("suppressed");
        assertThat(board.at("/closuresByReason/afterSupportByClosureReason").toString())
                .isEqualTo("{}");
        assertThat(board.toString())
                .doesNotContain(History.class.getSimpleName())
                .doesNotContain("Testchild");

        assertThat(manager.get("smallNumbersSuppressed").asBoolean()).isFalse();
        assertThat(manager.at("/referralsByMonth/2027-03/total").asLong()).isEqualTo(2);
        assertThat(manager.at("/screeningWithinOneWorkingDayPercent/percent").asDouble())
                .isEqualTo(66.7);
    }

    @Test
    void aWorkerIsRefusedAndSoIsNobody() throws Exception {
        mvc.perform(get("/api/kpis")
                        .param("from", "2027-03-01")
                        .param("to", "2027-04-30")
                        .with(httpBasic("police-worker", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/kpis").param("from", "2027-03-01").param("to", "2027-04-30"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/kpis")
                        .param("from", "2027-03-01")
                        .param("to", "2027-04-30")
                        .with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.smallNumbersSuppressed").value(false));
    }

    @Test
    void badDatesAnswer400NamingTheField() throws Exception {
        mvc.perform(get("/api/kpis")
                        .param("from", "2027-02-30")
                        .param("to", "2027-04-30")
                        .with(httpBasic("police-manager", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/kpis")
                        .param("from", "2027-03-01")
                        .param("to", "tomorrow")
                        .with(httpBasic("police-manager", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/kpis")
                        .param("from", "2027-05-01")
                        .param("to", "2027-04-30")
                        .with(httpBasic("police-manager", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(
                        jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("before its end")));
        mvc.perform(get("/api/kpis")
                        .param("to", "2027-04-30")
                        .param("agency", "fire-brigade")
                        .with(httpBasic("police-manager", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("from", "agency")));
    }

    @Test
    void todayForAPoliceManagerNamesTheirQuietCases() throws Exception {
        String body = mvc.perform(
                        get("/api/kpis/today").param("agency", "police").with(httpBasic("police-manager", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode today = json.readTree(body);

        assertThat(today.get("agency").asText()).isEqualTo("police");
        // police last acted on B on 1 April; ten working days before 28 April is 14 April
        assertThat(today.at("/casesWithoutContactFor10WorkingDays/noContactSince")
                        .asText())
                .isEqualTo("2027-04-14");
        assertThat(today.at("/casesWithoutContactFor10WorkingDays/cases").findValuesAsText("caseId"))
                .contains(history.caseB);
        assertThat(today.at("/caseloadByWorker").isObject()).isTrue();
        assertThat(today.at("/unallocatedWork/byTask/police-investigation").asLong())
                .isGreaterThanOrEqualTo(1);

        mvc.perform(get("/api/kpis/today").param("agency", "police").with(httpBasic("mash-manager", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/kpis/today").param("agency", "police").with(httpBasic("police-worker", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/kpis/today").param("agency", "police").with(httpBasic("performance-reader", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.casesWithoutContactFor10WorkingDays.cases").doesNotExist());
    }

    @Test
    void quarterlyReportIsCsvWithOneRowPerMeasure() throws Exception {
        String csv = mvc.perform(get("/api/reports/quarterly")
                        .param("year", "2027")
                        .param("quarter", "2")
                        .with(httpBasic("performance-reader", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("measure,value,period_from,period_to");
        assertThat(lines)
                .anyMatch(l -> l.startsWith("referralsByMonth.2027-04.total,") && l.endsWith(",2027-04-01,2027-06-30"));
        assertThat(lines).anyMatch(l -> l.startsWith("screeningWithinOneWorkingDayPercent.percent,"));
        assertThat(lines).noneMatch(l -> l.startsWith("referralsByMonth.2027-07"));
        mvc.perform(get("/api/reports/quarterly")
                        .param("year", "2027")
                        .param("quarter", "5")
                        .with(httpBasic("performance-reader", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quarter"));
    }
}
