package uk.pathways.support.process;

import static uk.pathways.referral.process.CseReferralProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.PathwayEvent;
import uk.pathways.casefile.process.Dates;
import uk.pathways.casefile.process.Variables;
import uk.pathways.gate.TaskInputRefused;

/**
 * {@code ${recordOutreachContact}}: each attempt is logged at the time it happened; a successful one restarts the
 * 10 working day assertive-outreach clock from then. Where and what was said go to the case record (the form as
 * recorded), never to the engine.
 */
@Component("recordOutreachContact")
class RecordOutreachContact implements TaskListener {

    static final String CONTACT_OUTCOME = "contactOutcome";
    static final String SUCCESSFUL = "SUCCESSFUL";
    static final String CONTACT_AT = "contactAt";
    static final java.util.Map<String, String> OUTCOMES = java.util.Map.of(
            "SUCCESSFUL",
            "seen and engaged",
            "SEEN_NOT_ENGAGED",
            "seen, did not engage",
            "NOT_FOUND",
            "not found",
            "DECLINED",
            "declined contact");

    private final ApplicationEventPublisher events;
    private final Actors actors;

    RecordOutreachContact(ApplicationEventPublisher events, Actors actors) {
        this.events = events;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(CONTACT_OUTCOME);
        if (outcome == null || outcome.toString().isBlank()) {
            throw TaskInputRefused.of(CONTACT_OUTCOME, "Enter the outcome of the contact");
        }
        Instant contactAt = contactAt(task);
        boolean successful = SUCCESSFUL.equals(outcome.toString());
        task.setVariable(CONTACT_SUCCESSFUL, successful);
        if (successful) {
            // the assertive-outreach clock runs from when the contact happened, not from when it was typed
            Object last = task.getVariable(LAST_SUCCESSFUL_CONTACT_AT);
            if (!(last instanceof Date previous) || previous.toInstant().isBefore(contactAt)) {
                task.setVariable(LAST_SUCCESSFUL_CONTACT_AT, Date.from(contactAt));
            }
        }
        task.setVariable(PROPOSE_CLOSURE, Boolean.TRUE.equals(task.getVariable(PROPOSE_CLOSURE)));
        events.publishEvent(new PathwayEvent(
                Variables.caseId(task),
                Variables.reference(task),
                "OUTREACH_CONTACT",
                "Outreach contact: " + OUTCOMES.getOrDefault(outcome.toString(), outcome.toString())
                        + (Boolean.TRUE.equals(task.getVariable(PROPOSE_CLOSURE)) ? "; closure proposed" : "") + ".",
                actors.current(List.of(Agency.RISE.groupId())),
                contactAt,
                task.getId()));
    }

    /** When the contact happened: the form's date and time (never in the future), or now if none was given. */
    private static Instant contactAt(DelegateTask task) {
        Optional<Instant> given;
        try {
            given = Dates.parse(task.getVariable(CONTACT_AT));
        } catch (IllegalArgumentException e) {
            throw TaskInputRefused.of(CONTACT_AT, "must be a date and time like 2026-11-23T18:30:00Z");
        }
        Instant now = Now.instant();
        if (given.isPresent() && given.get().isAfter(now.plusSeconds(300))) {
            throw TaskInputRefused.of(CONTACT_AT, "The contact must not be in the future");
        }
        return given.orElse(now);
    }
}
