package uk.pathways.agency;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls of Pathways' own services without the engine's authorization checks, while the signed-in
 * user stays known (for "who did it"). Use it only behind Pathways' own access rules (CaseAccess), for work the
 * platform does on a user's behalf: starting a referral's pathway, listing a case's open tasks for an agency
 * allowed to read the case, correlating a child's return.
 */
@Component
public class Privileged {

    private final ProcessEngine engine;

    Privileged(ProcessEngine engine) {
        this.engine = engine;
    }

    public <T> T call(Supplier<T> work) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            boolean wasChecking = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                return work.get();
            } finally {
                if (wasChecking) {
                    context.enableAuthorizationCheck();
                }
            }
        });
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
