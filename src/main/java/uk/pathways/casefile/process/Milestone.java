package uk.pathways.casefile.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.PathwayEvent;

/**
 * {@code ${milestone}}: an execution listener a process owner puts on any event to chronicle it by its
 * name; a {@code stage} property on the element also moves the case to that stage.
 */
@Component("milestone")
class Milestone implements ExecutionListener {

    private final ApplicationEventPublisher events;
    private final CaseFile caseFile;
    private final Actors actors;

    Milestone(ApplicationEventPublisher events, CaseFile caseFile, Actors actors) {
        this.events = events;
        this.caseFile = caseFile;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String caseId = Variables.caseId(execution);
        if (caseId == null) {
            return;
        }
        Map<String, String> properties = ModelProperties.of(execution.getBpmnModelElementInstance());
        String stage = properties.get(ModelProperties.STAGE);
        if (stage != null) {
            caseFile.moveToStage(caseId, stage);
        }
        String name = execution.getCurrentActivityName() != null
                ? execution.getCurrentActivityName()
                : execution.getCurrentActivityId();
        events.publishEvent(
                PathwayEvent.of(caseId, Variables.reference(execution), "MILESTONE", name, actors.current()));
    }
}
