package uk.pathways.disruption;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * A half of a financial year, the disruption report's period (ADR 0016): the first half is April to September, the
 * second October to March. {@code year} is the year the financial year starts (2026 is April 2026 to March 2027).
 */
public record HalfYear(int year, int half) {

    public static HalfYear parse(String year, String half) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        int y = 0;
        int h = 0;
        try {
            y = Integer.parseInt(year == null ? "" : year.strip());
            if (y < 2000 || y > 2100) {
                problems.add(new FieldProblem("year", "The year must be from 2000 to 2100"));
            }
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("year", "Enter the year the financial year starts, like 2026"));
        }
        try {
            h = Integer.parseInt(half == null ? "" : half.strip());
            if (h != 1 && h != 2) {
                problems.add(
                        new FieldProblem("half", "The half must be 1 (April to September) or 2 (October to March)"));
            }
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("half", "The half must be 1 (April to September) or 2 (October to March)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new HalfYear(y, h);
    }

    /** The last half that has ended by {@code today}. */
    public static HalfYear lastEnded(LocalDate today) {
        HalfYear current = containing(today);
        return current.half == 2 ? new HalfYear(current.year, 1) : new HalfYear(current.year - 1, 2);
    }

    public static HalfYear containing(LocalDate day) {
        int fy = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        int half = day.getMonthValue() >= 4 && day.getMonthValue() <= 9 ? 1 : 2;
        return new HalfYear(fy, half);
    }

    public LocalDate from() {
        return half == 1 ? LocalDate.of(year, Month.APRIL, 1) : LocalDate.of(year, Month.OCTOBER, 1);
    }

    public LocalDate to() {
        return half == 1 ? LocalDate.of(year, Month.SEPTEMBER, 30) : LocalDate.of(year + 1, Month.MARCH, 31);
    }

    /** "2026/27, April to September 2026". */
    public String words() {
        String fy = year + "/" + String.format("%02d", (year + 1) % 100);
        return half == 1 ? fy + ", April to September " + year : fy + ", October " + year + " to March " + (year + 1);
    }
}
