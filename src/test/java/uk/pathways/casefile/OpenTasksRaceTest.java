package uk.pathways.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;
import uk.pathways.agency.Privileged;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * The case page lists the case's open tasks, then reads their agencies and escalation. A task a colleague completes in
 * between (on this node or another) is left out, as if listed a moment later: in B6 with two nodes the engine failed
 * that read, made one task at a time, with a NullPointerException and the case page answered 500.
 */
@PathwaysTest
class OpenTasksRaceTest {

    @Autowired
    CaseViews views;

    @Autowired
    Pathway pathway;

    @Autowired
    Privileged privileged;

    @Autowired
    IdentityService identityService;

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    @Test
    void aTaskCompletedAfterItWasListedIsLeftOutNotAFailure() {
        ReferralAccepted referral = pathway.refer(14, List.of("OLDER_PARTNER"));
        Task listed = pathway.task(referral.caseId(), "screening");
        assertThat(privileged.call(() -> views.describe(List.of(listed))))
                .as("the screening while it is open")
                .singleElement()
                .satisfies(t -> assertThat(t.candidateGroups()).containsExactly("mash"));

        pathway.complete(listed, "mash-worker", Pathway.SCREENING);

        assertThat(privileged.call(() -> views.describe(List.of(listed))))
                .as("the screening, listed before a colleague completed it")
                .isEmpty();
        assertThat(views.openTasks(referral.caseId()))
                .as("the case's open tasks after the screening")
                .extracting(CaseView.OpenTask::id)
                .doesNotContain(listed.getId());
    }
}
