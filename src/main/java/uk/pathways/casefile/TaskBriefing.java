package uk.pathways.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a task needs from the case record, shown beside its form (contract section 9): the referral's concerns for a
 * screening, the meeting and the referral for an agency's information, every agency's information for the meeting's
 * outcome (the meeting pack), the closure strategy and the latest outcome wheel for the closure's approval, the
 * interview's information for the police, the current plan for the next safety plan (and its review), the review or
 * meeting and each track's record for a manager agreeing a closure, the recent contacts and earlier answers for an
 * onward referral's follow-up. Read from the case record for a
 * reader who may read the case; never copied into the engine.
 */
@Component
public class TaskBriefing {

    private static final Set<String> CLOSURES =
            Set.of("closure-strategy", "closure-approval", "approve-case-closure", "approve-review-closure");

    private final CaseViews views;
    private final org.springframework.beans.factory.ObjectProvider<BriefingSource> sources;

    TaskBriefing(CaseViews views, org.springframework.beans.factory.ObjectProvider<BriefingSource> sources) {
        this.views = views;
        this.sources = sources;
    }

    /**
     * The entries for a task of this key, newest first. {@code processInstanceId} is the task's own process (a strategy
     * meeting's), {@code reference} the referral or episode the task belongs to.
     */
    @Transactional(readOnly = true)
    public List<CaseView.RecordEntry> forTask(
            String caseId, String taskKey, String processInstanceId, String reference, String readerUserId) {
        List<CaseView.RecordEntry> record = views.record(caseId, readerUserId);
        List<CaseView.RecordEntry> briefing = new ArrayList<>();
        for (BriefingSource source : sources) {
            briefing.addAll(source.forTask(caseId, taskKey, processInstanceId));
        }
        // an entry of the referral or episode the task belongs to (a reopened case has earlier ones)
        java.util.function.Predicate<CaseView.RecordEntry> ours =
                e -> reference != null && reference.equals(e.reference());
        switch (taskKey) {
            case "screening", "strategy-review" -> {
                add(briefing, record, e -> e.kind().equals("referral"), 10);
                add(
                        briefing,
                        record,
                        e -> Set.of("screening", "strategy-review", "strategy-meeting")
                                .contains(e.kind()),
                        5);
                // a reopened case: how it was closed last time
                add(briefing, record, e -> CLOSURES.contains(e.kind()), 2);
            }
            case "schedule-strategy-meeting" ->
                add(
                        briefing,
                        record,
                        e -> Set.of("referral", "screening", "return-home-interview")
                                .contains(e.kind()),
                        5);
            case "agency-information" -> {
                add(
                        briefing,
                        record,
                        e -> e.kind().equals("schedule-strategy-meeting") && sameProcess(e, processInstanceId, record),
                        1);
                add(
                        briefing,
                        record,
                        e -> e.kind().equals("referral") || e.kind().equals("screening"),
                        3);
            }
            case "strategy-meeting" -> {
                add(
                        briefing,
                        record,
                        e -> e.kind().equals("schedule-strategy-meeting") && sameProcess(e, processInstanceId, record),
                        1);
                add(
                        briefing,
                        record,
                        e -> e.kind().equals("agency-information") && sameProcess(e, processInstanceId, record),
                        50);
                add(
                        briefing,
                        record,
                        e -> e.kind().equals("referral") || e.kind().equals("screening"),
                        3);
            }
            case "closure-approval" -> {
                add(briefing, record, e -> e.kind().equals("closure-strategy"), 1);
                add(briefing, record, e -> e.kind().equals("outcome-wheel"), 1);
                add(briefing, record, e -> e.kind().equals("safety-plan"), 1);
            }
            case "approve-review-override" ->
                // the review with the social worker's judgement and its reason
                add(briefing, record, e -> e.kind().equals("strategy-review") && ours.test(e), 1);
            case "approve-case-closure", "approve-review-closure" -> {
                // what the manager agrees to close: the meeting or review that proposes it, and each track's record
                // of this referral only
                add(briefing, record, e -> e.kind().equals("strategy-review") && ours.test(e), 1);
                add(briefing, record, e -> e.kind().equals("strategy-meeting") && ours.test(e), 1);
                add(briefing, record, e -> e.kind().equals("section-47-enquiry") && ours.test(e), 1);
                add(briefing, record, e -> e.kind().equals("police-investigation") && ours.test(e), 1);
            }
            case "police-intelligence" ->
                add(briefing, record, e -> e.kind().equals("return-home-interview") && ours.test(e), 1);
            case "meeting-action" -> add(briefing, record, e -> e.kind().equals("strategy-meeting"), 1);
            case "investigation-review" -> {
                // the police's updates of this referral's investigation (for readers they were not restricted from)
                add(briefing, record, e -> e.kind().equals("police-investigation") && ours.test(e), 3);
                add(briefing, record, e -> e.kind().equals("strategy-meeting") && ours.test(e), 1);
            }
            case "safety-plan" -> {
                add(briefing, record, e -> e.kind().equals("safety-plan"), 1);
                add(briefing, record, e -> e.kind().equals("strategy-meeting"), 1);
            }
            case "onward-referral" -> {
                // the contacts that made and updated the referral, and the earlier answers about it
                add(briefing, record, e -> e.kind().equals("onward-referral"), 3);
                add(briefing, record, e -> e.kind().equals("outreach-contact"), 3);
            }
            case "outreach-contact", "outcome-wheel", "closure-strategy" -> {
                add(briefing, record, e -> e.kind().equals("safety-plan"), 1);
                add(briefing, record, e -> e.kind().equals("outreach-contact"), 3);
                add(briefing, record, e -> e.kind().equals("outcome-wheel"), 1);
            }
            default -> add(briefing, record, e -> true, 5);
        }
        return briefing;
    }

    /** What a task of no case needs (a panel's agenda, a panel's action on a subject), as its sources give it. */
    @Transactional(readOnly = true)
    public List<CaseView.RecordEntry> forTaskWithoutCase(
            String taskKey, String processInstanceId, String readerUserId) {
        List<CaseView.RecordEntry> briefing = new ArrayList<>();
        for (BriefingSource source : sources) {
            briefing.addAll(source.forTaskWithoutCase(taskKey, processInstanceId, readerUserId));
        }
        return briefing;
    }

    private static boolean sameProcess(
            CaseView.RecordEntry entry, String processInstanceId, List<CaseView.RecordEntry> record) {
        return processInstanceId != null && processInstanceId.equals(entry.processInstanceId());
    }

    private static void add(
            List<CaseView.RecordEntry> briefing,
            List<CaseView.RecordEntry> record,
            java.util.function.Predicate<CaseView.RecordEntry> which,
            int at) {
        record.stream()
                .filter(which)
                .filter(e -> !briefing.contains(e))
                .limit(at)
                .forEach(briefing::add);
    }
}
