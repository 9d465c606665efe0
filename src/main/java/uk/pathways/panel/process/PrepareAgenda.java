package uk.pathways.panel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.process.Variables;
import uk.pathways.panel.Panels;

/**
 * {@code ${prepareAgenda}}: builds the panel's agenda in the case record when the panel is prepared (at its start) and
 * gives the process the panel's reference. The agenda never enters the engine.
 */
@Component("prepareAgenda")
class PrepareAgenda implements JavaDelegate {

    private final Panels panels;

    PrepareAgenda(Panels panels) {
        this.panels = panels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference =
                panels.prepare(execution.getProcessInstanceId(), Variables.text(execution, PanelProcess.SCHEDULED_BY));
        execution.setVariable(PanelProcess.REFERENCE, reference);
    }
}
