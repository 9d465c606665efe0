package uk.pathways.missing;

import java.time.Instant;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;

/**
 * The placing authority of a looked-after child placed out of area, or placed here by another authority,
 * is to be told of a missing episode ({@code about} MISSING) or of the child's return ({@code about}
 * RETURNED, so that it can arrange the return interview). {@code placingAuthority} is the recipient.
 */
public record PlacingAuthorityNotified(
        String caseId,
        String reference,
        String placingAuthority,
        boolean outOfArea,
        String about,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    public static final String MISSING = "MISSING";
    public static final String RETURNED = "RETURNED";

    @Override
    public String eventType() {
        return "PLACING_AUTHORITY_TOLD";
    }

    @Override
    public String summary() {
        String what = RETURNED.equals(about) ? "the child's return from missing episode " : "missing episode ";
        return "Placing authority " + placingAuthority + " told of " + what + reference
                + (outOfArea ? " (placement out of area)" : " (child placed here by another authority)");
    }
}
