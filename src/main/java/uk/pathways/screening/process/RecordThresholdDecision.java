package uk.pathways.screening.process;

import static uk.pathways.screening.process.ScreeningVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.casefile.process.ModelProperties;
import uk.pathways.casefile.process.Variables;
import uk.pathways.screening.ThresholdDecided;

/**
 * {@code ${recordThresholdDecision}}, the end listener of a cse-threshold business rule task: puts
 * {@code riskLevel}, {@code pathway} and {@code urgent} on the process and publishes {@link ThresholdDecided}.
 * The task's {@code decisionKind} property says whether this is the first screening or a review's.
 */
@Component("recordThresholdDecision")
class RecordThresholdDecision implements ExecutionListener {

    private final ApplicationEventPublisher events;
    private final Actors actors;

    RecordThresholdDecision(ApplicationEventPublisher events, Actors actors) {
        this.events = events;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object raw = execution.getVariable(THRESHOLD_RESULT);
        if (!(raw instanceof Map<?, ?> result) || result.get(RISK_LEVEL) == null || result.get(PATHWAY) == null) {
            throw new IllegalStateException("cse-threshold gave no decision for score "
                    + execution.getVariable(SCREENING_SCORE) + " and age " + execution.getVariable(CaseVariables.AGE));
        }
        String riskLevel = result.get(RISK_LEVEL).toString();
        String pathway = result.get(PATHWAY).toString();
        execution.setVariable(RISK_LEVEL, riskLevel);
        execution.setVariable(PATHWAY, pathway);
        execution.setVariable(URGENT, "URGENT_STRATEGY_MEETING".equals(pathway));
        execution.removeVariable(THRESHOLD_RESULT);
        // a screening practitioner's different judgement waits for a MASH manager (Gateway_Judgement)
        Object override = execution.getVariable(ScreeningVariables.OVERRIDE_RISK_LEVEL);
        execution.setVariable(
                ScreeningVariables.OVERRIDE_PROPOSED,
                override != null
                        && !override.toString().isBlank()
                        && !override.toString().equals(riskLevel));

        String kind =
                ModelProperties.of(execution.getBpmnModelElementInstance()).getOrDefault(DECISION_KIND, "SCREENING");
        String agency = "REVIEW".equals(kind) ? Agency.CHILDRENS_SERVICES.groupId() : Agency.MASH.groupId();
        List<String> indicators = Indicators.read(execution.getVariable(INDICATORS));
        events.publishEvent(new ThresholdDecided(
                Variables.caseId(execution),
                Variables.reference(execution),
                kind,
                Variables.number(execution, CaseVariables.AGE),
                Variables.number(execution, SCREENING_SCORE),
                indicators,
                Boolean.TRUE.equals(execution.getVariable(DISCLOSURE)),
                Boolean.TRUE.equals(execution.getVariable(LEARNING_DISABILITY)),
                riskLevel,
                pathway,
                exploitationType(execution),
                actors.current(List.of(agency)),
                Now.instant()));
    }

    private static String exploitationType(DelegateExecution execution) {
        Object type = execution.getVariable(EXPLOITATION_TYPE);
        return type == null || type.toString().isBlank() ? null : type.toString();
    }
}
