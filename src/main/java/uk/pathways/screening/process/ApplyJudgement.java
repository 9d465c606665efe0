package uk.pathways.screening.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.casefile.process.Variables;
import uk.pathways.screening.ThresholdJudged;

/**
 * {@code ${applyJudgement}}, after "Agree a different risk level" (a MASH manager at screening, a children's services
 * manager at a strategy review): agreed, the risk level and pathway become the
 * judgement's (the pathway each risk level has in the cse-threshold table); not agreed, the decision stands. The
 * decision, the judgement and the manager's answer are kept side by side in the case's decisions.
 */
@Component("applyJudgement")
class ApplyJudgement implements JavaDelegate {

    /** The pathway of each risk level, as the cse-threshold decision gives it. */
    static final Map<String, String> PATHWAY_OF = Map.of(
            "NONE", "UNIVERSAL", "LOW", "EARLY_HELP", "MEDIUM", "STRATEGY_MEETING", "HIGH", "URGENT_STRATEGY_MEETING");

    private final ApplicationEventPublisher events;
    private final Actors actors;

    ApplyJudgement(ApplicationEventPublisher events, Actors actors) {
        this.events = events;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decided = Variables.text(execution, ScreeningVariables.RISK_LEVEL);
        String judged = Variables.text(execution, ScreeningVariables.OVERRIDE_RISK_LEVEL);
        boolean agreed = Variables.flag(execution, ScreeningVariables.OVERRIDE_AGREED);
        String pathway = Variables.text(execution, ScreeningVariables.PATHWAY);
        if (agreed && PATHWAY_OF.containsKey(judged)) {
            pathway = PATHWAY_OF.get(judged);
            execution.setVariable(ScreeningVariables.RISK_LEVEL, judged);
            execution.setVariable(ScreeningVariables.PATHWAY, pathway);
            execution.setVariable(ScreeningVariables.URGENT, "URGENT_STRATEGY_MEETING".equals(pathway));
        }
        execution.setVariable(ScreeningVariables.OVERRIDE_PROPOSED, false);
        Object age = execution.getVariable(CaseVariables.AGE);
        events.publishEvent(new ThresholdJudged(
                Variables.caseId(execution),
                Variables.reference(execution),
                decided,
                judged,
                agreed,
                agreed ? judged : decided,
                pathway,
                age instanceof Number n ? n.intValue() : 0,
                // a manager acts for their agency (mash-managers counts as mash: Actors.current)
                actors.current(List.of(Agency.MASH.groupId(), Agency.CHILDRENS_SERVICES.groupId())),
                Now.instant()));
    }
}
