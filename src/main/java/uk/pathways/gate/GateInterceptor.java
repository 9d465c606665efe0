package uk.pathways.gate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.IdentityLinkType;
import uk.pathways.agency.Agency;
import uk.pathways.web.EngineFailures;
import uk.pathways.web.FieldProblem;

/**
 * The completion gate: one engine command interceptor, inside the command context, so that every door (the Tasklist,
 * {@code /engine-rest} {@code complete} and {@code submit-form}, the webapps' engine API, Pathways' pages and API, the
 * Java API, messages) is checked the same way (contract version 2, section 7):
 * <ul>
 * <li>a completion carries only its form's fields and the section 5 variables, each of its type and options; what it
 * recorded goes to the case record ({@link Submissions}); only the form's decision fields reach the engine;</li>
 * <li>a task is claimed by its caller for themself, or assigned by a manager of its agency to a member of it;</li>
 * <li>people set no variables outside a completion, start no pathway but through the contract's messages, add no
 * comments or attachments, delete no tasks, and read no instance statistics unless they own the processes;</li>
 * <li>a message from a person carries only its rule's payload, and is correlated by the platform once its rule has
 * passed;</li>
 * <li>no query evaluates an expression, in any of its or-queries or in a stored filter.</li>
 * </ul>
 * System administrators ({@code camunda-admin}) and the platform itself are held only to the completion and query
 * rules.
 */
final class GateInterceptor extends CommandInterceptor {

    private final FormRulesCache forms = new FormRulesCache();
    private final SubmissionReader reader;
    private final Function<String, Optional<MessageRule>> messageRules;

    GateInterceptor(
            Function<String, Set<String>> dynamicOptions, Function<String, Optional<MessageRule>> messageRules) {
        this.reader = new SubmissionReader(dynamicOptions);
        this.messageRules = messageRules;
    }

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return gate(command);
        } catch (RuntimeException failure) {
            // a listener's refusal reaches the door as itself (400 naming the field), not in the engine's wrapper
            RuntimeException answer = refusalIn(failure);
            EngineFailures.record(answer);
            throw answer;
        }
    }

    /** The completion's refusal if a listener or delegate made one (the engine wraps it); otherwise the failure. */
    private static RuntimeException refusalIn(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TaskInputRefused refused) {
                return refused;
            }
        }
        return failure;
    }

    @SuppressWarnings("unchecked")
    private <T> T gate(Command<T> command) {
        CommandContext context = Context.getCommandContext();
        if (command instanceof ResolveTaskCmd) {
            refuseForPeople(context, "Tasks are not delegated in Pathways: complete the task's form");
        } else if (command instanceof CompleteTaskCmd complete) {
            return (T) complete(complete, context);
        } else if (command instanceof SubmitTaskFormCmd submit) {
            return (T) submit(submit, context);
        } else if (command instanceof ClaimTaskCmd claim) {
            checkClaim(
                    context,
                    EngineInternals.read(EngineInternals.CLAIM_TASK_ID, claim),
                    EngineInternals.read(EngineInternals.CLAIM_USER_ID, claim));
        } else if (command instanceof AssignTaskCmd assign) {
            if (Caller.of(context).restricted()) {
                checkClaim(
                        context,
                        EngineInternals.read(EngineInternals.LINK_TASK_ID, assign),
                        EngineInternals.read(EngineInternals.LINK_USER_ID, assign));
                return context.runWithoutAuthorization(() -> next.execute(command));
            }
        } else if (command instanceof AbstractSetVariableCmd
                || command instanceof AbstractPatchVariablesCmd
                || command instanceof AbstractRemoveVariableCmd
                || command instanceof SetVariablesToProcessInstancesBatchCmd
                || command instanceof ModifyProcessInstanceCmd
                || command instanceof ModifyProcessInstanceAsyncCmd) {
            refuseForPeople(context, "Variables change only through a task's form (complete or submit-form)");
        } else if (command instanceof StartProcessInstanceCmd
                || command instanceof StartProcessInstanceAtActivitiesCmd
                || command instanceof RestartProcessInstancesCmd
                || command instanceof SignalCmd
                || command instanceof SignalEventReceivedCmd) {
            refuseForPeople(
                    context,
                    "A pathway starts through POST /api/referrals, POST /api/missing-episodes "
                            + "or the contract's messages (CseReferralReceived, MissingReported)");
        } else if (command instanceof EvaluateStartConditionCmd) {
            if (!Caller.of(context).platform()) {
                throw new BadUserRequestException("No Pathways process starts on a condition");
            }
        } else if (command instanceof AddCommentCmd || command instanceof CreateAttachmentCmd) {
            refuseForPeople(
                    context,
                    "Comments and attachments are switched off: what you record goes in the task's form, "
                            + "which keeps it in the case record");
        } else if (command instanceof DeleteTaskCmd delete) {
            checkDelete(context, EngineInternals.read(EngineInternals.DELETED_TASK_ID, delete));
        } else if (command instanceof AbstractCorrelateMessageCmd correlate) {
            return message(context, EngineInternals.correlation(correlate), command);
        } else if (command instanceof CorrelateAllMessageBatchCmd || command instanceof MessageEventReceivedCmd) {
            refuseForPeople(context, "Send a message by name and business key (POST /engine-rest/message)");
        } else if (command instanceof ProcessDefinitionStatisticsQueryImpl
                || command instanceof ActivityStatisticsQueryImpl
                || command instanceof DeploymentStatisticsQueryImpl) {
            Caller caller = Caller.of(context);
            if (caller.restricted() && !caller.processOwner()) {
                throw new AuthorizationException("Process statistics are for process owners and administrators");
            }
        } else if (command instanceof TaskQueryImpl query) {
            noExpressions(query);
        } else if (command instanceof AbstractExecuteFilterCmd filter) {
            noExpressions(EngineInternals.read(EngineInternals.FILTER_EXTENDING_QUERY, filter));
            String filterId = EngineInternals.read(EngineInternals.FILTER_ID, filter);
            FilterEntity stored =
                    filterId == null ? null : context.getFilterManager().findFilterById(filterId);
            if (stored != null) {
                noExpressions(stored.getQuery());
            }
        } else if (command instanceof SaveFilterCmd save) {
            org.camunda.bpm.engine.filter.Filter filter = EngineInternals.read(EngineInternals.SAVED_FILTER, save);
            if (filter != null) {
                noExpressions(filter.getQuery());
            }
        }
        return next.execute(command);
    }

    // ---- completions

    private Object complete(CompleteTaskCmd command, CommandContext context) {
        String taskId = EngineInternals.read(EngineInternals.COMPLETE_TASK_ID, command);
        Map<String, Object> variables = EngineInternals.read(EngineInternals.COMPLETE_VARIABLES, command);
        Optional<Submission> submission = check(taskId, variables, context);
        if (submission.isEmpty()) {
            return next.execute(command);
        }
        boolean returnVariables = EngineInternals.read(EngineInternals.COMPLETE_RETURN_VARIABLES, command);
        boolean deserialize = EngineInternals.read(EngineInternals.COMPLETE_DESERIALIZE, command);
        return withSubmission(
                submission.get(),
                () -> next.execute(
                        new CompleteTaskCmd(taskId, submission.get().decisions(), returnVariables, deserialize)));
    }

    private Object submit(SubmitTaskFormCmd command, CommandContext context) {
        String taskId = EngineInternals.read(EngineInternals.SUBMIT_TASK_ID, command);
        Map<String, Object> properties = EngineInternals.read(EngineInternals.SUBMIT_PROPERTIES, command);
        Optional<Submission> submission = check(taskId, properties, context);
        if (submission.isEmpty()) {
            return next.execute(command);
        }
        boolean returnVariables = EngineInternals.read(EngineInternals.SUBMIT_RETURN_VARIABLES, command);
        boolean deserialize = EngineInternals.read(EngineInternals.SUBMIT_DESERIALIZE, command);
        return withSubmission(
                submission.get(),
                () -> next.execute(
                        new SubmitTaskFormCmd(taskId, submission.get().decisions(), returnVariables, deserialize)));
    }

    /** The submission of an open task, checked; empty for a task that does not exist (the engine answers that). */
    private Optional<Submission> check(String taskId, Map<String, Object> variables, CommandContext context) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return Optional.empty();
        }
        FormRules rules = forms.of(task, context).orElse(new FormRules("none", Map.of()));
        return Optional.of(reader.read(taskId, task.getTaskDefinitionKey(), rules, variables));
    }

    private static <T> T withSubmission(Submission submission, java.util.function.Supplier<T> completion) {
        Submissions.put(submission);
        try {
            return completion.get();
        } finally {
            Submissions.remove(submission.taskId());
        }
    }

    // ---- claims

    /**
     * Claiming (or assigning) {@code userId}: the caller for themself; nobody (unclaiming) by its assignee or a manager
     * of its agency; anyone else of the task's agency by a manager of that agency.
     */
    private static void checkClaim(CommandContext context, String taskId, String userId) {
        Caller caller = Caller.of(context);
        if (!caller.restricted() || taskId == null) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null || caller.userId().equals(userId)) {
            return;
        }
        Optional<Agency> agency = agencyOf(task);
        boolean manager = agency.isPresent() && caller.inGroup(agency.get().managersGroupId());
        if (userId == null && (caller.userId().equals(task.getAssignee()) || manager)) {
            return;
        }
        if (userId != null && manager && isMember(context, userId, agency.get().groupId())) {
            return;
        }
        throw new AuthorizationException(
                caller.userId(), "claim the task for " + (userId == null ? "nobody" : userId), "Task", taskId);
    }

    /** The agency a task is for: its first candidate group that is an agency's own group. */
    static Optional<Agency> agencyOf(TaskEntity task) {
        List<IdentityLinkEntity> links = task.getIdentityLinks();
        return links.stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> Agency.byGroupId(l.getGroupId()))
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> links.stream()
                        .filter(l -> l.getGroupId() != null)
                        .map(l -> Agency.ofGroup(l.getGroupId()))
                        .flatMap(Optional::stream)
                        .findFirst());
    }

    private static boolean isMember(CommandContext context, String userId, String groupId) {
        return context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider()
                        .createGroupQuery()
                        .groupMember(userId)
                        .groupId(groupId)
                        .count()
                > 0);
    }

    private static void checkDelete(CommandContext context, String taskId) {
        if (Caller.of(context).platform() || taskId == null) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task != null && task.getProcessInstanceId() != null) {
            throw new AuthorizationException(
                    "A pathway's task ends with the pathway: it cannot be deleted (task " + taskId + ")");
        }
        refuseForPeople(context, "Tasks are not deleted in Pathways");
    }

    // ---- messages

    private <T> T message(CommandContext context, MessageCorrelationBuilderImpl correlation, Command<T> command) {
        Caller caller = Caller.of(context);
        if (!caller.restricted()) {
            return next.execute(command);
        }
        String name = correlation.getMessageName();
        MessageRule rule = messageRules
                .apply(name)
                .orElseThrow(() -> new AuthorizationException(
                        "Message '" + name + "' is not one agencies send (CseReferralReceived, "
                                + "MissingReported, MissingChildReturned, MissingRiskRegraded)"));
        List<FieldProblem> problems = new java.util.ArrayList<>();
        Map<String, Object> payload = correlation.getPayloadProcessInstanceVariables() == null
                ? Map.of()
                : correlation.getPayloadProcessInstanceVariables();
        for (String variable : payload.keySet()) {
            if (!rule.payload().contains(variable)) {
                problems.add(new FieldProblem(
                        "processVariables." + variable,
                        "message " + name + " carries only " + String.join(", ", rule.payload())));
            }
        }
        if (notEmpty(correlation.getPayloadProcessInstanceVariablesLocal())
                || notEmpty(correlation.getPayloadProcessInstanceVariablesToTriggeredScope())) {
            problems.add(new FieldProblem(
                    "processVariablesLocal",
                    "message " + name + " carries only " + String.join(", ", rule.payload())
                            + " as process variables"));
        }
        if (notEmpty(correlation.getCorrelationProcessInstanceVariables())
                || notEmpty(correlation.getCorrelationLocalVariables())
                || correlation.getProcessInstanceId() != null
                || correlation.getProcessDefinitionId() != null) {
            problems.add(new FieldProblem(
                    "correlationKeys",
                    "message " + name
                            + (rule.byBusinessKey()
                                    ? " is correlated by its business key alone"
                                    : " starts a pathway and is correlated by nothing")));
        }
        if (rule.byBusinessKey()
                && (correlation.getBusinessKey() == null
                        || correlation.getBusinessKey().isBlank())) {
            problems.add(new FieldProblem(
                    "businessKey", "message " + name + " needs the business key of the pathway it is for"));
        }
        if (!rule.byBusinessKey() && correlation.getBusinessKey() != null) {
            problems.add(new FieldProblem(
                    "businessKey", "message " + name + " starts a pathway: Pathways gives its reference"));
        }
        if (!problems.isEmpty()) {
            throw new TaskInputRefused(problems);
        }
        rule.check(caller.userId(), correlation.getBusinessKey(), payload);
        return context.runWithoutAuthorization(() -> next.execute(command));
    }

    private static boolean notEmpty(Map<?, ?> map) {
        return map != null && !map.isEmpty();
    }

    // ---- queries

    private static void noExpressions(Object query) {
        if (query instanceof TaskQueryImpl task) {
            for (TaskQueryImpl part : task.getQueries()) {
                if (part.getExpressions() != null && !part.getExpressions().isEmpty()) {
                    throw new BadUserRequestException("Expressions are not allowed in queries ("
                            + String.join(", ", part.getExpressions().keySet()) + ")");
                }
            }
        } else if (query instanceof Query<?, ?> other
                && other instanceof org.camunda.bpm.engine.impl.AbstractQuery<?, ?> any
                && any.getExpressions() != null
                && !any.getExpressions().isEmpty()) {
            throw new BadUserRequestException("Expressions are not allowed in queries");
        }
    }

    private static void refuseForPeople(CommandContext context, String why) {
        if (Caller.of(context).restricted()) {
            throw new AuthorizationException(why);
        }
    }
}
