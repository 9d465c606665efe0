package uk.pathways.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;

/**
 * The model-code consistency test: every model and form in bpmn/ and forms/ keeps the Pathways rules, so every
 * delegate expression, form ref, decision ref, candidate group and clock they name exists in the code and
 * configuration. Also: the validator really does look at the repository's models.
 */
@PathwaysTest
class PathwayModelsTest {

    @Autowired
    PathwayValidator validator;

    @Test
    void theRepositoryModelsAndFormsPassTheChecks() {
        Map<String, byte[]> files = TestModels.repositoryModels();
        assertThat(files)
                .containsKeys(
                        "cse-referral.bpmn",
                        "strategy-meeting.bpmn",
                        "cse-threshold.dmn",
                        "screening.form",
                        "missing-episode.bpmn",
                        "return-home-interview.form");

        ValidationReport report = validator.validate(files, ModelContext.NOTHING_DEPLOYED);

        assertThat(report.errors()).as(report.describe()).isEmpty();
    }

    @Test
    void aRepositoryModelWithARenamedBeanOrFormIsCaught() {
        // the same check, made to fail: shows it reads the real models rather than passing whatever it is given
        Map<String, byte[]> files = new java.util.TreeMap<>(TestModels.repositoryModels());
        String referral = TestModels.repositoryFile("bpmn/cse-referral.bpmn")
                .replace("${scoreScreening}", "${scoreTheScreening}")
                .replace("camunda:formRef=\"safety-plan\"", "camunda:formRef=\"safety-plans\"")
                .replace("camunda:candidateGroups=\"police\"", "camunda:candidateGroups=\"polce\"")
                .replace("${clocks.due('section-47-enquiry')}", "${clocks.due('section-47')}");
        files.put("cse-referral.bpmn", referral.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        ValidationReport report = validator.validate(files, ModelContext.NOTHING_DEPLOYED);

        List<String> errors = report.errors().stream().map(Finding::toString).toList();
        assertThat(errors)
                .anySatisfy(e -> assertThat(e).contains("Task_ScoreScreening").contains("'scoreTheScreening'"));
        assertThat(errors)
                .anySatisfy(e -> assertThat(e)
                        .contains("safety-plan \"Make the safety plan\"")
                        .contains("form 'safety-plans' does not exist"));
        assertThat(errors)
                .anySatisfy(e -> assertThat(e).contains("police-investigation").contains("'polce'"));
        assertThat(errors)
                .anySatisfy(e -> assertThat(e).contains("section-47-enquiry").contains("clock 'section-47'"));
    }
}
