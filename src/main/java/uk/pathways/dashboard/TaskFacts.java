package uk.pathways.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.casefile.process.Variables;
import uk.pathways.gate.Submission;
import uk.pathways.gate.Submissions;
import uk.pathways.gate.UserTaskParsing;

/**
 * Keeps, for the dashboards, facts of what three tasks recorded (the completion gate's submission, which the
 * engine never holds): the disruption activities of each police-investigation update, the six scores of each
 * outcome wheel, and the reason of each RISE closure strategy. They go to {@code pw_task_fact}, one row
 * per fact, in the transaction that completes the task.
 */
@Component
class TaskFacts extends AbstractProcessEnginePlugin {

    static final String DISRUPTION = "disruptionActivity";
    static final String WHEEL_TOTAL = "outcomeWheelTotal";
    static final String CLOSURE_REASON = "closureReason";
    static final String POLICE_INVESTIGATION = "police-investigation";
    static final String OUTCOME_WHEEL = "outcome-wheel";
    static final String CLOSURE_STRATEGY = "closure-strategy";
    static final String DISRUPTION_FIELD = "disruptionActivities";
    static final List<String> WHEEL_AREAS = List.of(
            "wheelSafety", "wheelRelationships", "wheelHealth", "wheelEmotional", "wheelEducation", "wheelChoices");

    private final Recorder recorder;

    TaskFacts(@Lazy Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskParsing.onComplete(
                configuration,
                List.of(POLICE_INVESTIGATION, OUTCOME_WHEEL, CLOSURE_STRATEGY)::contains,
                task -> recorder.completed(task));
    }

    /** Writes the facts of a completed task. */
    @Component
    static class Recorder {

        private final JdbcTemplate jdbc;
        private final ObjectMapper json;

        Recorder(JdbcTemplate jdbc, ObjectMapper json) {
            this.jdbc = jdbc;
            this.json = json;
        }

        void completed(DelegateTask task) {
            String caseId = Variables.caseId(task);
            Submission recorded = Submissions.of(task).orElse(null);
            if (caseId == null || recorded == null) {
                return;
            }
            Object reference = task.getVariable(CaseVariables.REFERENCE);
            Instant at = Now.instant();
            switch (task.getTaskDefinitionKey()) {
                case POLICE_INVESTIGATION -> {
                    for (String activity : codes(recorded.field(DISRUPTION_FIELD))) {
                        insert(caseId, reference, task, at, DISRUPTION, activity, null);
                    }
                }
                case OUTCOME_WHEEL -> {
                    int total = 0;
                    for (String area : WHEEL_AREAS) {
                        Object value = recorded.field(area);
                        if (!(value instanceof Number)
                                && (value == null || !value.toString().strip().matches("\\d{1,2}"))) {
                            return; // an incomplete wheel is not compared
                        }
                        int score = value instanceof Number n
                                ? n.intValue()
                                : Integer.parseInt(value.toString().strip());
                        insert(caseId, reference, task, at, area, null, score);
                        total += score;
                    }
                    insert(caseId, reference, task, at, WHEEL_TOTAL, null, total);
                }
                case CLOSURE_STRATEGY -> {
                    Object reason = recorded.field(CLOSURE_REASON);
                    if (reason != null && !reason.toString().isBlank()) {
                        insert(
                                caseId,
                                reference,
                                task,
                                at,
                                CLOSURE_REASON,
                                truncate(reason.toString().strip()),
                                null);
                    }
                }
                default -> {}
            }
        }

        private void insert(
                String caseId,
                Object reference,
                DelegateTask task,
                Instant at,
                String fact,
                String text,
                Integer number) {
            jdbc.update(
                    """
                    insert into pw_task_fact (case_id, reference, task_id, task_key, recorded_at, fact, text_value, number_value)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    caseId,
                    reference == null ? null : reference.toString(),
                    task.getId(),
                    task.getTaskDefinitionKey(),
                    KpiRepository.ts(at),
                    fact,
                    text,
                    number);
        }

        /** A checklist's codes, however the form sent them: a list, a JSON array, or comma-separated text. */
        List<String> codes(Object value) {
            List<String> codes = new ArrayList<>();
            if (value == null) {
                return codes;
            }
            if (value instanceof Collection<?> list) {
                list.forEach(v -> add(codes, v));
                return codes;
            }
            if (value instanceof Map<?, ?>) {
                return codes;
            }
            String text = value.toString().strip();
            if (text.startsWith("[")) {
                try {
                    for (JsonNode node : json.readTree(text)) {
                        add(codes, node.asText());
                    }
                } catch (Exception e) {
                    return codes;
                }
                return codes;
            }
            for (String part : text.split(",")) {
                add(codes, part);
            }
            return codes;
        }

        private static void add(List<String> codes, Object value) {
            String code = value == null ? "" : value.toString().strip();
            if (!code.isEmpty() && !codes.contains(code)) {
                codes.add(truncate(code));
            }
        }

        private static String truncate(String text) {
            return text.length() <= 100 ? text : text.substring(0, 100);
        }
    }
}
