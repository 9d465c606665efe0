package uk.pathways.gate;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;

/**
 * What an engine command carries, read from Camunda 7.24's command classes, which have no getters for it. Each field
 * is looked up when the class loads, so an engine whose commands differ fails at start-up instead of letting a
 * command pass unchecked.
 */
final class EngineInternals {

    static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
    static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
    static final Field COMPLETE_RETURN_VARIABLES = field(CompleteTaskCmd.class, "returnVariables");
    static final Field COMPLETE_DESERIALIZE = field(CompleteTaskCmd.class, "deserializeReturnedVariables");
    static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
    static final Field SUBMIT_PROPERTIES = field(SubmitTaskFormCmd.class, "properties");
    static final Field SUBMIT_RETURN_VARIABLES = field(SubmitTaskFormCmd.class, "returnVariables");
    static final Field SUBMIT_DESERIALIZE = field(SubmitTaskFormCmd.class, "deserializeValues");
    static final Field CLAIM_TASK_ID = field(ClaimTaskCmd.class, "taskId");
    static final Field CLAIM_USER_ID = field(ClaimTaskCmd.class, "userId");
    static final Field LINK_TASK_ID = field(AbstractSetTaskPropertyCmd.class, "taskId");
    static final Field LINK_USER_ID = field(AbstractAddIdentityLinkCmd.class, "userId");
    static final Field CORRELATION_BUILDER = field(AbstractCorrelateMessageCmd.class, "builder");
    static final Field FILTER_ID = field(AbstractExecuteFilterCmd.class, "filterId");
    static final Field FILTER_EXTENDING_QUERY = field(AbstractExecuteFilterCmd.class, "extendingQuery");
    static final Field SAVED_FILTER = field(SaveFilterCmd.class, "filter");
    static final Field DELETED_TASK_ID = field(DeleteTaskCmd.class, "taskId");

    private EngineInternals() {}

    static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(
                    "The completion gate cannot read " + type.getName() + "." + name
                            + ": this engine version is not the one Pathways was built for",
                    e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T read(Field field, Object command) {
        try {
            return (T) field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageCorrelationBuilderImpl correlation(AbstractCorrelateMessageCmd command) {
        return read(CORRELATION_BUILDER, command);
    }
}
