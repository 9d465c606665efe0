package uk.pathways.modeling;

/**
 * One thing a pathway validator found in one element of one model file: an error refuses the deployment,
 * a warning is shown but does not.
 */
public record Finding(String resource, String elementId, String elementName, Severity severity, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public static Finding error(String resource, String elementId, String elementName, String message) {
        return new Finding(resource, elementId, elementName, Severity.ERROR, message);
    }

    public static Finding warning(String resource, String elementId, String elementName, String message) {
        return new Finding(resource, elementId, elementName, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Where: {@code cse-referral.bpmn, screening "Screen the referral"}. */
    public String where() {
        StringBuilder s = new StringBuilder(fileName());
        if (elementId != null) {
            s.append(", ").append(elementId);
            if (elementName != null && !elementName.isBlank() && !elementName.equals(elementId)) {
                s.append(" \"").append(elementName.strip()).append('"');
            }
        }
        return s.toString();
    }

    /** The file name without the folders the deployment gives it ({@code /app/classes/bpmn/x.bpmn} is x.bpmn). */
    public String fileName() {
        return resource.substring(Math.max(resource.lastIndexOf('/'), resource.lastIndexOf('\\')) + 1);
    }

    @Override
    public String toString() {
        return (isError() ? "" : "(warning) ") + where() + ": " + message;
    }
}
