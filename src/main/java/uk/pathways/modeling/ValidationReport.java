package uk.pathways.modeling;

import java.util.List;

/** What the pathway validator found in a set of model files; the deployment may go ahead only if there is no error. */
public record ValidationReport(List<String> resources, List<Finding> findings) {

    public ValidationReport {
        resources = List.copyOf(resources);
        findings = List.copyOf(findings);
    }

    public boolean ok() {
        return errors().isEmpty();
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).toList();
    }

    /** A readable list, one line per finding, element by element. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        List<Finding> errors = errors();
        if (errors.isEmpty()) {
            s.append("The models pass the Pathways checks (")
                    .append(String.join(", ", resources))
                    .append(").");
        } else {
            s.append("Pathway models refused, nothing was deployed: ")
                    .append(errors.size())
                    .append(errors.size() == 1 ? " problem" : " problems")
                    .append(" to fix.");
            errors.forEach(f -> s.append("\n- ").append(f.where()).append(": ").append(f.message()));
        }
        List<Finding> warnings = warnings();
        if (!warnings.isEmpty()) {
            s.append("\nWarnings (these do not stop a deployment):");
            warnings.forEach(
                    f -> s.append("\n- ").append(f.where()).append(": ").append(f.message()));
        }
        return s.toString();
    }
}
