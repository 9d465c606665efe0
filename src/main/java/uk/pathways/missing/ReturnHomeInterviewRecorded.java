package uk.pathways.missing;

import java.time.Instant;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/** The return home interview was recorded: offered or not, accepted or declined, and what follows from it. */
public record ReturnHomeInterviewRecorded(
        String caseId,
        String reference,
        boolean offered,
        boolean accepted,
        boolean cseConcern,
        boolean informationForPolice,
        boolean withinClock,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return "RETURN_HOME_INTERVIEW";
    }

    @Override
    public String summary() {
        StringBuilder s = new StringBuilder("Return home interview for ")
                .append(reference)
                .append(": ");
        s.append(!offered ? "not offered" : accepted ? "offered and accepted" : "offered and declined");
        s.append(withinClock ? " (within the clock)" : " (late)");
        if (cseConcern) {
            s.append("; CSE concern raised");
        }
        if (informationForPolice) {
            s.append("; information passed to the police");
        }
        return s.toString();
    }
}
