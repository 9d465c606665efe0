package uk.pathways.casefile;

import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.pathways.agency.Actor;
import uk.pathways.calendar.Now;

/**
 * New work came for a child whose case was closed: within the reopening period the case is reopened with its history
 * ({@code withinPeriod}); later, the new work is a new episode on the same record. Either way the closure it undoes
 * (when and why) stays in the chronology, which the case page reads.
 */
public record CaseReopened(
        String caseId,
        Instant closedAt,
        String closureReason,
        boolean withinPeriod,
        Period period,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Override
    public String reference() {
        return null;
    }

    @Override
    public String eventType() {
        return withinPeriod ? "CASE_REOPENED" : "CASE_STARTED_AGAIN";
    }

    @Override
    public String summary() {
        String closed = closedAt == null ? "closed" : "closed on " + DAY.format(closedAt.atZone(Now.UK));
        String why = closureReason == null || closureReason.isBlank()
                ? ""
                : " (" + closureReason.replace('_', ' ').toLowerCase(Locale.UK) + ")";
        return withinPeriod
                ? "Case reopened with its history: it was " + closed + why + ", within the reopening period of "
                        + words(period)
                : "New work on a case " + closed + why + ", longer ago than the reopening period of " + words(period)
                        + ": a new episode on the same record";
    }

    static String words(Period period) {
        if (period.getYears() == 0 && period.getDays() == 0) {
            return period.getMonths() + (period.getMonths() == 1 ? " month" : " months");
        }
        if (period.getMonths() == 0 && period.getDays() == 0) {
            return period.getYears() + (period.getYears() == 1 ? " year" : " years");
        }
        return period.toString();
    }
}
