package uk.pathways.missing;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;
import uk.pathways.casefile.process.Dates;

/** A missing child returned (or was found); the return home interview is due by {@code interviewDue}. */
public record MissingChildReturned(
        String caseId,
        String reference,
        Instant missingSince,
        Instant returnedAt,
        Instant interviewDue,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return "MISSING_CHILD_RETURNED";
    }

    public long hoursMissing() {
        return Duration.between(missingSince, returnedAt).toHours();
    }

    @Override
    public String summary() {
        return "Child returned from missing episode " + reference + " at " + Dates.display(Date.from(returnedAt))
                + " after " + hoursMissing() + " hours; return home interview due by "
                + Dates.display(Date.from(interviewDue));
    }
}
