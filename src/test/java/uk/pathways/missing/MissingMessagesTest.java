package uk.pathways.missing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.missing.process.MissingEpisodeProcess;
import uk.pathways.support.Pathway;

/** A partner system (the police) drives the pathway by messages: MissingReported, MissingRiskRegraded, MissingChildReturned. */
@PathwaysTest
class MissingMessagesTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    MissingWalk walk;

    @Autowired
    Pathway pathway;

    @Autowired
    ObjectMapper json;

    java.util.Set<String> running;

    @BeforeEach
    void at() {
        running = walk.running();
        Pathway.at(LocalDate.of(2026, 11, 18).atTime(22, 15).atZone(Now.UK));
    }

    @AfterEach
    void resetClock() {
        walk.deleteStartedSince(running);
        ClockUtil.reset();
    }

    private String report(ChildDetails child, String risk) throws Exception {
        ObjectNode body = json.createObjectNode();
        ObjectNode c = body.putObject("child");
        c.put("firstName", child.firstName());
        c.put("lastName", child.lastName());
        c.put("dateOfBirth", child.dateOfBirth().toString());
        body.put("missingSince", Now.instant().minus(Duration.ofHours(2)).toString());
        body.put("policeReference", MissingWalk.policeReference());
        body.put("policeRisk", risk);
        body.put("episodeType", "MISSING_FROM_HOME");
        return json.writeValueAsString(body);
    }

    @Test
    void aReportByMessageIsRecordedLikeAnApiReportAndItsPayloadLeavesTheEngine() throws Exception {
        ProcessInstance instance = runtimeService
                .createMessageCorrelation(MissingEpisodeProcess.MESSAGE_REPORTED)
                .setVariable("missingReport", report(Pathway.child(13), "LOW"))
                .correlateStartMessage();

        String reference = instance.getBusinessKey();
        assertThat(reference).matches("MIS-2026-\\d{6}");
        MissingEpisode episode = walk.episode(reference);
        assertThat(episode.source()).isEqualTo(MissingEpisodes.SOURCE_MESSAGE);
        assertThat(episode.processInstanceId()).isEqualTo(instance.getId());
        assertThat(walk.chronologyTypes(episode.caseId())).contains("MISSING_REPORTED");
        assertThat(runtimeService.getVariable(instance.getId(), "missingReport"))
                .isNull();
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .variableName("missingReport")
                        .count())
                .isZero();
    }

    @Test
    void aBadReportByMessageCreatesNothing() throws Exception {
        int episodes = walk.count("pw_missing_episode");
        int cases = walk.count("pw_case");
        String bad = report(Pathway.child(13), "SEVERE");

        assertThatThrownBy(() -> runtimeService
                        .createMessageCorrelation(MissingEpisodeProcess.MESSAGE_REPORTED)
                        .setVariable("missingReport", bad)
                        .correlateStartMessage())
                .hasMessageContaining("policeRisk");
        assertThat(walk.count("pw_missing_episode")).isEqualTo(episodes);
        assertThat(walk.count("pw_case")).isEqualTo(cases);
    }

    @Test
    void aRegradeAndAReturnByMessageAreCorrelatedByTheEpisodeReference() {
        MissingReportAccepted accepted =
                walk.report(Pathway.child(14), Now.instant().minus(Duration.ofHours(1)), "MEDIUM");

        runtimeService
                .createMessageCorrelation(MissingEpisodeProcess.MESSAGE_RISK_REGRADED)
                .processInstanceBusinessKey(accepted.reference())
                .setVariable("policeRisk", "HIGH")
                .correlate();

        assertThat(walk.episode(accepted.reference()).policeRisk()).isEqualTo("HIGH");
        assertThat(walk.summaries(accepted.caseId(), "POLICE_RISK_REGRADED"))
                .singleElement()
                .asString()
                .contains("from MEDIUM to HIGH");
        assertThat(pathway.tasks(accepted.caseId(), "schedule-strategy-meeting"))
                .hasSize(1);

        ZonedDateTime returnedAt = LocalDate.of(2026, 11, 19).atTime(1, 30).atZone(Now.UK);
        Pathway.at(returnedAt.plusMinutes(10));
        runtimeService
                .createMessageCorrelation(MissingEpisodeProcess.MESSAGE_RETURNED)
                .processInstanceBusinessKey(accepted.reference())
                .setVariable("returnedAt", Date.from(returnedAt.toInstant()))
                .correlate();

        assertThat(walk.episode(accepted.reference()).returnedAt()).isEqualTo(returnedAt.toInstant());
        assertThat(pathway.dueOf(pathway.task(accepted.caseId(), "return-home-interview")))
                .isEqualTo(returnedAt.plusHours(72).toInstant());
    }

    @Test
    void aReturnMessageWithoutATimeMeansNow() {
        MissingReportAccepted accepted =
                walk.report(Pathway.child(14), Now.instant().minus(Duration.ofHours(1)), "LOW");

        runtimeService
                .createMessageCorrelation(MissingEpisodeProcess.MESSAGE_RETURNED)
                .processInstanceBusinessKey(accepted.reference())
                .correlate();

        assertThat(walk.episode(accepted.reference()).returnedAt()).isEqualTo(Now.instant());
        assertThat(pathway.tasks(accepted.caseId(), "return-home-interview")).hasSize(1);
    }
}
