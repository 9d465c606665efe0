package uk.pathways.casefile.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** The {@code camunda:properties} a process owner set on a model element (stage, ...). */
public final class ModelProperties {

    /** The case stage a task moves the case to when it is created. */
    public static final String STAGE = "stage";

    private ModelProperties() {}

    public static Map<String, String> of(BaseElement element) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (element == null) {
            return properties;
        }
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return properties;
        }
        for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty p : group.getCamundaProperties()) {
                properties.put(p.getCamundaName(), p.getCamundaValue());
            }
        }
        return properties;
    }
}
