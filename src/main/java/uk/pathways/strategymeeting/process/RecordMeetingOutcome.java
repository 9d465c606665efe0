package uk.pathways.strategymeeting.process;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.strategymeeting.StrategyMeetingAgencies;
import uk.pathways.strategymeeting.StrategyMeetingHeld;

import static uk.pathways.strategymeeting.process.StrategyMeetingProcess.*;

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

    RecordMeetingOutcome(ApplicationEventPublisher events, CaseFile caseFile, StrategyMeetingAgencies agencies, Actors actors) {
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
        String caseId = (String) task.getVariable(CaseVariables.CASE_ID);
        for (String agency : agencies.asked()) {
            caseFile.involve(caseId, agency, "strategy meeting");
        }
        if (rise) {
            caseFile.involve(caseId, Agency.RISE.groupId(), "RISE accepted");
        }
        events.publishEvent(new StrategyMeetingHeld(caseId, (String) task.getVariable(CaseVariables.REFERENCE), rise,
                section47, police, actors.current(List.of(Agency.CHILDRENS_SERVICES.groupId())), Now.instant()));
    }

    /** Reads a decision and writes it back as a boolean, so an unticked box is a clear {@code false}. */
    private static boolean flag(DelegateTask task, String name) {
        boolean value = Boolean.TRUE.equals(task.getVariable(name)) || "true".equals(String.valueOf(task.getVariable(name)));
        task.setVariable(name, value);
        return value;
    }
}
