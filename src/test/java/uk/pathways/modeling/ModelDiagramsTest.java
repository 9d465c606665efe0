package uk.pathways.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a process owner sees in the Modeler: every element and every flow of each shipped model is drawn (a model edited
 * by hand without its diagram shows arrows to nowhere), and no two steps of one level are drawn on top of each other.
 * {@code npm run layout:bpmn} draws a model anew; {@code npm run render:bpmn} puts the pictures in docs/diagrams.
 */
class ModelDiagramsTest {

    static Stream<Path> models() throws IOException {
        return Files.list(Path.of("bpmn"))
                .filter(p -> p.toString().endsWith(".bpmn"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyElementAndFlowIsDrawn(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() != null)
                .map(s -> s.getBpmnElement().getId())
                .collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getBpmnElement() != null)
                .map(e -> e.getBpmnElement().getId())
                .collect(Collectors.toSet());
        List<String> undrawn = new ArrayList<>();
        model.getModelElementsByType(FlowNode.class).stream()
                .map(FlowElement::getId)
                .filter(id -> !shapes.contains(id))
                .forEach(undrawn::add);
        model.getModelElementsByType(SequenceFlow.class).stream()
                .map(FlowElement::getId)
                .filter(id -> !edges.contains(id))
                .forEach(undrawn::add);
        assertThat(undrawn).as(file + ": elements with no shape or edge").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void noTwoStepsOfOneLevelAreDrawnOnTopOfEachOther(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Map<Object, List<BpmnShape>> byLevel = new HashMap<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() instanceof FlowNode node && !(node instanceof BoundaryEvent)) {
                byLevel.computeIfAbsent(node.getParentElement(), k -> new ArrayList<>())
                        .add(shape);
            }
        }
        List<String> overlaps = new ArrayList<>();
        byLevel.values().forEach(level -> {
            for (int i = 0; i < level.size(); i++) {
                for (int j = i + 1; j < level.size(); j++) {
                    if (overlap(level.get(i).getBounds(), level.get(j).getBounds())) {
                        overlaps.add(level.get(i).getBpmnElement().getId() + " and "
                                + level.get(j).getBpmnElement().getId());
                    }
                }
            }
        });
        assertThat(overlaps).as(file + ": steps drawn on top of each other").isEmpty();
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth()
                && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight()
                && b.getY() < a.getY() + a.getHeight();
    }
}
