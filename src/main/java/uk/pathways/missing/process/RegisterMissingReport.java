package uk.pathways.missing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.pathways.agency.Actors;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.missing.MissingEpisodes;
import uk.pathways.missing.MissingReportValidator;
import uk.pathways.missing.NewMissingReport;
import uk.pathways.web.InvalidInputException;

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

    RegisterMissingReport(MissingReportValidator validator, MissingEpisodes episodes, Actors actors, ObjectMapper json) {
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
        Object raw = execution.getVariable(MissingEpisodeProcess.MISSING_REPORT);
        JsonNode body;
        try {
            body = raw == null ? null : json.readTree(raw.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message MissingReported: variable 'missingReport' is not JSON");
        }
        NewMissingReport report;
        try {
            report = validator.validate(body);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("message MissingReported: invalid missing report: " + e.problems());
        }
        MissingEpisodes.RecordedEpisode recorded = episodes.record(report, actors.current(), MissingEpisodes.SOURCE_MESSAGE);
        execution.removeVariable(MissingEpisodeProcess.MISSING_REPORT);
        execution.setVariables(recorded.variables());
        episodes.linkProcess(recorded.reference(), execution.getProcessInstanceId());
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(recorded.reference());
        }
    }
}
