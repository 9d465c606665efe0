package uk.pathways.strategymeeting;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;
import uk.pathways.casefile.process.Dates;

/**
 * A strategy meeting was scheduled: when, where, the agencies invited (each asked for information) and the named
 * external attendees invited by e-mail.
 */
public record StrategyMeetingScheduled(
        String caseId,
        String reference,
        Date meetingStartsAt,
        String place,
        List<String> agenciesAsked,
        List<StrategyMeetings.ExternalAttendee> externalAttendees,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    public StrategyMeetingScheduled {
        externalAttendees = externalAttendees == null ? List.of() : List.copyOf(externalAttendees);
    }

    @Override
    public String eventType() {
        return "STRATEGY_MEETING_SCHEDULED";
    }

    @Override
    public String summary() {
        String summary = "Strategy meeting scheduled for " + Dates.display(meetingStartsAt) + " at " + place
                + "; information asked of "
                + String.join(
                        ", ",
                        agenciesAsked.stream()
                                .map(uk.pathways.agency.Agency::nameOfGroup)
                                .toList());
        if (!externalAttendees.isEmpty()) {
            summary += "; also invited: "
                    + String.join(
                            ", ",
                            externalAttendees.stream()
                                    .map(a -> a.name() + " (" + ExternalOrganisations.name(a.organisation()) + ")")
                                    .toList());
        }
        return summary;
    }
}
