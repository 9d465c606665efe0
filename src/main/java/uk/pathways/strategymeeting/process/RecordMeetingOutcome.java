package uk.pathways.strategymeeting.process;

import static uk.pathways.strategymeeting.process.StrategyMeetingProcess.*;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.process.Variables;
import uk.pathways.strategymeeting.StrategyMeetingAgencies;
import uk.pathways.strategymeeting.StrategyMeetingHeld;

/**
 * {@code ${recordMeetingOutcome}}: the meeting's decisions become booleans the calling pathway routes on;
 * the agencies the meeting drew in become involved in the case.
 */
@Component("recordMeetingOutcome")
class RecordMeetingOutcome implements TaskListener {

    private final ApplicationEventPublisher events;
    private final CaseFile caseFile;
    private final StrategyMeetingAgencies agencies;
    private final Actors actors;

    RecordMeetingOutcome(
            ApplicationEventPublisher events, CaseFile caseFile, StrategyMeetingAgencies agencies, Actors actors) {
        this.events = events;
        this.caseFile = caseFile;
        this.agencies = agencies;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean rise = flag(task, RISE_ACCEPTED);
        boolean section47 = flag(task, SECTION_47);
        boolean police = flag(task, POLICE_INVESTIGATION);
        task.setVariable(MEETING_HELD_AT, Date.from(Now.instant()));
        String caseId = Variables.caseId(task);
        Actor chair = actors.current(List.of(Agency.CHILDRENS_SERVICES.groupId()));
        if (chair == Actor.SYSTEM && task.getAssignee() != null) {
            chair = actors.of(task.getAssignee(), List.of(Agency.CHILDRENS_SERVICES.groupId()));
        }
        for (String agency : agencies.asked()) {
            caseFile.involve(caseId, agency, "the strategy meeting's outcome", chair);
        }
        if (rise) {
            caseFile.involve(
                    caseId,
                    Agency.RISE.groupId(),
                    "the strategy meeting accepted the young person for RISE support",
                    chair);
        }
        events.publishEvent(new StrategyMeetingHeld(
                caseId, Variables.reference(task), rise, section47, police, chair, Now.instant()));
    }

    /** Reads a decision and writes it back as a boolean, so an unticked box is a clear {@code false}. */
    private static boolean flag(DelegateTask task, String name) {
        boolean value =
                Boolean.TRUE.equals(task.getVariable(name)) || "true".equals(String.valueOf(task.getVariable(name)));
        task.setVariable(name, value);
        return value;
    }
}
