package uk.pathways.modeling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before the engine's own deployers on every new deployment, however it arrives (start-up auto-deployment,
 * {@code /engine-rest/deployment/create} from the Modeler, {@code POST /api/deployments}, a test): a signed-in user
 * who is not a process owner is refused, and a deployment whose models break the Pathways rules is refused with
 * the list of what is wrong. Refusing throws inside the deployment's transaction, so nothing is deployed.
 */
class ValidatingDeployer implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(ValidatingDeployer.class);

    private final Supplier<PathwayValidator> validator;

    ValidatingDeployer(Supplier<PathwayValidator> validator) {
        this.validator = validator;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // a deployment read back from the database into the cache: checked when it was made
        }
        CommandContext commandContext = Context.getCommandContext();
        ProcessOwners.check(commandContext.getAuthentication(), "deploy pathways");
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            resources.put(resource.getName(), resource.getBytes());
        }
        long started = System.nanoTime();
        ValidationReport report = validator.get().validate(resources, new EngineModelContext(commandContext));
        // what the validator adds to a deployment, start-up's first included (B5, docs/benchmarks.md)
        log.info(
                "Deployment '{}': {} resources validated in {} ms",
                deployment.getName(),
                resources.size(),
                (System.nanoTime() - started) / 1_000_000);
        if (!report.ok()) {
            log.warn("Deployment '{}' refused: {}", deployment.getName(), report.describe());
            throw new ModelsRefused(report);
        }
        if (!report.warnings().isEmpty()) {
            log.info("Deployment '{}': {}", deployment.getName(), report.describe());
        }
    }
}
