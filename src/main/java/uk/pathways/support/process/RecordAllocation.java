package uk.pathways.support.process;

import static uk.pathways.referral.process.CseReferralProcess.SUPPORT_WORKER;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.casefile.PathwayEvent;
import uk.pathways.casefile.process.Variables;
import uk.pathways.gate.TaskInputRefused;

/** {@code ${recordAllocation}}: the support worker must be a member of the RISE team. */
@Component("recordAllocation")
class RecordAllocation implements TaskListener {

    private final IdentityService identityService;
    private final ApplicationEventPublisher events;
    private final Actors actors;

    RecordAllocation(IdentityService identityService, ApplicationEventPublisher events, Actors actors) {
        this.identityService = identityService;
        this.events = events;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        Object worker = task.getVariable(SUPPORT_WORKER);
        String userId = worker == null ? "" : worker.toString().strip();
        if (userId.isEmpty()
                || identityService
                                .createUserQuery()
                                .userId(userId)
                                .memberOfGroup(Agency.RISE.groupId())
                                .count()
                        == 0) {
            throw TaskInputRefused.of(SUPPORT_WORKER, "must be a member of the RISE team (group 'rise')");
        }
        task.setVariable(SUPPORT_WORKER, userId);
        events.publishEvent(PathwayEvent.of(
                Variables.caseId(task),
                Variables.reference(task),
                "SUPPORT_WORKER_ALLOCATED",
                "RISE support worker allocated: " + userId,
                actors.current(List.of(Agency.RISE.managersGroupId()))));
    }
}
