package uk.pathways.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits the engine's doors: every read through the engine REST API ({@code /engine-rest}) and the webapps' API
 * ({@code /camunda/api/engine}), allowed or refused, with the case it touched where the path names a task or process
 * instance, and for a query with one line for every case its answer held; and every failed sign-in there (HTTP
 * Basic refused, webapp login refused).
 */
@Configuration(proxyBeanMethods = false)
class EngineDoorsAudit {

    private static final Pattern TASK = Pattern.compile(".*/task/([0-9a-fA-F-]{36})(/.*)?$");
    private static final Pattern INSTANCE =
            Pattern.compile(".*/(?:history/)?process-instance/([0-9a-fA-F-]{36})(/.*)?$");
    private static final Pattern WEBAPP_LOGIN = Pattern.compile(".*/camunda/api/admin/auth/user/[^/]+/login/.*");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineDoorsAuditFilter(
            AuditTrail audit,
            TaskService tasks,
            RuntimeService runtime,
            HistoryService history,
            IdentityService identity) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Filter(audit, tasks, runtime, history, identity));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setName("pathways-engine-doors-audit");
        registration.setOrder(90); // outside Camunda's engine REST authentication (101)
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();

        private final AuditTrail audit;
        private final TaskService tasks;
        private final RuntimeService runtime;
        private final HistoryService history;
        private final IdentityService identity;

        Filter(
                AuditTrail audit,
                TaskService tasks,
                RuntimeService runtime,
                HistoryService history,
                IdentityService identity) {
            this.audit = audit;
            this.tasks = tasks;
            this.runtime = runtime;
            this.history = history;
            this.identity = identity;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            String path = request.getRequestURI();
            boolean engineRest = path.startsWith(request.getContextPath() + "/engine-rest");
            String door = engineRest ? AuditEntry.DOOR_ENGINE_REST : AuditEntry.DOOR_WEBAPP;
            int status = response.getStatus();
            if (status == 401 && engineRest && request.getHeader("Authorization") != null) {
                boolean bearer = request.getHeader("Authorization").regionMatches(true, 0, "Bearer ", 0, 7);
                audit.recordAlone(
                        bearer ? SignInFailures.BEARER : basicUser(request),
                        null,
                        AuditEntry.SIGN_IN_FAILED,
                        door,
                        null,
                        path,
                        bearer ? "bearer token refused" : "HTTP Basic refused",
                        null);
                return;
            }
            if (WEBAPP_LOGIN.matcher(path).matches()) {
                if (status >= 400) {
                    audit.recordAlone(
                            request.getParameter("username"),
                            null,
                            AuditEntry.SIGN_IN_FAILED,
                            door,
                            null,
                            path,
                            "webapp sign-in refused",
                            null);
                }
                return;
            }
            if (path.contains("/camunda/api/admin") || !isRead(request)) {
                return;
            }
            String user = engineRest ? basicUser(request) : webappUser(request.getSession(false));
            if (user == null || status == 401) {
                return;
            }
            String resource = path + query(request);
            if (status == 403 || status == 404) {
                // a refused read is on record too, with the case it was for when the path names one
                audit.recordAlone(
                        user,
                        null,
                        AuditEntry.ACCESS_REFUSED,
                        door,
                        caseOf(path),
                        resource,
                        "answered " + status,
                        null);
                return;
            }
            if (status >= 300) {
                return;
            }
            String single = caseOf(path);
            if (single != null) {
                audit.recordAlone(user, null, AuditEntry.READ, door, single, resource, null, null);
                return;
            }
            // a query: one line for every case whose tasks, instances or variables the answer held
            java.util.Set<String> cases = casesOf(body(response));
            if (cases.isEmpty()) {
                audit.recordAlone(user, null, AuditEntry.READ, door, null, resource, null, null);
            }
            for (String caseId : cases) {
                audit.recordAlone(user, null, AuditEntry.READ, door, caseId, resource, "query answer", null);
            }
        }

        private static byte[] body(HttpServletResponse response) {
            org.springframework.web.util.ContentCachingResponseWrapper buffered =
                    org.springframework.web.util.WebUtils.getNativeResponse(
                            response, org.springframework.web.util.ContentCachingResponseWrapper.class);
            return buffered == null ? new byte[0] : buffered.getContentAsByteArray();
        }

        /** The cases of every process instance an answer names (its items' processInstanceId, or a process instance's id). */
        private java.util.Set<String> casesOf(byte[] body) {
            java.util.Set<String> instances = new java.util.LinkedHashSet<>();
            try {
                com.fasterxml.jackson.databind.JsonNode answer = JSON.readTree(body);
                if (answer == null || !answer.isArray()) {
                    return java.util.Set.of();
                }
                for (com.fasterxml.jackson.databind.JsonNode item : answer) {
                    for (String field :
                            java.util.List.of("processInstanceId", "rootProcessInstanceId", "superProcessInstanceId")) {
                        if (item.path(field).isTextual()) {
                            instances.add(item.path(field).asText());
                        }
                    }
                    if (item.has("businessKey") && item.path("id").isTextual()) {
                        instances.add(item.path("id").asText());
                    }
                }
            } catch (IOException | RuntimeException notJson) {
                return java.util.Set.of();
            }
            if (instances.isEmpty()) {
                return java.util.Set.of();
            }
            Authentication caller = identity.getCurrentAuthentication();
            identity.clearAuthentication();
            try {
                java.util.Set<String> cases = new java.util.TreeSet<>();
                history.createHistoricVariableInstanceQuery()
                        .processInstanceIdIn(instances.toArray(String[]::new))
                        .variableName("caseId")
                        .list()
                        .forEach(v -> {
                            if (v.getValue() instanceof String caseId) {
                                cases.add(caseId);
                            }
                        });
                return cases;
            } finally {
                if (caller != null) {
                    identity.setAuthentication(caller);
                }
            }
        }

        private static boolean isRead(HttpServletRequest request) {
            String path = request.getRequestURI();
            return "GET".equals(request.getMethod())
                    || ("POST".equals(request.getMethod())
                            && (path.endsWith("/task")
                                    || path.endsWith("/count")
                                    || path.endsWith("/list")
                                    || path.contains("/history/")));
        }

        private static String query(HttpServletRequest request) {
            return request.getQueryString() == null ? "" : "?" + request.getQueryString();
        }

        /** The case a task or process instance belongs to, looked up as the system (the caller was already answered). */
        private String caseOf(String path) {
            Authentication caller = identity.getCurrentAuthentication();
            identity.clearAuthentication();
            try {
                Matcher task = TASK.matcher(path);
                if (task.matches()) {
                    Task found = tasks.createTaskQuery().taskId(task.group(1)).singleResult();
                    return found == null ? null : (String) tasks.getVariable(found.getId(), "caseId");
                }
                Matcher instance = INSTANCE.matcher(path);
                if (instance.matches()) {
                    return history
                            .createHistoricVariableInstanceQuery()
                            .processInstanceId(instance.group(1))
                            .variableName("caseId")
                            .list()
                            .stream()
                            .map(v -> (String) v.getValue())
                            .findFirst()
                            .orElse(null);
                }
                return null;
            } catch (RuntimeException e) {
                return null;
            } finally {
                if (caller != null) {
                    identity.setAuthentication(caller);
                }
            }
        }

        /** The HTTP Basic user, or (profile oidc) the bearer token's user Spring Security signed in. */
        private static String basicUser(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                java.security.Principal principal = request.getUserPrincipal();
                return principal == null ? null : principal.getName();
            }
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return "unreadable";
            }
        }

        private static String webappUser(HttpSession session) {
            if (session == null) {
                return null;
            }
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            if (authentications == null) {
                return null;
            }
            for (UserAuthentication auth : authentications.getAuthentications()) {
                return auth.getName();
            }
            return null;
        }
    }
}
