package uk.pathways.casefile.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Adds {@link TaskLifecycle} to every user task the engine parses, whichever way the model was deployed,
 * and keeps sensitive variables (a task's {@code caseRecord} fields) out of the engine's history.
 */
@Component
class CaseRecordEnginePlugin extends AbstractProcessEnginePlugin {

    private final TaskListener lifecycle;

    CaseRecordEnginePlugin(@Lazy TaskLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskParsing.onEveryUserTask(configuration, (userTaskElement, activity, definition) -> {
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, lifecycle);
            definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, lifecycle);
            String fields = userTaskElement.element("extensionElements") == null ? null : caseRecordFields(userTaskElement);
            if (fields != null) {
                for (String field : fields.split(",")) {
                    SensitiveVariables.register(field.strip());
                }
            }
        });
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new SensitiveVariables());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private static String caseRecordFields(Element userTask) {
        Element properties = userTask.element("extensionElements").elementNS(
                org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        for (Element property : properties.elementsNS(
                org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            if (ModelProperties.CASE_RECORD.equals(property.attribute("name"))) {
                return property.attribute("value");
            }
        }
        return null;
    }
}
