package uk.pathways.casefile.process;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.pathways.gate.UserTaskParsing;

/**
 * Adds {@link TaskLifecycle} to every user task the engine parses, whichever way the model was deployed, in Pathways'
 * one listener pass per task event ({@link UserTaskParsing}).
 */
@Component
class CaseRecordEnginePlugin extends AbstractProcessEnginePlugin {

    private final TaskListener lifecycle;

    CaseRecordEnginePlugin(@Lazy TaskLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskParsing.onCreate(configuration, lifecycle);
        UserTaskParsing.onComplete(configuration, taskId -> true, lifecycle);
    }
}
