package uk.pathways.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A hook on every user task the engine parses, whichever way its model was deployed, after Camunda's own parsing:
 * for an engine plugin's {@code preInit} to add what no process owner can leave out of a model.
 * <p>
 * Pathways' own steps on a task event ({@link #onCreate}, {@link #onComplete}: the completion gate's options, the case
 * record's lifecycle, the dashboards' task facts) are one listener pass per task event (issue 20, ADR 0020): each user
 * task gets one task listener per event, which runs the steps that apply to it in the order the plugins registered
 * them, instead of one engine listener invocation per plugin.
 */
public final class UserTaskParsing {

    /** One parsed user task: its BPMN element, its activity and its task definition (where listeners go). */
    @FunctionalInterface
    public interface Hook {
        void parsed(Element element, ActivityImpl activity, TaskDefinition definition);
    }

    private UserTaskParsing() {}

    public static void onEveryUserTask(ProcessEngineConfigurationImpl configuration, Hook hook) {
        listeners(configuration).add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                hook.parsed(element, activity, definitionOf(activity));
            }
        });
    }

    /** {@code step} runs when any user task is created, in Pathways' one listener pass for that event. */
    public static void onCreate(ProcessEngineConfigurationImpl configuration, TaskListener step) {
        pass(configuration).add(TaskListener.EVENTNAME_CREATE, activity -> true, step);
    }

    /** {@code step} runs when a user task whose id {@code applies} is completed, in the one pass for that event. */
    public static void onComplete(
            ProcessEngineConfigurationImpl configuration, Predicate<String> applies, TaskListener step) {
        pass(configuration).add(TaskListener.EVENTNAME_COMPLETE, applies, step);
    }

    private static TaskDefinition definitionOf(ActivityImpl activity) {
        return ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    }

    private static List<BpmnParseListener> listeners(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        return listeners;
    }

    /** The configuration's one pass, added as a parse listener the first time a plugin registers a step. */
    private static OnePass pass(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = listeners(configuration);
        for (BpmnParseListener listener : listeners) {
            if (listener instanceof OnePass pass) {
                return pass;
            }
        }
        OnePass pass = new OnePass();
        listeners.add(pass);
        return pass;
    }

    private record Registered(String event, Predicate<String> applies, TaskListener step) {}

    /** Adds, to each user task, one listener per event holding the steps that apply to that task. */
    static final class OnePass extends AbstractBpmnParseListener {

        private final List<Registered> steps = new ArrayList<>();

        void add(String event, Predicate<String> applies, TaskListener step) {
            steps.add(new Registered(event, applies, step));
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            TaskDefinition definition = definitionOf(activity);
            for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_COMPLETE)) {
                List<TaskListener> forTask = steps.stream()
                        .filter(s -> s.event().equals(event) && s.applies().test(activity.getId()))
                        .map(Registered::step)
                        .toList();
                if (!forTask.isEmpty()) {
                    definition.addTaskListener(event, new Steps(forTask));
                }
            }
        }
    }

    /** The steps of one task event, run in one engine listener invocation. */
    record Steps(List<TaskListener> steps) implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            for (TaskListener step : steps) {
                step.notify(task);
            }
        }
    }
}
