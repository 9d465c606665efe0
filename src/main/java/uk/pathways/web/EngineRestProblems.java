package uk.pathways.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine REST API ({@code /engine-rest}, Camunda's Jersey application) answers 500 for two things that are not
 * server faults. This corrects them, keeping Camunda's error body ({@code type}, {@code message}, {@code code}):
 * <ul>
 * <li>two users complete the same task at once: the loser's {@code OptimisticLockingException} becomes 409, and so
 * does completing a task that another user has already completed ("Cannot find task": 409 if the task is in history
 * as ended and was offered to the caller, 404 if it never existed or was never theirs). On two nodes the loser can
 * also fail inside the engine (a NullPointerException) or be refused (403, its grant deleted with the task): 409 too,
 * when the task is now completed and the caller could work it;</li>
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

    private final IdentityService identityService;
    private final uk.pathways.agency.ClosedTasks closedTasks;

    EngineRestProblems(IdentityService identityService, uk.pathways.agency.ClosedTasks closedTasks) {
        this.identityService = identityService;
        this.closedTasks = closedTasks;
    }

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new ExceptionKeeper());
        config.register(new StatusCorrection());
    }

    /** Keeps the exception that a mapper turned into a response, for the filter below. */
    static final class ExceptionKeeper implements ApplicationEventListener {
        @Override
        public void onEvent(ApplicationEvent event) {}

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
            if (response.getStatus() == 403) {
                lostRaceForbidden(request, response);
                return;
            }
            if (response.getStatus() != 500) {
                return;
            }
            Throwable thrown = (Throwable) request.getProperty(EXCEPTION);
            Object entity = response.getEntity();
            if (thrown == null && !(entity instanceof ExceptionDto)) {
                return;
            }
            if (DatabaseFailures.isConnectionFailure(thrown)) {
                log.warn(
                        "Engine REST {} {}: database unreachable, answering 503",
                        request.getMethod(),
                        request.getUriInfo().getPath());
                response.setStatus(503);
                response.getHeaders().putSingle("Retry-After", "5");
                response.getHeaders().putSingle("Content-Type", MediaType.APPLICATION_JSON);
                ExceptionDto dto = new ExceptionDto();
                dto.setType("ServiceUnavailable");
                dto.setMessage(
                        "The database is not reachable just now; nothing was saved. Try again in a few seconds.");
                response.setEntity(dto);
                return;
            }
            if (causedBy(thrown, OptimisticLockingException.class) || optimisticLockingCode(entity)) {
                response.setStatus(409);
                return;
            }
            String taskId = taskId(request);
            if (taskId == null) {
                return;
            }
            // A task action that failed on a task now completed lost the race: "Cannot find task", or on two nodes a
            // failure Camunda does not name (the loser read the task before the winner committed and then found its
            // process instance gone: a NullPointerException inside the engine). That is 409 for those the task was
            // offered to; to anyone else a closed task is as a task that never existed, 404, so a task id tells
            // another agency nothing (as on the task pages).
            Optional<String> told = toldCaller(taskId);
            if (told.isPresent()) {
                log.info(
                        "Engine REST {} {}: the task was completed by another request meanwhile ({}); answering 409",
                        request.getMethod(),
                        request.getUriInfo().getPath(),
                        thrown == null ? entity : thrown.toString());
                response.setStatus(409);
                alreadyClosed(response, told.get());
            } else if (entity instanceof ExceptionDto dto
                    && dto.getMessage() != null
                    && dto.getMessage().contains("Cannot find task")) {
                response.setStatus(404);
            }
        }

        /**
         * The winner's completion deletes the task's TASK_WORK grants, so a loser who checks after that is refused
         * (403) for a task it could work a moment before. If the caller's group was a candidate of the task (or the
         * caller its assignee) and the task is now completed, that is the same race: 409. Anyone else keeps 403.
         */
        private void lostRaceForbidden(ContainerRequestContext request, ContainerResponseContext response) {
            String taskId = taskId(request);
            Optional<String> told = taskId == null ? Optional.empty() : toldCaller(taskId);
            if (told.isPresent()) {
                response.setStatus(409);
                alreadyClosed(response, told.get());
            }
        }
    }

    /**
     * What the signed-in caller is told of a task that has closed and was offered to them (agency.ClosedTasks), such
     * as "Task 12 was completed by someone else."; empty if it is open, never was, or was never theirs.
     */
    private Optional<String> toldCaller(String taskId) {
        Authentication caller = caller();
        if (caller == null) {
            return Optional.empty();
        }
        return closedTasks
                .closedAndOfferedTo(taskId, caller.getUserId(), caller.getGroupIds())
                .map(closed -> "Task " + taskId + " "
                        + closedTasks.howItClosed(closed, caller.getUserId()).replaceAll(",$", "") + ".");
    }

    /**
     * Who the engine REST API signed in for this request. It signs the caller in on the engine it serves, which it
     * looks up by name in the JVM's registry; in one application that is this engine, but where a JVM holds more than
     * one (the tests' cached contexts) it can be another, so that one is asked when this one has nobody signed in.
     */
    private Authentication caller() {
        Authentication here = identityService.getCurrentAuthentication();
        if (here != null) {
            return here;
        }
        try {
            ProcessEngine served = EngineUtil.lookupProcessEngine(null);
            return served == null ? null : served.getIdentityService().getCurrentAuthentication();
        } catch (RuntimeException noEngine) {
            return null;
        }
    }

    /** The task of a task action (complete, submit-form, resolve, claim), or null for any other request. */
    private static String taskId(ContainerRequestContext request) {
        Matcher taskAction = TASK_ACTION.matcher(request.getUriInfo().getPath());
        return taskAction.matches() ? taskAction.group(1) : null;
    }

    private static void alreadyClosed(ContainerResponseContext response, String told) {
        ExceptionDto dto = response.getEntity() instanceof ExceptionDto given ? given : new ExceptionDto();
        dto.setType("TaskAlreadyCompleted");
        dto.setMessage(told);
        dto.setCode(null);
        response.setEntity(dto);
        response.getHeaders().putSingle("Content-Type", MediaType.APPLICATION_JSON);
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
