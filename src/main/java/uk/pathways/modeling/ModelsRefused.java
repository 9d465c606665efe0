package uk.pathways.modeling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by the pathway validator. It is the engine's {@link ParseException}, so the engine REST
 * API answers 400 with the findings per file and element (the Camunda Modeler shows them), and nothing is deployed.
 */
public class ModelsRefused extends ParseException {

    private final transient ValidationReport report;

    public ModelsRefused(ValidationReport report) {
        super(report.describe(), null, List.of(), List.of());
        this.report = report;
        resorceReports = new ArrayList<>();
        Map<String, List<Finding>> byResource = new LinkedHashMap<>();
        report.findings()
                .forEach(f -> byResource
                        .computeIfAbsent(f.resource(), r -> new ArrayList<>())
                        .add(f));
        byResource.forEach((resource, findings) -> resorceReports.add(new Report(
                resource,
                findings.stream()
                        .filter(Finding::isError)
                        .map(FindingProblem::new)
                        .map(Problem.class::cast)
                        .toList(),
                findings.stream()
                        .filter(f -> !f.isError())
                        .map(FindingProblem::new)
                        .map(Problem.class::cast)
                        .toList())));
    }

    public ValidationReport report() {
        return report;
    }

    private record Report(String getResourceName, List<Problem> getErrors, List<Problem> getWarnings)
            implements ResourceReport {}

    private record FindingProblem(Finding finding) implements Problem {

        @Override
        public String getMessage() {
            return finding.where() + ": " + finding.message();
        }

        @Override
        public int getLine() {
            return -1;
        }

        @Override
        public int getColumn() {
            return -1;
        }

        @Override
        public String getMainElementId() {
            return finding.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return finding.elementId() == null ? List.of() : List.of(finding.elementId());
        }
    }
}
