package uk.pathways.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/** /actuator/prometheus: the Pathways gauges and the escalation counter, for administrators only. */
@PathwaysTest
@AutoConfigureMockMvc
@AutoConfigureObservability
class MetricsTest {

    private static final String PASSWORD = "Demo!Password1";

    @Autowired
    MockMvc mvc;

    @Autowired
    Pathway pathway;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static double value(String scrape, String metric) {
        return scrape.lines()
                .filter(l -> l.startsWith(metric + " ") || l.startsWith(metric + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void gaugesAndTheEscalationCounterFollowThePathways() throws Exception {
        String before = scrape();
        ReferralAccepted referral = pathway.refer(15, List.of());
        Pathway.at(Now.instant().atZone(Now.UK).plusDays(5));
        pathway.fireDueClocks();

        String after = scrape();

        assertThat(value(after, "pathways_tasks_open"))
                .isGreaterThanOrEqualTo(value(before, "pathways_tasks_open") + 1);
        assertThat(value(after, "pathways_tasks_overdue")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "pathways_tasks_escalated")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "pathways_escalations_total"))
                .isGreaterThanOrEqualTo(value(before, "pathways_escalations_total") + 1);
        assertThat(after).contains("pathways_incidents_open").contains("pathways_emails_waiting");
        assertThat(pathway.task(referral.caseId(), "screening")).isNotNull();
    }

    @Test
    void onlyAdministratorsMayScrape() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("mash-manager", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("performance-reader", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    /** The probes docker-compose's health check and a load balancer ask, open without sign-in (docs/cluster.md). */
    @Test
    void theReadinessAndLivenessProbesAnswerUp() throws Exception {
        for (String probe : List.of("readiness", "liveness")) {
            mvc.perform(get("/actuator/health/" + probe))
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                            .value("UP"));
        }
    }
}
