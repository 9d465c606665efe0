package uk.pathways.support.process;

import static uk.pathways.referral.process.CseReferralProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.PathwayEvent;
import uk.pathways.casefile.process.Dates;
import uk.pathways.casefile.process.Variables;
import uk.pathways.gate.Submission;
import uk.pathways.gate.Submissions;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.support.OnwardReferral;
import uk.pathways.support.OnwardReferrals;
import uk.pathways.web.FieldProblem;

/**
 * {@code ${recordOutreachContact}}: each attempt is logged at the time it really happened (the form's date and time,
 * never in the future); a successful one restarts the 10 working day assertive-outreach clock from then, an
 * unsuccessful one does not. Each onward referral ticked as made becomes an entry with its status (followed up by a
 * task of its own); the contact's updates (accepted, waiting, declined, outcome) move the child's open referral to that
 * service. Where and what was said go to the case record (the form as recorded), never to the engine.
 */
@Component("recordOutreachContact")
class RecordOutreachContact implements TaskListener {

    static final String CONTACT_OUTCOME = "contactOutcome";
    static final String SUCCESSFUL = "SUCCESSFUL";
    static final String CONTACT_AT = "contactAt";
    static final String REFERRALS_MADE = "onwardReferrals";
    /** The contact's updates of referrals made earlier: form field to the status it gives. */
    static final Map<String, String> UPDATES = updates();

    static final Map<String, String> OUTCOMES = Map.of(
            "SUCCESSFUL",
            "seen and engaged",
            "SEEN_NOT_ENGAGED",
            "seen, did not engage",
            "NOT_FOUND",
            "not found",
            "DECLINED",
            "declined contact");

    /** A contact's time may be this far ahead of the server's clock (clocks of devices differ a little). */
    static final long LEEWAY_SECONDS = 300;

    private final ApplicationEventPublisher events;
    private final Actors actors;
    private final OnwardReferrals onwardReferrals;

    RecordOutreachContact(ApplicationEventPublisher events, Actors actors, OnwardReferrals onwardReferrals) {
        this.events = events;
        this.actors = actors;
        this.onwardReferrals = onwardReferrals;
    }

    private static Map<String, String> updates() {
        Map<String, String> updates = new LinkedHashMap<>();
        updates.put("onwardReferralsAccepted", OnwardReferral.ACCEPTED);
        updates.put("onwardReferralsWaiting", OnwardReferral.WAITING);
        updates.put("onwardReferralsDeclined", OnwardReferral.DECLINED);
        updates.put("onwardReferralsOutcome", OnwardReferral.OUTCOME_RECORDED);
        return updates;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(CONTACT_OUTCOME);
        if (outcome == null || outcome.toString().isBlank()) {
            throw TaskInputRefused.of(CONTACT_OUTCOME, "Enter the outcome of the contact");
        }
        Instant contactAt = contactAt(task);
        Optional<Submission> submission = Submissions.of(task);
        String caseId = Variables.caseId(task);
        List<String> made = codes(submission, REFERRALS_MADE);
        Map<String, OnwardReferral> open = onwardReferrals.openByService(caseId);
        List<Map.Entry<String, String>> updates = checkedUpdates(submission, made, open.keySet());

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
        Actor actor = actors.current(List.of(Agency.RISE.groupId()));
        events.publishEvent(new PathwayEvent(
                caseId,
                Variables.reference(task),
                "OUTREACH_CONTACT",
                "Outreach contact: " + OUTCOMES.getOrDefault(outcome.toString(), outcome.toString())
                        + (Boolean.TRUE.equals(task.getVariable(PROPOSE_CLOSURE)) ? "; closure proposed" : "") + ".",
                actor,
                contactAt,
                task.getId()));

        List<Long> ids = onwardReferrals.made(caseId, Variables.reference(task), made, contactAt, actor, task.getId());
        for (int i = 0; i < made.size(); i++) {
            open.put(made.get(i), onwardReferrals.find(ids.get(i)).orElseThrow());
        }
        for (Map.Entry<String, String> update : updates) {
            OnwardReferral referral = open.get(update.getKey());
            onwardReferrals.setStatus(referral, update.getValue(), contactAt, actor, task.getId());
            open.put(update.getKey(), onwardReferrals.find(referral.id()).orElseThrow());
        }
        // each referral made here is followed up by a task of its own (SubProcess_OnwardReferral, one per id)
        task.setVariable(NEW_ONWARD_REFERRALS, ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /**
     * The contact's updates in the order a referral goes (accepted, waiting, declined, outcome known), each for a
     * referral open on the case or made at this contact; one with no referral to update is refused naming the field.
     */
    private static List<Map.Entry<String, String>> checkedUpdates(
            Optional<Submission> submission, List<String> made, Set<String> open) {
        List<Map.Entry<String, String>> updates = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> updatable = new HashSet<>(open);
        updatable.addAll(made);
        UPDATES.forEach((field, status) -> {
            for (String service : codes(submission, field)) {
                if (updatable.contains(service)) {
                    updates.add(Map.entry(service, status));
                } else {
                    problems.add(new FieldProblem(
                            field,
                            "There is no open onward referral to " + service
                                    + ": tick it under the onward referrals made at this contact"));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new TaskInputRefused(problems);
        }
        return updates;
    }

    private static List<String> codes(Optional<Submission> submission, String field) {
        if (submission.isPresent() && submission.get().field(field) instanceof List<?> chosen) {
            return chosen.stream().map(String::valueOf).distinct().toList();
        }
        return List.of();
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
        if (given.isPresent() && given.get().isAfter(now.plusSeconds(LEEWAY_SECONDS))) {
            throw TaskInputRefused.of(CONTACT_AT, "The contact must not be in the future");
        }
        return given.orElse(now);
    }
}
