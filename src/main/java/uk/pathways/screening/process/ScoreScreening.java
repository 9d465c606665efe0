package uk.pathways.screening.process;

import static uk.pathways.screening.process.ScreeningVariables.DISCLOSURE;
import static uk.pathways.screening.process.ScreeningVariables.INDICATORS;
import static uk.pathways.screening.process.ScreeningVariables.LEARNING_DISABILITY;
import static uk.pathways.screening.process.ScreeningVariables.SCREENING_SCORE;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.pathways.screening.IndicatorCatalogue;

/** {@code ${scoreScreening}}: the screening score is the sum of the weights of the indicators recorded. */
@Component("scoreScreening")
class ScoreScreening implements JavaDelegate {

    private final IndicatorCatalogue catalogue;

    ScoreScreening(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> codes = Indicators.read(execution.getVariable(INDICATORS));
        execution.setVariable(SCREENING_SCORE, catalogue.score(codes));
        execution.setVariable(DISCLOSURE, Boolean.TRUE.equals(execution.getVariable(DISCLOSURE)));
        execution.setVariable(LEARNING_DISABILITY, Boolean.TRUE.equals(execution.getVariable(LEARNING_DISABILITY)));
    }
}
