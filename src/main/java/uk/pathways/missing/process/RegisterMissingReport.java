package uk.pathways.missing.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.casefile.process.MessagePayload;
import uk.pathways.missing.MissingEpisodes;
import uk.pathways.missing.MissingReportValidator;
import uk.pathways.missing.NewMissingReport;

/**
 * {@code ${registerMissingReport}}: a partner system (the police) may start the pathway with message
 * {@code MissingReported} carrying a variable {@code missingReport}, the same JSON as
 * {@code POST /api/missing-episodes}. It is validated and recorded exactly like an API report (bad input
 * fails the correlation and creates nothing); then {@code missingReport}, which names the child, is removed.
 */
@Component("registerMissingReport")
class RegisterMissingReport implements ExecutionListener {

    private final MissingReportValidator validator;
    private final MissingEpisodes episodes;
    private final Actors actors;
    private final ObjectMapper json;

    RegisterMissingReport(
            MissingReportValidator validator, MissingEpisodes episodes, Actors actors, ObjectMapper json) {
        this.validator = validator;
        this.episodes = episodes;
        this.actors = actors;
        this.json = json;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(CaseVariables.CASE_ID) != null) {
            return;
        }
        MessagePayload payload = new MessagePayload(execution, "MissingReported", MissingEpisodeProcess.MISSING_REPORT);
        JsonNode body = payload.json(json);
        NewMissingReport report = payload.valid("missing report", () -> validator.validate(body));
        MissingEpisodes.RecordedEpisode recorded = payload.valid(
                "missing report", () -> episodes.record(report, actors.current(), MissingEpisodes.SOURCE_MESSAGE));
        payload.recorded(recorded.reference(), recorded.variables());
        episodes.linkProcess(recorded.reference(), execution.getProcessInstanceId());
    }
}
