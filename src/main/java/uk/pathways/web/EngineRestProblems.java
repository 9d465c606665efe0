package uk.pathways.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;

/**
 * The engine REST API ({@code /engine-rest}, Camunda's Jersey application) answers 500 for two things that are not
 * server faults. This corrects them, keeping Camunda's error body ({@code type}, {@code message}, {@code code}):
 * <ul>
 * <li>two users complete the same task at once: the loser's {@code OptimisticLockingException} becomes 409, and so
 * does completing a task that another user has already completed ("Cannot find task": 409 if the task is in history
 * as ended, 404 if it never existed);</li>
 * <li>the database is out of reach (restart, fail-over): 503 with {@code Retry-After}, as {@link ApiProblems} does for
 * {@code /api}.</li>
 * </ul>
 * Camunda's own exception mappers stay in charge; a Jersey request listener keeps the exception they mapped, and a
 * response filter changes only the status.
 */
@Component
class EngineRestProblems implements ResourceConfigCustomizer {

    private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);
    static final String EXCEPTION = EngineRestProblems.class.getName() + ".exception";
    private static final Pattern TASK_ACTION = Pattern.compile("^task/([^/]+)/(complete|submit-form|resolve|claim)$");

    private final HistoryService historyService;
    private final uk.pathways.agency.Privileged privileged;

    EngineRestProblems(HistoryService historyService, uk.pathways.agency.Privileged privileged) {
        this.historyService = historyService;
        this.privileged = privileged;
    }

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new ExceptionKeeper());
        config.register(new StatusCorrection());
    }

    /** Keeps the exception that a mapper turned into a response, for the filter below. */
    static final class ExceptionKeeper implements ApplicationEventListener {
        @Override
        public void onEvent(ApplicationEvent event) {
        }

        @Override
        public RequestEventListener onRequest(RequestEvent requestEvent) {
            return event -> {
                if (event.getType() == RequestEvent.Type.ON_EXCEPTION && event.getException() != null) {
                    ContainerRequest request = event.getContainerRequest();
                    if (request != null) {
                        request.setProperty(EXCEPTION, event.getException());
                    }
                }
            };
        }
    }

    final class StatusCorrection implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
            if (response.getStatus() != 500) {
                return;
            }
            Throwable thrown = (Throwable) request.getProperty(EXCEPTION);
            Object entity = response.getEntity();
            if (thrown == null && !(entity instanceof ExceptionDto)) {
                return;
            }
            if (DatabaseFailures.isConnectionFailure(thrown)) {
                log.warn("Engine REST {} {}: database unreachable, answering 503", request.getMethod(),
                        request.getUriInfo().getPath());
                response.setStatus(503);
                response.getHeaders().putSingle("Retry-After", "5");
                response.getHeaders().putSingle("Content-Type", MediaType.APPLICATION_JSON);
                ExceptionDto dto = new ExceptionDto();
                dto.setType("ServiceUnavailable");
                dto.setMessage("The database is not reachable just now; nothing was saved. Try again in a few seconds.");
                response.setEntity(dto);
                return;
            }
            if (causedBy(thrown, OptimisticLockingException.class) || optimisticLockingCode(entity)) {
                response.setStatus(409);
                return;
            }
            Matcher taskAction = TASK_ACTION.matcher(request.getUriInfo().getPath());
            if (taskAction.matches() && entity instanceof ExceptionDto dto && dto.getMessage() != null
                    && dto.getMessage().contains("Cannot find task")) {
                // looked up as the platform: agencies may not read history, but a completed task must still be told apart
                HistoricTaskInstance ended = privileged.call(() -> historyService.createHistoricTaskInstanceQuery()
                        .taskId(taskAction.group(1)).finished().singleResult());
                response.setStatus(ended != null ? 409 : 404);
                if (ended != null) {
                    dto.setMessage("Task " + taskAction.group(1) + " has already been completed by someone else.");
                }
            }
        }
    }

    private static boolean optimisticLockingCode(Object entity) {
        return entity instanceof ExceptionDto dto && dto.getCode() != null && dto.getCode() == 1;
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
