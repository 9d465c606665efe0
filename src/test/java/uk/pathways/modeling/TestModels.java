package uk.pathways.modeling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Small models for the validator tests: one good process, and the repository's own models. */
final class TestModels {

    static final String KEY = "validator-test";

    private TestModels() {}

    /** A minimal process that keeps every Pathways rule: one MASH task with its form, clock and escalation. */
    static String goodProcess() {
        return process("""
                <bpmn:userTask id="check" name="Check the referral" camunda:candidateGroups="mash" camunda:formRef="screening"
                    camunda:formRefBinding="latest" camunda:dueDate="${clocks.due('screening')}">
                  <bpmn:extensionElements>
                    <camunda:taskListener delegateExpression="${escalation}" event="timeout" id="Clock_Check">
                      <bpmn:timerEventDefinition id="Timer_Check">
                        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${clocks.due('screening')}</bpmn:timeDate>
                      </bpmn:timerEventDefinition>
                    </camunda:taskListener>
                  </bpmn:extensionElements>
                </bpmn:userTask>""", "check");
    }

    /** A process with a start, the given element (whose id is {@code elementId}) and an end, in a row. */
    static String process(String element, String elementId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_ValidatorTest" targetNamespace="http://pathways.uk/test">
                  <bpmn:process id="%s" name="Validator test" isExecutable="true" camunda:historyTimeToLive="P2555D">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="start" targetRef="%s" />
                    %s
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="%s" targetRef="end" />
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(KEY, elementId, element, elementId);
    }

    /** Every model and form of the repository (bpmn/ and forms/), by file name. */
    static Map<String, byte[]> repositoryModels() {
        Map<String, byte[]> files = new TreeMap<>();
        for (String dir : new String[] {"bpmn", "forms"}) {
            try (Stream<Path> paths = Files.list(Path.of(dir))) {
                for (Path p : paths.filter(Files::isRegularFile).toList()) {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static String repositoryFile(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
