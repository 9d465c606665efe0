package uk.pathways.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * What a KPI request asks for: the days {@code from} to {@code to} inclusive (UK dates), and optionally one
 * district and one agency (cases that agency is involved in).
 */
record KpiPeriod(LocalDate from, LocalDate to, String district, String agency) {

    /** The first moment of {@code from} in UK time. */
    Instant start() {
        return from.atStartOfDay(Now.UK).toInstant();
    }

    /** The first moment after {@code to} in UK time (the period is [start, end)). */
    Instant end() {
        return to.plusDays(1).atStartOfDay(Now.UK).toInstant();
    }

    /** Reads and checks the query parameters; bad ones answer 400 naming each field. */
    static KpiPeriod parse(String from, String to, String district, String agency) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (start != null && end != null && start.isAfter(end)) {
            problems.add(new FieldProblem("from", "The start of the period must be on or before its end ('to')"));
        }
        if (start != null && end != null && end.isAfter(start.plusYears(10))) {
            problems.add(new FieldProblem("to", "The period must be 10 years or shorter"));
        }
        String districtValue = blankToNull(district);
        if (districtValue != null && districtValue.length() > 100) {
            problems.add(new FieldProblem("district", "The district must be 100 characters or fewer"));
        }
        String agencyValue = blankToNull(agency);
        if (agencyValue != null && Agency.byGroupId(agencyValue).isEmpty()) {
            problems.add(
                    new FieldProblem("agency", "The agency must be one of the contract's agency ids, like police"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new KpiPeriod(start, end, districtValue, agencyValue);
    }

    /** A calendar quarter: 1 is January to March, 4 is October to December. */
    static KpiPeriod quarter(String year, String quarter) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer y = integer("year", year, 2000, 2100, problems);
        Integer q = integer("quarter", quarter, 1, 4, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate start = LocalDate.of(y, (q - 1) * 3 + 1, 1);
        return new KpiPeriod(start, start.plusMonths(3).minusDays(1), null, null);
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(
                    field,
                    "Enter the " + (field.equals("from") ? "first" : "last")
                            + " day of the period, written YYYY-MM-DD"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "'" + field + "' must be a real date, written YYYY-MM-DD"));
            return null;
        }
    }

    private static Integer integer(String field, String value, int min, int max, List<FieldProblem> problems) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "'" + field + "' must be a whole number from " + min + " to " + max));
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
