package uk.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * The loser of a race for a task on two nodes, as seen in the fault run (bench/cluster/faults.sh): it read the task
 * before the winner committed, then failed inside the engine (500, a NullPointerException) or was refused because
 * the winner's completion deleted its grant (403). Both are 409 "already completed" when the task is completed and
 * the caller could work it; anyone else is still refused, and is not told the task was completed.
 */
@PathwaysTest
class EngineRestLostRaceTest {

    @Autowired
    EngineRestProblems problems;

    @Autowired
    Pathway pathway;

    @Autowired
    IdentityService identityService;

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    @Test
    void anEngineFailureOnATaskSomeoneHasJustCompletedIs409() throws Exception {
        String task = completedScreeningTask();

        ContainerResponseContext response = filter(task, 500, "NullPointerException", "mash-worker", "mash");

        verify(response).setStatus(409);
        assertThat(((ExceptionDto) response.getEntity()).getMessage())
                .isEqualTo("Task " + task + " was completed by someone else.");
    }

    @Test
    void refusedBecauseTheWinnerTookTheGrantWithItIs409ForACandidate() throws Exception {
        String task = completedScreeningTask();

        verify(filter(task, 403, "AuthorizationException", "mash-worker", "mash"))
                .setStatus(409);
    }

    @Test
    void anotherAgencyIsStillRefusedOnACompletedTask() throws Exception {
        String task = completedScreeningTask();

        verify(filter(task, 403, "AuthorizationException", "police-worker", "police"), never())
                .setStatus(anyInt());
    }

    @Test
    void anEngineFailureOnACompletedTaskIsNot409ForAnotherAgency() throws Exception {
        String task = completedScreeningTask();

        verify(filter(task, 500, "NullPointerException", "police-worker", "police"), never())
                .setStatus(anyInt());
    }

    @Test
    void anEngineFailureOnAnOpenTaskIsLeftAsItIs() throws Exception {
        ReferralAccepted referral = pathway.refer(15, List.of("OLDER_PARTNER"));
        String open = pathway.task(referral.caseId(), "screening").getId();

        verify(filter(open, 500, "NullPointerException", "mash-worker", "mash"), never())
                .setStatus(anyInt());
        verify(filter(open, 403, "AuthorizationException", "mash-worker", "mash"), never())
                .setStatus(anyInt());
    }

    private String completedScreeningTask() {
        ReferralAccepted referral = pathway.refer(15, List.of("OLDER_PARTNER"));
        String task = pathway.task(referral.caseId(), "screening").getId();
        pathway.complete(referral.caseId(), "screening", "mash-manager", Pathway.SCREENING);
        return task;
    }

    /** The response filter on a submit-form answered {@code status} by Camunda, with {@code user} signed in. */
    @SuppressWarnings("unchecked")
    private ContainerResponseContext filter(String task, int status, String type, String user, String group)
            throws Exception {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        UriInfo uri = mock(UriInfo.class);
        when(uri.getPath()).thenReturn("task/" + task + "/submit-form");
        when(request.getUriInfo()).thenReturn(uri);
        when(request.getMethod()).thenReturn("POST");
        ContainerResponseContext response = mock(ContainerResponseContext.class);
        when(response.getStatus()).thenReturn(status);
        ExceptionDto dto = new ExceptionDto();
        dto.setType(type);
        dto.setMessage("Cannot invoke restoreProcessInstance because processInstance is null");
        when(response.getEntity()).thenReturn(dto);
        when(response.getHeaders()).thenReturn(mock(MultivaluedHashMap.class));
        identityService.setAuthentication(user, List.of(group));
        problems.new StatusCorrection().filter(request, response);
        identityService.clearAuthentication();
        return response;
    }
}
