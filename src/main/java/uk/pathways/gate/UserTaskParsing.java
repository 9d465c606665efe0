package uk.pathways.gate;

import java.util.ArrayList;
import java.util.List;
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
 * for an engine plugin's {@code preInit} to add task listeners that no process owner can leave out of a model.
 */
public final class UserTaskParsing {

    /** One parsed user task: its BPMN element, its activity and its task definition (where listeners go). */
    @FunctionalInterface
    public interface Hook {
        void parsed(Element element, ActivityImpl activity, TaskDefinition definition);
    }

    private UserTaskParsing() {}

    public static void onEveryUserTask(ProcessEngineConfigurationImpl configuration, Hook hook) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                hook.parsed(
                        element,
                        activity,
                        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition());
            }
        });
    }
}
