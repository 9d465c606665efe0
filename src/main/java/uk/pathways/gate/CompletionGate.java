package uk.pathways.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs the {@link GateInterceptor} in both of the engine's command chains (a command that needs a transaction of
 * its own goes through the gate too), inside the command context so the gate knows who is acting; and the engine's
 * history writer, which keeps every form's free text, and the history no reader needs, out of the history
 * ({@link HistoryWriter}).
 */
@Component
class CompletionGate extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CompletionGate.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<OptionSource> optionSources;
    private final ObjectProvider<MessageRule> messageRules;
    private final ObjectProvider<HistoryLeftOut> historyLeftOut;
    private final Set<String> offeredOptions = ConcurrentHashMap.newKeySet();

    CompletionGate(
            ObjectProvider<OptionSource> optionSources,
            ObjectProvider<MessageRule> messageRules,
            ObjectProvider<HistoryLeftOut> historyLeftOut) {
        this.optionSources = optionSources;
        this.messageRules = messageRules;
        this.historyLeftOut = historyLeftOut;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        // the options offered on a task are a copy of configuration, not something that happened
        handlers.add(new HistoryWriter(historyLeftOut.orderedStream().toList(), offeredOptions));
        configuration.setCustomHistoryEventHandlers(handlers);
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(CompletionGate::registerForms);
        configuration.setCustomPostDeployers(deployers);
        FormRulesCache forms = new FormRulesCache();
        UserTaskParsing.onCreate(configuration, task -> offerOptions(task, forms));
        // one interceptor per chain: an interceptor knows the next one in its chain
        configuration.setCustomPostCommandInterceptorsTxRequired(with(
                configuration.getCustomPostCommandInterceptorsTxRequired(),
                new GateInterceptor(this::options, this::rule)));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(with(
                configuration.getCustomPostCommandInterceptorsTxRequiresNew(),
                new GateInterceptor(this::options, this::rule)));
    }

    /** A new task whose form has a select with Pathways' options gets them, as the task-local variable the form names. */
    private void offerOptions(DelegateTask task, FormRulesCache forms) {
        if (!(task instanceof TaskEntity entity)) {
            return;
        }
        forms.of(entity, Context.getCommandContext())
                .ifPresent(rules -> rules.fields().values().stream()
                        .filter(f -> f.optionsKey() != null && !f.optionsKey().isBlank())
                        .forEach(f -> {
                            List<Map<String, String>> offered = new ArrayList<>();
                            optionsOf(f.optionsKey())
                                    .forEach((value, label) -> offered.add(Map.of("value", value, "label", label)));
                            offeredOptions.add(f.optionsKey());
                            task.setVariableLocal(
                                    f.optionsKey(),
                                    SpinValues.jsonValue(toJson(offered)).create());
                        }));
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every form deployed before this start-up: its free-text fields are known before any history is written. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        RepositoryService repository = engine.getRepositoryService();
        // one read per deployment, its resources with their bytes (a read per form made start-up slower, B5)
        for (Deployment deployment : repository.createDeploymentQuery().list()) {
            for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
                if (resource.getName() != null && resource.getName().endsWith(".form")) {
                    try {
                        FreeText.register(JSON.readTree(resource.getBytes()));
                    } catch (IOException e) {
                        log.warn(
                                "Deployed form {} of deployment {} is not JSON",
                                resource.getName(),
                                deployment.getId());
                    }
                }
            }
        }
    }

    private static void registerForms(DeploymentEntity deployment) {
        if (deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (resource.getName().endsWith(".form")) {
                try {
                    FreeText.register(JSON.readTree(resource.getBytes()));
                } catch (IOException e) {
                    log.warn("Form {} is not JSON", resource.getName());
                }
            }
        }
    }

    private Set<String> options(String key) {
        return optionsOf(key).keySet();
    }

    private Map<String, String> optionsOf(String key) {
        return optionSources
                .orderedStream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .map(OptionSource::options)
                .orElse(Map.of());
    }

    private Optional<MessageRule> rule(String messageName) {
        return messageRules
                .orderedStream()
                .filter(r -> r.messageName().equals(messageName))
                .findFirst();
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor gate) {
        List<CommandInterceptor> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        all.add(gate);
        return all;
    }
}
