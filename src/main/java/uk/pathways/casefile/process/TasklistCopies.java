package uk.pathways.casefile.process;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.gate.HistoryLeftOut;

/**
 * The reference and display name {@link TaskLifecycle} copies onto each task for the Tasklist are copies: the process
 * variables keep their history, so the copies write none (ADR 21).
 */
@Configuration(proxyBeanMethods = false)
class TasklistCopies {

    @Bean
    HistoryLeftOut tasklistCopiesLeaveNoHistory() {
        return HistoryLeftOut.taskLocalCopies(CaseVariables.REFERENCE, CaseVariables.CHILD_DISPLAY_NAME);
    }
}
