package uk.pathways.retention;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.audit.AuditRetention;
import uk.pathways.calendar.Now;
import uk.pathways.step.StepCache;
import uk.pathways.step.StepWrites;

/**
 * Erases one case, in one transaction: the engine's runtime and history rows of every process instance that served it
 * (found by the case's references, its {@code caseId} variable and the ids the case record kept, with their
 * sub-processes), their decisions, operation log and authorizations; then the case record's own rows, table by table;
 * then the case's audit rows. Either all of it goes or, on a failure, none of it.
 */
@Component
class CaseErasure {

    /** Pathways' tables holding a case's rows, children before parents. */
    private static final List<String> BY_CASE_ID = List.of(
            "pw_meeting_attendee",
            "pw_meeting_action",
            "pw_panel_item",
            "pw_strategy_meeting",
            "pw_sharing_log",
            "pw_sharing_consent",
            "pw_access_request",
            "pw_case_entry",
            "pw_investigation_outcome",
            "pw_disruption_case",
            "pw_subject_link",
            "pw_onward_referral",
            "pw_child_alias",
            "pw_chronology",
            "pw_decision",
            "pw_clock_breach",
            "pw_task_fact",
            "pw_notification");

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final AuthorizationService authorizations;
    private final AuditRetention audit;
    private final StepWrites writes;
    private final StepCache cache;

    CaseErasure(
            JdbcTemplate jdbc,
            RuntimeService runtime,
            HistoryService history,
            AuthorizationService authorizations,
            AuditRetention audit,
            StepWrites writes,
            StepCache cache) {
        this.writes = writes;
        this.cache = cache;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.history = history;
        this.authorizations = authorizations;
        this.audit = audit;
    }

    /**
     * Erases the case and writes its tombstone, if it is still closed and not held when the erasure starts (a case
     * reopened or held since the report is left alone). True if it was erased.
     */
    @Transactional
    public boolean erase(String caseId, RecordClass recordClass, String rule, long runId) {
        // rows this transaction has yet to write (StepWrites) are erased with the others
        writes.flush();
        cache.clear();
        List<String> status =
                jdbc.queryForList("select status from pw_case where case_id = ? for update", String.class, caseId);
        Integer held =
                jdbc.queryForObject("select count(*) from pw_legal_hold where case_id = ?", Integer.class, caseId);
        if (status.size() != 1 || !"CLOSED".equals(status.get(0)) || held == null || held > 0) {
            return false;
        }
        List<String> references = new ArrayList<>();
        references.addAll(
                jdbc.queryForList("select reference from pw_referral where case_id = ?", String.class, caseId));
        references.addAll(
                jdbc.queryForList("select reference from pw_missing_episode where case_id = ?", String.class, caseId));
        Set<String> instances = processInstances(caseId, references);
        // cases merged into this one (issue 16) go with it: the engine's instances that still name them too
        List<String> mergedIn = jdbc.queryForList(
                "select merged_case_id from pw_case_merge where surviving_case_id = ? and undone_at is null",
                String.class,
                caseId);
        for (String merged : mergedIn) {
            instances.addAll(processInstances(merged, List.of()));
        }

        List<String> ids = List.copyOf(instances);
        if (!ids.isEmpty()) {
            runtime.deleteProcessInstancesIfExists(ids, "Erased under the retention schedule", true, true, false);
            List<String> tasks = new ArrayList<>();
            for (String id : ids) {
                history.createHistoricTaskInstanceQuery().processInstanceId(id).list().stream()
                        .map(HistoricTaskInstance::getId)
                        .forEach(tasks::add);
                for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery()
                        .processInstanceId(id)
                        .list()) {
                    history.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
                }
                for (UserOperationLogEntry entry : history.createUserOperationLogQuery()
                        .processInstanceId(id)
                        .list()) {
                    history.deleteUserOperationLogEntry(entry.getId());
                }
            }
            for (String task : tasks) {
                for (UserOperationLogEntry entry :
                        history.createUserOperationLogQuery().taskId(task).list()) {
                    history.deleteUserOperationLogEntry(entry.getId());
                }
            }
            history.deleteHistoricProcessInstancesIfExists(ids);
            List<String> resources = new ArrayList<>(ids);
            resources.addAll(tasks);
            for (String resource : resources) {
                for (Authorization authorization : authorizations
                        .createAuthorizationQuery()
                        .resourceId(resource)
                        .list()) {
                    authorizations.deleteAuthorization(authorization.getId());
                }
            }
        }

        int rows = 0;
        for (String reference : references) {
            rows += jdbc.update(
                    "delete from pw_missing_referral where episode_reference = ? or referral_reference = ?",
                    reference,
                    reference);
            rows += jdbc.update("delete from pw_clock_breach where reference = ?", reference);
            rows += jdbc.update("delete from pw_notification where reference = ?", reference);
        }
        for (String table : BY_CASE_ID) {
            rows += jdbc.update("delete from " + table + " where case_id = ?", caseId);
        }
        rows += jdbc.update("delete from pw_missing_episode where case_id = ?", caseId);
        rows += jdbc.update("delete from pw_referral where case_id = ?", caseId);
        rows += jdbc.update("delete from pw_case_agency where case_id = ?", caseId);
        // cases merged into this one hold the child's other name and a chronology line: they go with it
        rows += jdbc.update("""
                delete from pw_case_merge_row where merge_id in
                  (select id from pw_case_merge where surviving_case_id = ? or merged_case_id = ?)""", caseId, caseId);
        rows += jdbc.update(
                "delete from pw_case_merge where surviving_case_id = ? or merged_case_id = ?", caseId, caseId);
        for (String merged : mergedIn) {
            for (String table : BY_CASE_ID) {
                rows += jdbc.update("delete from " + table + " where case_id = ?", merged);
            }
            rows += jdbc.update("delete from pw_case_agency where case_id = ?", merged);
            rows += jdbc.update("delete from pw_case where case_id = ? and status = 'MERGED'", merged);
        }
        rows += jdbc.update("delete from pw_case where case_id = ?", caseId);
        int auditRows = audit.forgetCase(caseId);
        for (String merged : mergedIn) {
            auditRows += audit.forgetCase(merged);
        }
        jdbc.update(
                """
                insert into pw_tombstone (erased_at, record_class, rule, case_rows, engine_instances, audit_rows, run_id)
                values (?, ?, ?, ?, ?, ?, ?)""",
                Now.instant().atOffset(ZoneOffset.UTC),
                recordClass.name(),
                rule,
                rows,
                ids.size(),
                auditRows,
                runId);
        return true;
    }

    /** Every process instance that served the case, with their sub-processes. */
    private Set<String> processInstances(String caseId, List<String> references) {
        Set<String> found = new LinkedHashSet<>();
        for (String sql : List.of(
                "select process_instance_id from pw_referral where case_id = ?",
                "select process_instance_id from pw_missing_episode where case_id = ?",
                "select process_instance_id from pw_notification where case_id = ?",
                "select process_instance_id from pw_case_entry where case_id = ?",
                "select process_instance_id from pw_clock_breach where case_id = ?")) {
            jdbc.queryForList(sql, String.class, caseId).stream()
                    .filter(id -> id != null)
                    .forEach(found::add);
        }
        history.createHistoricProcessInstanceQuery().variableValueEquals("caseId", caseId).list().stream()
                .map(HistoricProcessInstance::getId)
                .forEach(found::add);
        if (!references.isEmpty()) {
            history
                    .createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKeyIn(references.toArray(String[]::new))
                    .list()
                    .stream()
                    .map(HistoricProcessInstance::getId)
                    .forEach(found::add);
        }
        List<String> toVisit = new ArrayList<>(found);
        while (!toVisit.isEmpty()) {
            String parent = toVisit.remove(toVisit.size() - 1);
            for (HistoricProcessInstance child : history.createHistoricProcessInstanceQuery()
                    .superProcessInstanceId(parent)
                    .list()) {
                if (found.add(child.getId())) {
                    toVisit.add(child.getId());
                }
            }
        }
        return found;
    }
}
