package uk.pathways.modeling;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** What the engine has deployed, read inside an engine command. */
record EngineModelContext(CommandContext commandContext) implements ModelContext {

    @Override
    public boolean formDeployed(String key) {
        return commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null;
    }

    @Override
    public boolean decisionDeployed(String key) {
        return commandContext.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null;
    }

    @Override
    public boolean processDeployed(String key) {
        return commandContext.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null;
    }
}
