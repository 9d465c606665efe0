package uk.pathways.subjects;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import uk.pathways.web.FieldProblem;

/**
 * What a subject, a link and an escalation must be, field by field, whichever door they came through. A vehicle's
 * registration is kept upper case without spaces ({@code ab12 cde} is {@code AB12CDE}), so that it is found again.
 */
final class SubjectRules {

    static final int LABEL = 200;
    static final int DESCRIPTION = 2000;
    static final int DISTRICT = 100;
    static final int LINK_REASON = 500;
    static final int ESCALATION_REASON = 1000;
    private static final Pattern REGISTRATION = Pattern.compile("[A-Z0-9]{2,8}");

    private SubjectRules() {}

    /** The input as it is kept, and its problems (none when it may be recorded). */
    record Checked(NewSubject subject, List<FieldProblem> problems) {}

    static Checked check(NewSubject in, boolean police) {
        List<FieldProblem> problems = new ArrayList<>();
        String kind = upper(in.kind());
        if (kind == null) {
            problems.add(new FieldProblem("kind", "Choose the kind: PERSON, LOCATION or VEHICLE"));
        } else if (!Subject.KINDS.contains(kind)) {
            problems.add(new FieldProblem("kind", "The kind must be one of PERSON, LOCATION, VEHICLE"));
            kind = null;
        }
        String category = upper(in.category());
        if (kind != null) {
            List<String> allowed = Subject.CATEGORIES.get(kind);
            if (category == null) {
                problems.add(new FieldProblem("category", "Choose the category: " + String.join(", ", allowed)));
            } else if (!allowed.contains(category)) {
                problems.add(new FieldProblem(
                        "category",
                        "The category of a " + kind.toLowerCase(Locale.ROOT) + " must be one of "
                                + String.join(", ", allowed)));
            }
        }
        String label = blankToNull(in.label());
        if (label != null && Subject.VEHICLE.equals(kind)) {
            label = label.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            if (!REGISTRATION.matcher(label).matches()) {
                problems.add(new FieldProblem("label", "A registration is 2 to 8 letters and digits, like AB12 CDE"));
            }
        }
        if (label == null) {
            problems.add(new FieldProblem("label", labelWanted(kind)));
        } else if (label.length() > LABEL) {
            problems.add(new FieldProblem("label", "The name must be " + LABEL + " characters or fewer"));
        }
        String description = blankToNull(in.description());
        if (description != null && description.length() > DESCRIPTION) {
            problems.add(
                    new FieldProblem("description", "What is known must be " + DESCRIPTION + " characters or fewer"));
        }
        String district = blankToNull(in.district());
        if (district != null && district.length() > DISTRICT) {
            problems.add(new FieldProblem("district", "The district must be " + DISTRICT + " characters or fewer"));
        }
        BigDecimal latitude = in.latitude();
        BigDecimal longitude = in.longitude();
        if ((latitude == null) != (longitude == null)) {
            problems.add(new FieldProblem(
                    latitude == null ? "latitude" : "longitude", "Give both latitude and longitude, or neither"));
        } else if (latitude != null) {
            if (!Subject.LOCATION.equals(kind)) {
                problems.add(new FieldProblem("latitude", "Only a location has coordinates"));
            }
            if (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
                problems.add(new FieldProblem("latitude", "The latitude must be between -90 and 90"));
            }
            if (longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
                problems.add(new FieldProblem("longitude", "The longitude must be between -180 and 180"));
            }
            latitude = latitude.setScale(6, java.math.RoundingMode.HALF_UP);
            longitude = longitude.setScale(6, java.math.RoundingMode.HALF_UP);
        }
        Boolean policeOnly = in.policeOnly();
        if (Boolean.TRUE.equals(policeOnly) && !police) {
            problems.add(new FieldProblem("policeOnly", "Only the police record a subject for the police alone"));
        }
        if (policeOnly == null) {
            policeOnly = Subject.PERSON.equals(kind);
        }
        String caseId = blankToNull(in.caseId());
        String reason = blankToNull(in.reason());
        if (caseId == null && !police) {
            problems.add(new FieldProblem(
                    "caseId", "Record a location or vehicle from the case of a child your agency is involved with"));
        }
        if (caseId != null) {
            problems.addAll(linkReason(reason));
        } else if (reason != null) {
            problems.add(new FieldProblem("caseId", "Name the child's case the reason is about"));
        }
        return new Checked(
                new NewSubject(
                        kind, category, label, description, district, latitude, longitude, policeOnly, caseId, reason),
                problems);
    }

    static List<FieldProblem> linkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return List.of(new FieldProblem("reason", "Enter why the subject is linked"));
        }
        if (reason.strip().length() > LINK_REASON) {
            return List.of(new FieldProblem("reason", "The reason must be " + LINK_REASON + " characters or fewer"));
        }
        return List.of();
    }

    static List<FieldProblem> escalationReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return List.of(new FieldProblem("reason", "Enter why the concern is now high"));
        }
        if (reason.strip().length() > ESCALATION_REASON) {
            return List.of(
                    new FieldProblem("reason", "The reason must be " + ESCALATION_REASON + " characters or fewer"));
        }
        return List.of();
    }

    private static String labelWanted(String kind) {
        if (Subject.VEHICLE.equals(kind)) {
            return "Enter the registration";
        }
        if (Subject.LOCATION.equals(kind)) {
            return "Enter the place's name or address";
        }
        return "Enter the person's name or street name";
    }

    static String upper(String text) {
        String value = blankToNull(text);
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
