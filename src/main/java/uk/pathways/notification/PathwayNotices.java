package uk.pathways.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.ReferralRecord;
import uk.pathways.casefile.process.Dates;
import uk.pathways.casefile.process.TaskCreated;
import uk.pathways.escalation.TaskEscalated;
import uk.pathways.referral.ReferralConcluded;
import uk.pathways.referral.ReferralReceived;
import uk.pathways.screening.ThresholdDecided;
import uk.pathways.strategymeeting.StrategyMeetingAgencies;
import uk.pathways.strategymeeting.StrategyMeetingHeld;
import uk.pathways.strategymeeting.StrategyMeetingScheduled;

/**
 * Who is told of what. Plain {@code @EventListener}s, so each e-mail is queued in the transaction of the
 * event it reports (see {@link Outbox}); any event implementing {@link Notifiable} is queued as it asks.
 * Every model here carries the reference, the kind of event, what is due and links: never the child's
 * name, the concerns, disclosures, minutes or intelligence.
 */
@Component
class PathwayNotices {

    static final String SCREENING = "SCREENING";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final Map<String, String> PATHWAYS = Map.of(
            "UNIVERSAL", "signposting to universal services",
            "EARLY_HELP", "an early help plan led by children's services",
            "STRATEGY_MEETING", "a multi-agency strategy meeting",
            "URGENT_STRATEGY_MEETING", "an urgent multi-agency strategy meeting");

    private final Outbox outbox;
    private final CaseFile caseFile;
    private final StrategyMeetingAgencies meetingAgencies;
    private final NotificationProperties properties;

    PathwayNotices(
            Outbox outbox,
            CaseFile caseFile,
            StrategyMeetingAgencies meetingAgencies,
            NotificationProperties properties) {
        this.outbox = outbox;
        this.caseFile = caseFile;
        this.meetingAgencies = meetingAgencies;
        this.properties = properties;
    }

    /** Another capability's event that asks for e-mails (missing episodes, for example). */
    @EventListener
    void on(Notifiable event) {
        outbox.enqueue(event);
    }

    /** The referrer is told the reference of their referral. */
    @EventListener
    void on(ReferralReceived event) {
        List<Recipient> referrer = referrer(event.caseId(), event.reference());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("receivedAt", display(event.occurredAt()));
        model.put("referrerAgency", Recipients.groupName(event.referrerAgency()));
        outbox.enqueue(new Notice(
                event.caseId(),
                event.reference(),
                "REFERRAL_RECEIVED",
                event.reference(),
                "referral-received",
                referrer,
                model));
    }

    /** The referrer is told the outcome of screening: the risk level and the pathway, nothing else. */
    @EventListener
    void on(ThresholdDecided event) {
        if (!SCREENING.equals(event.kind())) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("riskLevel", event.riskLevel());
        model.put("pathway", event.pathway());
        model.put("pathwayText", PATHWAYS.getOrDefault(event.pathway(), event.pathway()));
        model.put("decidedAt", display(event.occurredAt()));
        outbox.enqueue(new Notice(
                event.caseId(),
                event.reference(),
                "SCREENING_DECIDED",
                event.reference(),
                "screening-outcome",
                referrer(event.caseId(), event.reference()),
                model));
    }

    /** New work: the mailbox of each agency the task is for, and the person it is assigned to. */
    @EventListener
    void on(TaskCreated event) {
        List<Recipient> to = new ArrayList<>();
        event.candidateGroups().forEach(g -> to.add(Recipient.mailbox(g)));
        if (event.assignee() != null) {
            to.add(Recipient.user(event.assignee()));
        }
        if (to.isEmpty()) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("taskName", event.name());
        model.put("taskKey", event.taskDefinitionKey());
        model.put("due", event.due() == null ? null : Dates.display(event.due()));
        model.put(
                "forAgencies",
                event.candidateGroups().stream().map(Recipients::groupName).toList());
        model.put("assigned", event.assignee() != null);
        model.put("taskLink", outbox.taskLink(event.taskId()));
        outbox.enqueue(new Notice(
                event.caseId(), event.reference(), "TASK_CREATED", event.taskId(), "task-created", to, model));
    }

    /** An invitation, with date, time and place, to each agency asked for information. */
    @EventListener
    void on(StrategyMeetingScheduled event) {
        Map<String, Object> model = new LinkedHashMap<>();
        var startsAt = event.meetingStartsAt().toInstant().atZone(Now.UK);
        model.put("meetingDate", DAY.format(startsAt));
        model.put("meetingTime", TIME.format(startsAt));
        model.put("place", event.place());
        outbox.enqueue(new Notice(
                event.caseId(),
                event.reference(),
                "STRATEGY_MEETING_SCHEDULED",
                event.reference() + "@" + event.meetingStartsAt().getTime(),
                "meeting-invitation",
                event.agenciesAsked().stream().map(Recipient::mailbox).toList(),
                model));
        // named attendees from outside the contract's agencies: when and where, never the case (they cannot sign in)
        for (var attendee : event.externalAttendees()) {
            Map<String, Object> invitation = new LinkedHashMap<>(model);
            invitation.put("attendeeName", attendee.name());
            outbox.enqueue(new Notice(
                    event.caseId(),
                    event.reference(),
                    "STRATEGY_MEETING_INVITATION",
                    event.reference() + "@" + event.meetingStartsAt().getTime(),
                    "meeting-invitation-external",
                    List.of(Recipient.address(attendee.email())),
                    invitation));
        }
    }

    /**
     * The outcome to each agency at the meeting (those asked for information, and children's services who
     * hold it); when RISE accepts the young person, the information-sharing notice to the statutory agencies.
     */
    @EventListener
    void on(StrategyMeetingHeld event) {
        // the minutes' notice (a link, never the content) to the agencies invited to this meeting
        Set<String> attended = new LinkedHashSet<>(
                event.invitedAgencies().isEmpty() ? meetingAgencies.asked() : event.invitedAgencies());
        attended.add(Agency.CHILDRENS_SERVICES.groupId());
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("heldAt", display(event.occurredAt()));
        outcome.put("riseAccepted", event.riseAccepted());
        outcome.put("section47", event.section47());
        outcome.put("policeInvestigation", event.policeInvestigation());
        String occurrence = event.reference() + "@" + event.occurredAt().toEpochMilli();
        outbox.enqueue(new Notice(
                event.caseId(),
                event.reference(),
                "STRATEGY_MEETING_HELD",
                occurrence,
                "meeting-outcome",
                attended.stream().map(Recipient::mailbox).toList(),
                outcome));
        if (event.riseAccepted()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("acceptedAt", display(event.occurredAt()));
            outbox.enqueue(new Notice(
                    event.caseId(),
                    event.reference(),
                    "RISE_ACCEPTED",
                    occurrence,
                    "rise-information-sharing",
                    properties.informationSharingAgencies().stream()
                            .map(Recipient::mailbox)
                            .toList(),
                    model));
        }
    }

    /** A breached clock: every member of the escalation group; a reminder: the task's assignee. */
    @EventListener
    void on(TaskEscalated event) {
        if (event.escalatedTo() == null) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("taskName", event.name());
        model.put("taskKey", event.taskDefinitionKey());
        model.put("due", event.due() == null ? null : Dates.display(event.due()));
        model.put("overdueBy", event.due() == null ? null : overdue(event.due(), event.occurredAt()));
        model.put("escalatedTo", event.reminder() ? null : Recipients.groupName(event.escalatedTo()));
        model.put("taskLink", outbox.taskLink(event.taskId()));
        Recipient to =
                event.reminder() ? Recipient.user(event.escalatedTo()) : Recipient.membersOf(event.escalatedTo());
        outbox.enqueue(new Notice(
                event.caseId(),
                event.reference(),
                event.eventType(),
                event.taskId(),
                event.reminder() ? "task-reminder" : "task-escalated",
                List.of(to),
                model));
    }

    /** A closed case: every agency involved in it. */
    @EventListener
    void on(ReferralConcluded event) {
        if (!event.caseClosed()) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("closedAt", display(event.occurredAt()));
        model.put("outcome", event.description());
        outbox.enqueue(new Notice(
                event.caseId(),
                event.reference(),
                "CASE_CLOSED",
                event.reference(),
                "case-closed",
                caseFile.involvedAgencies(event.caseId()).stream()
                        .map(Recipient::mailbox)
                        .toList(),
                model));
    }

    private List<Recipient> referrer(String caseId, String reference) {
        return caseFile.referrals(caseId).stream()
                .filter(r -> r.reference().equals(reference))
                .map(ReferralRecord::referrerEmail)
                .filter(e -> e != null && !e.isBlank())
                .map(Recipient::address)
                .toList();
    }

    private static String display(Instant instant) {
        return Dates.display(Date.from(instant));
    }

    /** "2 days 3 hours", "45 minutes", "less than a minute". */
    static String overdue(Date due, Instant at) {
        Duration late = Duration.between(due.toInstant(), at);
        if (late.toMinutes() < 1) {
            return "less than a minute";
        }
        List<String> parts = new ArrayList<>();
        if (late.toDays() > 0) {
            parts.add(plural(late.toDays(), "day"));
        }
        if (late.toHoursPart() > 0) {
            parts.add(plural(late.toHoursPart(), "hour"));
        }
        if (late.toDays() == 0 && late.toMinutesPart() > 0) {
            parts.add(plural(late.toMinutesPart(), "minute"));
        }
        return String.join(" ", parts);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
