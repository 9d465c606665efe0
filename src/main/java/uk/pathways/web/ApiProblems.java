package uk.pathways.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of {@code /api} as {@code application/problem+json}; no stack trace or SQL ever leaves. */
@RestControllerAdvice(basePackages = "uk.pathways")
// Before Spring's own problem-details handler; only PageErrors (pages answer with a page) comes first.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Some fields are missing or wrong: "
                        + String.join(
                                ", ",
                                e.problems().stream().map(FieldProblem::field).toList()));
        problem.setTitle("Invalid input");
        problem.setType(URI.create("https://pathways.example/problems/invalid-input"));
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message()))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A task completion (or a message) the completion gate refused: 400 naming each field, as for any bad input. */
    @ExceptionHandler(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
    ProblemDetail refusedByTheGate(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException e) {
        if (e instanceof FieldsRefused refused) {
            return invalid(new InvalidInputException(refused.problems()));
        }
        return invalid(
                new InvalidInputException(List.of(new FieldProblem("variables", "Some fields are missing or wrong"))));
    }

    /** An agency outside the case (contract section 8): 403 naming who is involved and who leads. */
    private static ProblemDetail notInvolved(NotInvolved e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        problem.setType(URI.create("https://pathways.example/problems/not-involved"));
        problem.setProperty("caseId", e.caseId());
        problem.setProperty("involvedAgencies", e.involvedAgencies());
        problem.setProperty("leadAgency", e.leadAgency());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The body is not valid JSON.");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", "The body is not valid JSON")));
        return problem;
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        if (e instanceof NotInvolved outside) {
            return notInvolved(outside);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    /** The engine refused: the signed-in user's groups have no grant for this (agency.Grants). */
    @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
    ProblemDetail engineRefused(org.camunda.bpm.engine.AuthorizationException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You are not allowed to do this.");
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail raced(DataIntegrityViolationException e) {
        log.warn("Concurrent change refused: {}", e.getMostSpecificCause().getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "Another change to the same record was made at the same moment; nothing was saved. Send it again.");
        problem.setTitle("Conflict");
        return problem;
    }

    /**
     * The database is out of reach (PostgreSQL restarting, fail-over, network): 503 with Retry-After, not a 500 with
     * a stack trace. The transaction was rolled back, so nothing was saved; the same request later succeeds.
     * {@code DataAccessResourceFailureException} covers {@code CannotGetJdbcConnectionException}.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class,
        TransactionSystemException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        return unavailable(e);
    }

    /** Camunda's persistence exceptions (and MyBatis's) when their cause is a lost connection; other ones as before. */
    @ExceptionHandler({
        org.camunda.bpm.engine.ProcessEngineException.class,
        org.apache.ibatis.exceptions.PersistenceException.class
    })
    ResponseEntity<ProblemDetail> engineDatabaseUnavailable(RuntimeException e) {
        if (!DatabaseFailures.isConnectionFailure(e)) {
            throw e; // not ours: Spring's default handling, as without this handler
        }
        return unavailable(e);
    }

    private static ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Database unreachable, answering 503: {}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The database is not reachable just now; nothing was saved. Try again in a few seconds.");
        problem.setTitle("Service unavailable");
        problem.setType(URI.create("https://pathways.example/problems/database-unavailable"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
