package uk.pathways.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;
import uk.pathways.agency.Agency;

/**
 * The Modeler's element templates (.camunda/element-templates) offer exactly what a deployment accepts: the
 * contract's agency groups, the configured clocks, and beans that exist; and what they make passes the checks.
 */
@PathwaysTest
class ElementTemplatesTest {

    private static final Path DIR = Path.of(".camunda/element-templates");

    @Autowired
    ModelVocabulary vocabulary;

    @Autowired
    PathwayValidator validator;

    @Test
    void theAgencyTaskOffersTheContractGroupsAndEveryConfiguredClock() throws Exception {
        JsonNode task = template("agency-task.json");
        assertThat(task.path("$schema").asText())
                .isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");

        List<String> groups = choices(property(task, "camunda:candidateGroups"));
        List<String> agencies = new ArrayList<>();
        for (Agency a : Agency.values()) {
            agencies.add(a.groupId());
            agencies.add(a.managersGroupId());
        }
        assertThat(groups).containsExactlyInAnyOrderElementsOf(agencies);

        Set<String> clocks = new TreeSet<>();
        choices(property(task, "camunda:dueDate")).forEach(c -> clocks.addAll(Expressions.clockNames(c)));
        assertThat(clocks).isEqualTo(vocabulary.clockNames());
    }

    @Test
    void theClockTemplateOffersEveryConfiguredClockAndTheMilestoneNamesARealBean() throws Exception {
        JsonNode clock = template("working-day-clock.json");
        assertThat(new TreeSet<>(choices(clock.path("properties").get(0)))).isEqualTo(vocabulary.clockNames());

        JsonNode milestone = template("milestone.json");
        String listener = milestone.path("properties").get(0).path("value").asText();
        assertThat(listener).isEqualTo("${milestone}");
        assertThat(vocabulary.bean("milestone")).isPresent();
    }

    @Test
    void aTimerMarkedWithAClockMustNameThatClock() {
        String model = TestModels.process("""
                <bpmn:intermediateCatchEvent id="wait" name="Review due">
                  <bpmn:extensionElements>
                    <camunda:properties><camunda:property name="clock" value="early-help-review" /></camunda:properties>
                  </bpmn:extensionElements>
                  <bpmn:timerEventDefinition id="Timer_Wait">
                    <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${clocks.isoDuration('strategy-review')}</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>""", "wait");

        ValidationReport report =
                validator.validate(java.util.Map.of("wait.bpmn", model.getBytes()), ModelContext.NOTHING_DEPLOYED);

        assertThat(report.errors())
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .startsWith(
                        "is marked as the clock 'early-help-review' but its timer is '${clocks.isoDuration('strategy-review')}'");
        assertThat(validator
                        .validate(
                                java.util.Map.of(
                                        "wait.bpmn",
                                        model.replace("'strategy-review'", "'early-help-review'")
                                                .getBytes()),
                                ModelContext.NOTHING_DEPLOYED)
                        .ok())
                .isTrue();
    }

    @Test
    void theMeetingActionTemplateMakesTheShippedActionTask() throws Exception {
        JsonNode action = template("meeting-action-task.json");
        String model = Files.readString(Path.of("bpmn/strategy-meeting-action.bpmn"));
        for (String binding :
                List.of("camunda:candidateGroups", "camunda:dueDate", "camunda:formRef", "camunda:formRefBinding")) {
            String value = property(action, binding).path("value").asText();
            assertThat(model).as("the shipped action task's " + binding).contains(binding + "=\"" + value + "\"");
        }
        assertThat(action.path("description").asText())
                .contains("${recordActionDone}", "${escalation}", "${actionDue}");
        assertThat(vocabulary.bean("recordActionDone")).isPresent();
    }

    @Test
    void theReviewTemplateMakesTheShippedNoFurtherActionReviewTask() throws Exception {
        JsonNode review = template("investigation-review-task.json");
        String model = Files.readString(Path.of("bpmn/investigation-review.bpmn"));
        for (String binding :
                List.of("camunda:candidateGroups", "camunda:dueDate", "camunda:formRef", "camunda:formRefBinding")) {
            String value = property(review, binding).path("value").asText();
            assertThat(model).as("the shipped review task's " + binding).contains(binding + "=\"" + value + "\"");
        }
        assertThat(review.path("description").asText())
                .contains("${recordInvestigationReview}", "${escalation}", "${clocks.due('investigation-review')}");
        assertThat(vocabulary.bean("recordInvestigationReview")).isPresent();
        assertThat(vocabulary.clockNames()).contains("investigation-review");
    }

    private static JsonNode template(String file) throws Exception {
        JsonNode templates = new ObjectMapper().readTree(Files.readString(DIR.resolve(file)));
        assertThat(templates.isArray()).isTrue();
        return templates.get(0);
    }

    private static JsonNode property(JsonNode template, String bindingName) {
        for (JsonNode p : template.path("properties")) {
            if (bindingName.equals(p.path("binding").path("name").asText())) {
                return p;
            }
        }
        throw new AssertionError("no property bound to " + bindingName);
    }

    private static List<String> choices(JsonNode property) {
        List<String> values = new ArrayList<>();
        property.path("choices").forEach(c -> values.add(c.path("value").asText()));
        return values;
    }
}
