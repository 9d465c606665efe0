package uk.pathways.missing;

import java.time.Instant;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/** A missing episode's pathway ended (or was cancelled); the case closed with it if nothing else was open. */
public record MissingEpisodeClosed(
        String caseId, String reference, boolean cancelled, boolean caseClosed, Actor actor, Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return "MISSING_EPISODE_CLOSED";
    }

    @Override
    public String summary() {
        return "Missing episode " + reference + (cancelled ? " cancelled" : " closed")
                + (caseClosed ? ". The case is closed." : ".");
    }
}
