package uk.pathways.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * The rules of the form a task names ({@code camunda:formRef}, with its binding), read once per deployed form
 * version (a deployed form never changes) and kept in memory.
 */
final class FormRulesCache {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, FormRules> byFormDefinitionId = new ConcurrentHashMap<>();

    /** The rules of the task's form, or empty when the task names no Camunda Form. */
    Optional<FormRules> of(TaskEntity task, CommandContext context) {
        TaskDefinition definition = task.getTaskDefinition();
        if (definition == null || definition.getFormDefinition() == null) {
            return Optional.empty();
        }
        FormDefinition form = definition.getFormDefinition();
        Expression key = form.getCamundaFormDefinitionKey();
        if (key == null) {
            return Optional.empty();
        }
        CamundaFormRefImpl ref =
                new CamundaFormRefImpl(String.valueOf(key.getValue(task)), form.getCamundaFormDefinitionBinding());
        if (form.getCamundaFormDefinitionVersion() != null) {
            Object version = form.getCamundaFormDefinitionVersion().getValue(task);
            ref.setVersion(version == null ? null : Integer.valueOf(version.toString()));
        }
        String deploymentId = task.getProcessDefinition() == null
                ? null
                : task.getProcessDefinition().getDeploymentId();
        CamundaFormDefinition deployed =
                context.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, deploymentId));
        if (deployed == null) {
            return Optional.empty();
        }
        return Optional.of(byFormDefinitionId.computeIfAbsent(deployed.getId(), id -> read(deployed, context)));
    }

    private static FormRules read(CamundaFormDefinition deployed, CommandContext context) {
        ResourceEntity resource = context.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(deployed.getDeploymentId(), deployed.getResourceName());
        try {
            return FormRules.parse(JSON.readTree(resource.getBytes()));
        } catch (IOException e) {
            throw new IllegalStateException("The deployed form " + deployed.getResourceName() + " is not JSON", e);
        }
    }
}
