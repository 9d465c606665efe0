package uk.pathways.agency;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * A task that has closed, as the one who was working on it may be told: the task pages ("... was completed by someone
 * else before you sent your form"), the engine REST API and the Tasklist's API (409 for a lost race) ask the same
 * question here, and say it in the same words. Agencies may not read history, so it is read as the platform, one task
 * id at a time.
 */
@Component
public class ClosedTasks {

    /** What a form sent for a closed task leaves behind. */
    public static final String NOTHING_RECORDED = "Nothing you entered was recorded.";
    /** The end of what a form sent for a task that closed since it was listed is told. */
    public static final String BEFORE_YOUR_FORM = "before you sent your form. " + NOTHING_RECORDED;
    /** The end of what a claim of a task that closed since it was listed is told. */
    public static final String BEFORE_YOUR_CLAIM = "before you claimed it.";

    private final HistoryService historyService;
    private final TaskService taskService;
    private final Privileged privileged;

    ClosedTasks(HistoryService historyService, TaskService taskService, Privileged privileged) {
        this.historyService = historyService;
        this.taskService = taskService;
        this.privileged = privileged;
    }

    /** The task {@code taskId} if it has closed (completed, or ended with its process or activity). */
    public Optional<HistoricTaskInstance> closed(String taskId) {
        return Optional.ofNullable(privileged.call(() -> historyService
                .createHistoricTaskInstanceQuery()
                .taskId(taskId)
                .finished()
                .singleResult()));
    }

    /**
     * The task {@code taskId} if it has closed and was offered to the user: assigned to them (as the engine lets an
     * assignee read their task while it is open), or they or one of {@code groups} were among its candidates when it
     * closed, replaying the identity link log's additions and removals in order (history level full; below it, only
     * the assignee). {@code groups} are the user's groups now, as they sign in (none if null). The platform's
     * administrators ({@code camunda-admin}) pass every engine check and may work any task, so every closed task was
     * theirs to lose.
     */
    public Optional<HistoricTaskInstance> closedAndOfferedTo(
            String taskId, String userId, Collection<String> groupsOrNull) {
        Collection<String> groups = groupsOrNull == null ? List.of() : groupsOrNull;
        Optional<HistoricTaskInstance> closed = closed(taskId);
        // the candidates are read whether or not the task is found, so that a closed task that was never theirs takes
        // another agency as long to be told "not found" as an id that never was
        boolean candidate = wasCandidate(taskId, userId, groups);
        if (groups.contains(Agency.CAMUNDA_ADMIN)) {
            return closed;
        }
        return closed.filter(task -> userId.equals(task.getAssignee()) || candidate);
    }

    /** Whether a task {@code taskId} is open now (read as the platform, whoever asks). */
    public boolean isOpen(String taskId) {
        return privileged.call(
                        () -> taskService.createTaskQuery().taskId(taskId).count())
                > 0;
    }

    /**
     * What the one a closed task was offered to is told, in one sentence that starts with the task's name: {@code
     * "Screen the referral" was completed by someone else} and {@code tail}.
     */
    public String told(HistoricTaskInstance closed, String userId, String tail) {
        String name = closed.getName() == null ? "This task" : "\"" + closed.getName() + "\"";
        return name + " " + howItClosed(closed, userId) + " " + tail;
    }

    /**
     * How a closed task closed, as the one it was offered to is told (the task pages and the Tasklist say the same):
     * "was completed by you already, in another window or tab," (the user operation log names them), "was completed
     * by someone else", or "was closed as the pathway moved on" (it ended without a completion).
     */
    public String howItClosed(HistoricTaskInstance closed, String userId) {
        if (!"completed".equals(closed.getDeleteReason())) {
            return "was closed as the pathway moved on";
        }
        return userId.equals(completedBy(closed))
                ? "was completed by you already, in another window or tab,"
                : "was completed by someone else";
    }

    /** Who completed a closed task: the user operation log's entry, else its assignee (the pages claim first). */
    private String completedBy(HistoricTaskInstance closed) {
        return privileged
                .call(() -> historyService
                        .createUserOperationLogQuery()
                        .taskId(closed.getId())
                        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                        .list())
                .stream()
                .map(UserOperationLogEntry::getUserId)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(closed.getAssignee());
    }

    private boolean wasCandidate(String taskId, String userId, Collection<String> groups) {
        Set<String> candidates = new HashSet<>();
        for (HistoricIdentityLinkLog link : privileged.call(() -> historyService
                .createHistoricIdentityLinkLogQuery()
                .taskId(taskId)
                .type(IdentityLinkType.CANDIDATE)
                .orderByTime()
                .asc()
                .list())) {
            String who = link.getGroupId() != null ? "group:" + link.getGroupId() : "user:" + link.getUserId();
            if ("add".equals(link.getOperationType())) {
                candidates.add(who);
            } else if ("delete".equals(link.getOperationType())) {
                candidates.remove(who);
            }
        }
        return candidates.contains("user:" + userId)
                || groups.stream().anyMatch(group -> candidates.contains("group:" + group));
    }
}
