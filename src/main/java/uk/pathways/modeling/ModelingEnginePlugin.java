package uk.pathways.modeling;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Puts the pathway validator in front of the engine's deployers: every deployment is checked. */
@Component
class ModelingEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<PathwayValidator> validator;

    ModelingEnginePlugin(ObjectProvider<PathwayValidator> validator) {
        this.validator = validator;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, new ValidatingDeployer(validator::getObject));
        configuration.setCustomPreDeployers(preDeployers);
    }
}
