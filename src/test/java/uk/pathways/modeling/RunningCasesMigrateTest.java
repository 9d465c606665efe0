package uk.pathways.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Running cases can move to this release's models: every step a case of the previous release may be waiting in (an
 * activity, a catching event, a boundary or event sub-process start) is still in the model, with the same id and the
 * same kind, so that the migration plan ({@code GET /api/migrations/plan}, which maps equal activities) leaves no
 * case behind. The previous release's models are kept in src/test/resources/previous-models; replace them with the
 * shipped models at each release.
 */
class RunningCasesMigrateTest {

    @ParameterizedTest
    @ValueSource(strings = {"cse-referral", "missing-episode", "strategy-meeting"})
    void everyStepACaseOfThePreviousReleaseMayWaitInIsStillThere(String model) {
        Map<String, String> before = waitingSteps(
                Bpmn.readModelFromStream(getClass().getResourceAsStream("/previous-models/" + model + ".bpmn")));
        Map<String, String> now = waitingSteps(
                Bpmn.readModelFromFile(Path.of("bpmn", model + ".bpmn").toFile()));

        List<String> lost = before.entrySet().stream()
                .filter(e -> !e.getValue().equals(now.get(e.getKey())))
                .map(e -> e.getKey() + " (" + e.getValue() + " -> " + now.get(e.getKey()) + ")")
                .toList();
        assertThat(before).isNotEmpty();
        assertThat(lost)
                .as(model + ": steps running cases may be in, missing or changed")
                .isEmpty();
    }

    /** Id to element type of every step a token or a subscription can wait in. */
    private static Map<String, String> waitingSteps(BpmnModelInstance model) {
        return model.getModelElementsByType(FlowNode.class).stream()
                .filter(n -> n instanceof Activity
                        || n instanceof IntermediateCatchEvent
                        || n instanceof BoundaryEvent
                        || (n instanceof StartEvent
                                && n.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.SubProcess))
                .collect(Collectors.toMap(
                        FlowNode::getId, n -> n.getElementType().getTypeName()));
    }
}
