package uk.pathways.strategymeeting;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.ChronicledEvent;
import uk.pathways.casefile.process.Dates;

/** A strategy meeting was scheduled: when, where, and which agencies are asked for information. */
public record StrategyMeetingScheduled(
        String caseId,
        String reference,
        Date meetingStartsAt,
        String place,
        List<String> agenciesAsked,
        Actor actor,
        Instant occurredAt)
        implements ChronicledEvent {

    @Override
    public String eventType() {
        return "STRATEGY_MEETING_SCHEDULED";
    }

    @Override
    public String summary() {
        return "Strategy meeting scheduled for " + Dates.display(meetingStartsAt) + " at " + place
                + "; information asked of "
                + String.join(
                        ", ",
                        agenciesAsked.stream()
                                .map(uk.pathways.agency.Agency::nameOfGroup)
                                .toList());
    }
}
