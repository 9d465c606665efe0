package uk.pathways.panel.process;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.pathways.modeling.ProcessVariables;

/** The documented variables of the exploitation panel's model, for the model validator. */
@Configuration(proxyBeanMethods = false)
class PanelVariables {

    @Bean
    ProcessVariables exploitationPanelVariables() {
        return ProcessVariables.of(PanelProcess.KEY, PanelProcess.VARIABLES);
    }
}
