package uk.pathways.web;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/**
 * The engine REST status corrections on the exception Camunda's mapper turned into a 500 (the race itself is in
 * SameTaskTwiceTest; this covers the two paths a single-threaded test cannot force).
 */
class EngineRestProblemsTest {

    /** No task of these requests has closed (Mockito answers Optional.empty()): the task is still open. */
    private final EngineRestProblems problems = new EngineRestProblems(
            mock(org.camunda.bpm.engine.IdentityService.class), mock(uk.pathways.agency.ClosedTasks.class));

    @Test
    void anOptimisticLockingFailureInsideCamundasRestExceptionIs409() throws Exception {
        ContainerResponseContext response = filter(new RestException(
                Status.INTERNAL_SERVER_ERROR,
                new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TaskEntity' failed"),
                "Cannot complete task"));

        verify(response).setStatus(409);
    }

    @Test
    void aLostConnectionInsideAnEngineErrorIs503WithRetryAfter() throws Exception {
        ContainerResponseContext response = filter(new RestException(
                Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("ENGINE-03083", new SQLException("An I/O error occurred", "08006")),
                "Cannot query"));

        verify(response).setStatus(503);
        verify(response.getHeaders()).putSingle("Retry-After", "5");
    }

    @Test
    void anyOtherServerErrorIsLeftAsItIs() throws Exception {
        ContainerResponseContext response = filter(new RestException(
                Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("Unknown property used in expression"),
                "Cannot complete task"));

        verify(response, never()).setStatus(anyInt());
    }

    @SuppressWarnings("unchecked")
    private ContainerResponseContext filter(Exception thrown) throws Exception {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        UriInfo uri = mock(UriInfo.class);
        when(uri.getPath()).thenReturn("task/t1/complete");
        when(request.getUriInfo()).thenReturn(uri);
        when(request.getMethod()).thenReturn("POST");
        when(request.getProperty(EngineRestProblems.EXCEPTION)).thenReturn(thrown);
        ContainerResponseContext response = mock(ContainerResponseContext.class);
        when(response.getStatus()).thenReturn(500);
        ExceptionDto dto = new ExceptionDto();
        dto.setMessage(thrown.getMessage());
        when(response.getEntity()).thenReturn(dto);
        MultivaluedHashMap<String, Object> headers = mock(MultivaluedHashMap.class);
        when(response.getHeaders()).thenReturn(headers);
        problems.new StatusCorrection().filter(request, response);
        return response;
    }
}
