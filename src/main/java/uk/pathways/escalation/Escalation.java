package uk.pathways.escalation;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.casefile.process.Variables;

/**
 * The timeout listener behind every clock, named {@code ${escalation}} in each user task's
 * {@code camunda:taskListener event="timeout"}. The task stays open and where it is; it gains the
 * escalation group as a candidate group, its task-local {@code escalated} becomes {@code true}, the
 * breach is recorded in the case record, and {@link TaskEscalated} is published (notifications and
 * dashboards listen). Running twice for one task changes nothing the second time.
 * <p>
 * The same mechanism reminds instead of escalating for the tasks listed in {@code pathways.escalation.reminders},
 * and for a second, earlier clock on a task that also escalates: a timeout listener with
 * {@code delegateExpression="${escalation.reminder}"} (the return home interview reminds at 48 hours and
 * escalates at 72). A reminder goes to the assignee, or to the task's agency while nobody has claimed it.
 */
@Component("escalation")
public class Escalation implements TaskListener {

    public static final String ESCALATED = "escalated";
    public static final String ESCALATION_KIND = "ESCALATION";
    public static final String REMINDER_KIND = "REMINDER";

    private final EscalationProperties properties;
    private final CaseFile caseFile;
    private final ApplicationEventPublisher events;

    Escalation(EscalationProperties properties, CaseFile caseFile, ApplicationEventPublisher events) {
        this.properties = properties;
        this.caseFile = caseFile;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        breached(task, properties.reminders().contains(task.getTaskDefinitionKey()));
    }

    /** {@code ${escalation.reminder}}: this clock only reminds, whatever the task's other clocks do. */
    public TaskListener getReminder() {
        return task -> breached(task, true);
    }

    private void breached(DelegateTask task, boolean reminder) {
        String target = reminder ? reminderTargetOf(task) : escalationGroupOf(task);
        String caseId = Variables.caseId(task);
        Object reference = task.getVariable(CaseVariables.REFERENCE);
        boolean first = caseFile.recordBreach(
                caseId,
                reference == null ? null : reference.toString(),
                task.getProcessInstanceId(),
                task.getId(),
                task.getTaskDefinitionKey(),
                task.getName(),
                reminder ? REMINDER_KIND : ESCALATION_KIND,
                task.getDueDate() == null ? Now.instant() : task.getDueDate().toInstant(),
                target);
        if (!reminder) {
            if (target != null && !hasCandidateGroup(task, target)) {
                task.addCandidateGroup(target);
            }
            task.setVariableLocal(ESCALATED, true);
        } else {
            task.setVariableLocal("reminded", true);
        }
        if (first) {
            events.publishEvent(new TaskEscalated(
                    caseId,
                    reference == null ? null : reference.toString(),
                    task.getProcessInstanceId(),
                    task.getId(),
                    task.getTaskDefinitionKey(),
                    task.getName(),
                    task.getDueDate(),
                    target,
                    reminder,
                    Now.instant()));
        }
    }

    /** The configured target for the task, or the managers' group of the task's (first) agency. */
    String escalationGroupOf(DelegateTask task) {
        String configured = properties.targets().get(task.getTaskDefinitionKey());
        if (configured != null) {
            return configured;
        }
        Set<String> managers = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                Agency.ofGroup(link.getGroupId()).ifPresent(a -> managers.add(a.managersGroupId()));
            }
        }
        if (managers.isEmpty()) {
            throw new IllegalStateException("task " + task.getTaskDefinitionKey()
                    + " has no agency candidate group to escalate to; set pathways.escalation.targets."
                    + task.getTaskDefinitionKey());
        }
        return managers.iterator().next();
    }

    /** The assignee, or while nobody has claimed the task its (first) agency group. */
    static String reminderTargetOf(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        return task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .filter(g -> Agency.byGroupId(g).isPresent())
                .findFirst()
                .orElse(null);
    }

    private static boolean hasCandidateGroup(DelegateTask task, String group) {
        return task.getCandidates().stream()
                .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && group.equals(l.getGroupId()));
    }
}
