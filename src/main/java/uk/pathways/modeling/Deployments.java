package uk.pathways.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.stereotype.Service;

/**
 * Deploying models a process owner uploads: check them (a dry run deploys nothing), then deploy through the engine,
 * whose pre-deployer checks them again in the deployment's own transaction.
 */
@Service
public class Deployments {

    public static final String SOURCE = "Pathways upload";

    private final PathwayValidator validator;
    private final RepositoryService repositoryService;
    private final ProcessEngineConfigurationImpl configuration;

    Deployments(PathwayValidator validator, RepositoryService repositoryService, ProcessEngine engine) {
        this.validator = validator;
        this.repositoryService = repositoryService;
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /** A definition a deployment made: its key and version. */
    public record Deployed(String kind, String key, int version, String id) {}

    /** What a deployment did, or would do (a dry run, or a refusal). */
    public record Outcome(ValidationReport report, boolean deployed, String deploymentId, List<Deployed> definitions) {}

    /** Checks the files against the Pathways rules and what the engine already has, deploying nothing. */
    public ValidationReport check(Map<String, byte[]> files) {
        return configuration
                .getCommandExecutorTxRequired()
                .execute(commandContext -> validator.validate(files, new EngineModelContext(commandContext)));
    }

    /**
     * Deploys the files as one deployment if they pass, changed resources only (an unchanged model makes no new
     * version). The engine's pre-deployer refuses a non-owner and a failing model; this answers with the report.
     */
    public Outcome deploy(String name, Map<String, byte[]> files, boolean dryRun) {
        ValidationReport report = check(files);
        if (dryRun || !report.ok()) {
            return new Outcome(report, false, null, List.of());
        }
        DeploymentBuilder builder =
                repositoryService.createDeployment().name(name).source(SOURCE).enableDuplicateFiltering(true);
        files.forEach((file, bytes) -> builder.addInputStream(file, new ByteArrayInputStream(bytes)));
        try {
            DeploymentWithDefinitions deployment = builder.deployWithResult();
            List<Deployed> definitions = new ArrayList<>();
            if (deployment.getDeployedProcessDefinitions() != null) {
                deployment
                        .getDeployedProcessDefinitions()
                        .forEach(d -> definitions.add(new Deployed("process", d.getKey(), d.getVersion(), d.getId())));
            }
            if (deployment.getDeployedDecisionDefinitions() != null) {
                deployment
                        .getDeployedDecisionDefinitions()
                        .forEach(d -> definitions.add(new Deployed("decision", d.getKey(), d.getVersion(), d.getId())));
            }
            return new Outcome(report, true, deployment.getId(), definitions);
        } catch (ModelsRefused refused) {
            return new Outcome(refused.report(), false, null, List.of());
        }
    }
}
