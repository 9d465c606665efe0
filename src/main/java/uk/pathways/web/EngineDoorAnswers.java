package uk.pathways.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import uk.pathways.agency.ClosedTasks;

/**
 * How the engine's HTTP doors ({@code /engine-rest} and the webapps' API under {@code /camunda/api}) answer a request
 * that failed: always {@code application/problem+json}, never with SQL, a class name or a stack trace (contract
 * section 7), and never a 5xx for bad input. The completion gate's refusals are 400 naming each field; other bad
 * input the engine refused (a value of the wrong kind, a weak password, an unknown id) is 400 or 404; the database
 * out of reach is 503; anything else is 500 with a reference to the log, where the real error is.
 * The query string must decode (a stray {@code %} is 400, not a 500 inside the REST layer).
 */
@Configuration(proxyBeanMethods = false)
class EngineDoorAnswers {

    private static final Logger log = LoggerFactory.getLogger(EngineDoorAnswers.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A fully qualified Java name, such as org.camunda.bpm.engine.ProcessEngineException. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*\\b");

    private static final Pattern INTERNALS = Pattern.compile(
            "(?is).*(###|\\bsql\\b|jdbc|mybatis|\\bselect\\b.+\\bfrom\\b|\\binsert\\s+into\\b|\\bupdate\\b.+\\bset\\b"
                    + "|\\bdelete\\s+from\\b|\\bat\\s+[a-z]+\\.[a-z]+|\\.java:\\d+|ACT_[A-Z]{2}_).*");
    /** A Java exception's simple name, such as NullPointerException. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b:?");

    /** A task action through the Tasklist's own engine API, such as submitting a task's form. */
    private static final Pattern WEBAPP_TASK_ACTION =
            Pattern.compile("^/camunda/api/engine/engine/([^/]+)/task/([^/]+)/(complete|submit-form|resolve|claim)$");
    /** A task's deployed form, at either door. */
    private static final Pattern DEPLOYED_FORM =
            Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/deployed-form$");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineDoorAnswersFilter(ClosedTasks closedTasks) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Answers(closedTasks));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setName("pathways-engine-door-answers");
        registration.setOrder(80); // outside the audit (90) and Camunda's authentication (101)
        return registration;
    }

    static final class Answers extends OncePerRequestFilter {

        private final ClosedTasks closedTasks;

        Answers(ClosedTasks closedTasks) {
            this.closedTasks = closedTasks;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String query = request.getQueryString();
            if (query != null && !decodes(query)) {
                write(
                        response,
                        400,
                        "Invalid input",
                        "The query string is not valid URL encoding.",
                        List.of(new FieldProblem("query", "is not valid URL encoding")),
                        null);
                return;
            }
            ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
            EngineFailures.clear();
            try {
                chain.doFilter(request, buffered);
                answer(request, buffered);
            } finally {
                EngineFailures.clear();
            }
        }

        private static boolean decodes(String query) {
            try {
                URLDecoder.decode(query, StandardCharsets.UTF_8);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private void answer(HttpServletRequest request, ContentCachingResponseWrapper buffered) throws IOException {
            int status = buffered.getStatus();
            RuntimeException failure = EngineFailures.last().orElse(null);
            if (status < 400 || buffered.isCommitted()) {
                buffered.copyBodyToResponse();
                return;
            }
            JsonNode given = readJson(buffered.getContentAsByteArray());
            String message = given == null
                    ? null
                    : given.path("message").asText(given.path("detail").asText(null));
            Integer code = given != null && given.path("code").isInt()
                    ? given.path("code").asInt()
                    : null;
            HttpServletResponse response = (HttpServletResponse) buffered.getResponse();
            buffered.resetBuffer();
            String lost = lostInTasklist(request, failure);
            if (lost != null) {
                write(response, 409, title(409), lost, null, null);
                return;
            }
            if (status >= 500 && formOfNoTask(request)) {
                write(response, 404, title(404), "There is no open task with this id.", null, null);
                return;
            }
            if (failure instanceof FieldsRefused refused) {
                write(
                        response,
                        400,
                        "Invalid input",
                        "Some fields are missing or wrong: "
                                + String.join(
                                        ", ",
                                        refused.problems().stream()
                                                .map(FieldProblem::field)
                                                .toList())
                                + ". Nothing was changed.",
                        refused.problems(),
                        null);
                return;
            }
            if (failure instanceof InvalidInputException invalid) {
                write(
                        response,
                        400,
                        "Invalid input",
                        "Some fields are missing or wrong. Nothing was changed.",
                        invalid.problems(),
                        null);
                return;
            }
            if (failure instanceof NotInvolved denied) {
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("involvedAgencies", denied.involvedAgencies());
                extra.put("leadAgency", denied.leadAgency());
                writeWith(response, 403, "Forbidden", denied.getMessage(), null, null, extra);
                return;
            }
            if (failure instanceof AccessDeniedException || failure instanceof AuthorizationException) {
                write(
                        response,
                        403,
                        "Forbidden",
                        clean(failure.getMessage(), "You are not allowed to do this."),
                        null,
                        code);
                return;
            }
            if (status >= 500) {
                int corrected = correctedStatus(failure);
                if (corrected != 500) {
                    write(
                            response,
                            corrected,
                            title(corrected),
                            clean(failure.getMessage(), title(corrected) + "."),
                            null,
                            code);
                    return;
                }
                String reference = UUID.randomUUID().toString();
                log.error(
                        "{} {} failed (reference {}): {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        reference,
                        failure == null ? message : failure.toString(),
                        failure);
                if (status == 503) {
                    response.setHeader("Retry-After", "5");
                    write(
                            response,
                            503,
                            "Service unavailable",
                            clean(
                                    message,
                                    "The service is not available just now; nothing was saved. Try again in a few seconds."),
                            null,
                            null);
                    return;
                }
                write(
                        response,
                        500,
                        "Internal error",
                        "Something went wrong on our side; nothing was saved. Reference " + reference + ".",
                        null,
                        null);
                return;
            }
            Map<String, Object> kept = new LinkedHashMap<>();
            if (given != null) {
                // what else the engine said (a refused deployment's problems per resource), without its class name
                given.fields().forEachRemaining(f -> {
                    if (!List.of("type", "message", "code", "stackTrace", "cause")
                            .contains(f.getKey())) {
                        kept.put(f.getKey(), f.getValue());
                    }
                });
            }
            writeWith(response, status, title(status), clean(message, title(status) + "."), null, code, kept);
        }

        /**
         * What a Tasklist user is told when their action lost the race for a task: it was not found because it has
         * closed since the Tasklist listed it, and it was offered to them (agency.ClosedTasks). They read the task's
         * name and how it closed, in the pages' words (409); anyone else keeps the answer of a task that never
         * existed. Null for any other request.
         */
        private String lostInTasklist(HttpServletRequest request, RuntimeException failure) {
            Matcher action = WEBAPP_TASK_ACTION.matcher(request.getRequestURI());
            // "Cannot find task", or on two nodes a failure Camunda does not name (the loser read the task before the
            // winner committed: a NullPointerException inside the engine), as /engine-rest (EngineRestProblems)
            boolean taskGone = failure instanceof NullPointerException
                    || (failure instanceof NullValueException
                            && failure.getMessage() != null
                            && failure.getMessage().contains("Cannot find task"));
            if (!action.matches() || !taskGone) {
                return null;
            }
            try {
                jakarta.servlet.http.HttpSession session = request.getSession(false);
                Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
                if (signedIn == null
                        || !(signedIn.getAuthenticationForProcessEngine(action.group(1))
                                instanceof UserAuthentication user)
                        || user.getName() == null) {
                    return null;
                }
                return closedTasks
                        .closedAndOfferedTo(action.group(2), user.getName(), user.getGroupIds())
                        .map(closed -> closedTasks.told(
                                closed,
                                user.getName(),
                                action.group(3).equals("claim")
                                        ? ClosedTasks.BEFORE_YOUR_CLAIM + " Refresh the list."
                                        : ClosedTasks.BEFORE_YOUR_FORM))
                        .orElse(null);
            } catch (RuntimeException notToldThen) {
                log.warn("Could not tell whether task {} closed for the Tasklist's user", action.group(2), notToldThen);
                return null;
            }
        }

        /**
         * A task's form asked for where no task is open. Camunda 7.24 checks that command's authorization before it
         * looks for the task, and fails inside the authorization checker (a NullPointerException) when there is none:
         * that is the caller's wrong id, 404, the same whether the task closed or never existed. A failure for a task
         * that is open stays a server fault.
         */
        private boolean formOfNoTask(HttpServletRequest request) {
            Matcher form = DEPLOYED_FORM.matcher(request.getRequestURI());
            try {
                return form.matches() && !closedTasks.isOpen(form.group(1));
            } catch (RuntimeException cannotTell) {
                return false;
            }
        }

        /** A failure that is the caller's, not the server's: 400 (409 for a race, 404 for nothing there). */
        private static int correctedStatus(RuntimeException failure) {
            if (failure == null) {
                return 500;
            }
            if (DatabaseFailures.isConnectionFailure(failure)) {
                return 503;
            }
            if (failure instanceof OptimisticLockingException || failure instanceof ConflictException) {
                return 409;
            }
            if (failure instanceof NotFoundException) {
                return 404;
            }
            if (failure instanceof BadUserRequestException
                    || failure instanceof NullValueException
                    || failure instanceof NotValidException
                    || failure instanceof FormException
                    || weakPassword(failure)
                    || failure instanceof IllegalArgumentException
                    || failure instanceof java.time.DateTimeException
                    || failure instanceof ClassCastException) {
                return 400;
            }
            return 500;
        }

        /** The engine refuses a password that does not meet its policy with a plain engine exception. */
        private static boolean weakPassword(RuntimeException failure) {
            String message = failure.getMessage();
            return failure instanceof org.camunda.bpm.engine.ProcessEngineException
                    && message != null
                    && message.toLowerCase(java.util.Locale.ROOT).contains("password")
                    && message.toLowerCase(java.util.Locale.ROOT).contains("polic");
        }

        private static JsonNode readJson(byte[] body) {
            if (body.length == 0) {
                return null;
            }
            try {
                JsonNode node = JSON.readTree(body);
                return node != null && node.isObject() ? node : null;
            } catch (IOException e) {
                return null;
            }
        }
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid input";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
    }

    /** A message fit to show: no class names, no SQL or stack traces (the fallback instead), at most 500 characters. */
    static String clean(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String text = EXCEPTION_NAME
                .matcher(CLASS_NAME.matcher(message).replaceAll(""))
                .replaceAll("")
                .replaceAll("\\s+", " ")
                .strip();
        if (text.isEmpty() || INTERNALS.matcher(text).matches()) {
            return fallback;
        }
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    static void write(
            HttpServletResponse response,
            int status,
            String title,
            String detail,
            List<FieldProblem> errors,
            Integer code)
            throws IOException {
        writeWith(response, status, title, detail, errors, code, Map.of());
    }

    static void writeWith(
            HttpServletResponse response,
            int status,
            String title,
            String detail,
            List<FieldProblem> errors,
            Integer code,
            Map<String, Object> extra)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "type",
                "https://pathways.example/problems/"
                        + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        // the Camunda webapps show "message"
        body.put("message", detail);
        if (code != null) {
            body.put("code", code);
        }
        if (errors != null && !errors.isEmpty()) {
            body.put(
                    "errors",
                    errors.stream()
                            .map(p -> Map.of("field", p.field(), "message", p.message()))
                            .toList());
        }
        body.putAll(extra);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
