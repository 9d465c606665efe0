package uk.pathways.missing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Agency;
import uk.pathways.agency.Privileged;
import uk.pathways.calendar.Clocks;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.casefile.CaseEntry;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.casefile.ReferralRecord;
import uk.pathways.missing.process.MissingEpisodeProcess;
import uk.pathways.referral.NewReferral;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.referral.Referrals;
import uk.pathways.web.ConflictException;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * Missing episodes, the public API of the capability: a report joins (or opens) the child's case, records
 * the episode and starts {@code missing-episode}; the pathway calls back here to tell agencies, check for
 * repeat missing, record the return and the return home interview, start CSE referrals and close the episode.
 */
@Service
@Transactional
public class MissingEpisodes {

    public static final String SOURCE_API = "API";
    public static final String SOURCE_MESSAGE = "MESSAGE";
    /** The source of a CSE referral started by the missing pathway. */
    public static final String SOURCE_MISSING_EPISODE = "MISSING_EPISODE";
    /** The source of a CSE referral started at support by a missing child's strategy meeting (it has no screening). */
    public static final String SOURCE_MISSING_STRATEGY_MEETING = "MISSING_STRATEGY_MEETING";
    /** The case stage of a case opened (or reopened) by a missing report. */
    public static final String STAGE = "MISSING";
    /** Who is told of every missing report at once (contract section 4): children's services, and the co-ordinator. */
    public static final List<String> TOLD_AT_ONCE =
            List.of(Agency.CHILDRENS_SERVICES.groupId(), Agency.MISSING_COORDINATOR.groupId());

    static final String INDICATOR_REPEAT = "MISSING_REPEATEDLY";
    static final String INDICATOR_MISSING = "MISSING_OR_ABSENT";
    /** How far ahead of the server's clock a partner's clock may run: a time this little in the future is accepted. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CaseFile caseFile;
    private final MissingEpisodeRepository episodes;
    private final RuntimeService runtimeService;
    private final ApplicationEventPublisher events;
    private final Referrals referrals;
    private final MissingProperties properties;
    private final Clocks clocks;
    private final ObjectMapper json;
    private final Privileged privileged;
    private final CaseAccess caseAccess;

    MissingEpisodes(
            CaseFile caseFile,
            MissingEpisodeRepository episodes,
            RuntimeService runtimeService,
            ApplicationEventPublisher events,
            Referrals referrals,
            MissingProperties properties,
            Clocks clocks,
            ObjectMapper json,
            Privileged privileged,
            CaseAccess caseAccess) {
        this.privileged = privileged;
        this.caseAccess = caseAccess;
        this.caseFile = caseFile;
        this.episodes = episodes;
        this.runtimeService = runtimeService;
        this.events = events;
        this.referrals = referrals;
        this.properties = properties;
        this.clocks = clocks;
        this.json = json;
    }

    /** What the pathway needs of a recorded episode: ids, display name, age, risk, type and its clock dates. */
    public record RecordedEpisode(String reference, String caseId, boolean joined, VariableMap variables) {}

    /** Records a report and starts its pathway in one transaction; children's services are told before this returns. */
    public MissingReportAccepted report(NewMissingReport report, Actor reportedBy, String source) {
        RecordedEpisode recorded = record(report, reportedBy, source);
        ProcessInstance instance = privileged.call(() -> runtimeService.startProcessInstanceByKey(
                MissingEpisodeProcess.KEY, recorded.reference(), recorded.variables()));
        episodes.linkProcess(recorded.reference(), instance.getId());
        return new MissingReportAccepted(recorded.reference(), recorded.caseId(), instance.getId(), recorded.joined());
    }

    /** Records a report in the case record (the child's case joined or opened) and gives its pathway's variables. */
    public RecordedEpisode record(NewMissingReport report, Actor reportedBy, String source) {
        if (report.caseId() != null
                && reportedBy != null
                && reportedBy != Actor.SYSTEM
                && reportedBy.userId() != null) {
            // contract section 8: a report may name only a case the reporter can read (403 otherwise, audited)
            caseAccess.checkRead(reportedBy.userId(), report.caseId(), door(source), "missing report for the case");
        }
        ChildDetails child = childOf(report);
        CaseFile.OpenedCase opened = caseFile.openOrJoin(child, STAGE);
        if (episodes.isDuplicate(opened.caseId(), report.policeReference(), report.missingSince())) {
            throw new ConflictException("This episode (police reference " + report.policeReference()
                    + ", same time last seen) was already reported for the child; nothing was changed.");
        }
        String reference = caseFile.nextReference("MIS");
        episodes.insert(
                reference, opened.caseId(), report, child.placingAuthority(), source, reportedBy, Now.instant());
        // contract section 8: the reporting agency is involved only in a case its report opened; joining a child's
        // existing case involves nobody new but the agencies the pathway tells at once (contract section 4)
        if (reportedBy.agency() != null && !opened.joinedExisting()) {
            caseFile.involve(
                    opened.caseId(), reportedBy.agency(), "reported the missing episode " + reference, reportedBy);
        }
        for (String told : TOLD_AT_ONCE) {
            caseFile.involve(opened.caseId(), told, "told at once of the missing episode " + reference, Actor.SYSTEM);
        }
        VariableMap variables = Variables.createVariables()
                .putValue(CaseVariables.CASE_ID, opened.caseId())
                .putValue(CaseVariables.REFERENCE, reference)
                .putValue(CaseVariables.CHILD_DISPLAY_NAME, child.displayName())
                .putValue(CaseVariables.AGE, child.ageOn(Now.today()))
                .putValue(MissingEpisodeProcess.POLICE_RISK, report.policeRisk())
                .putValue(MissingEpisodeProcess.EPISODE_TYPE, report.episodeType())
                .putValue(MissingEpisodeProcess.MISSING_SINCE, Date.from(report.missingSince()))
                .putValue(
                        MissingEpisodeProcess.RETURNED_AT,
                        report.returnedAt() == null ? null : Date.from(report.returnedAt()));
        return new RecordedEpisode(reference, opened.caseId(), opened.joinedExisting(), variables);
    }

    private static String door(String source) {
        return switch (source) {
            case SOURCE_API -> "API";
            case SOURCE_MESSAGE -> "ENGINE_REST";
            default -> "PAGE";
        };
    }

    /** The child as reported, or as the case knows them; a placing authority or a care episode means looked after. */
    private ChildDetails childOf(NewMissingReport report) {
        ChildDetails known = report.child() != null
                ? report.child()
                : caseFile.find(report.caseId())
                        .orElseThrow(() -> new NoSuchElementException("No case " + report.caseId()))
                        .child();
        String placingAuthority =
                report.placingAuthority() != null ? report.placingAuthority() : known.placingAuthority();
        boolean lookedAfter =
                known.lookedAfter() || EpisodeTypes.fromCare(report.episodeType()) || report.placingAuthority() != null;
        return known.placed(lookedAfter, placingAuthority);
    }

    public void linkProcess(String reference, String processInstanceId) {
        episodes.linkProcess(reference, processInstanceId);
    }

    @Transactional(readOnly = true)
    public Optional<MissingEpisode> find(String reference) {
        return episodes.find(reference);
    }

    @Transactional(readOnly = true)
    public List<MissingEpisode> ofCase(String caseId) {
        return episodes.ofCase(caseId);
    }

    /** Episodes last seen on the days {@code from} to {@code to} (UK dates, both included): the statutory return. */
    @Transactional(readOnly = true)
    public List<MissingEpisode> lastSeenBetween(LocalDate from, LocalDate to) {
        return episodes.between(
                from.atStartOfDay(Now.UK).toInstant(),
                to.plusDays(1).atStartOfDay(Now.UK).toInstant());
    }

    private MissingEpisode require(String reference) {
        return episodes.find(reference)
                .orElseThrow(() -> new NoSuchElementException("No missing episode " + reference));
    }

    // ---- told at once ----

    /** Children's services (and the co-ordinator) are told; so is the placing authority where the child is placed away from it. */
    public void tellAgencies(String reference, Actor actor) {
        MissingEpisode episode = require(reference);
        ChildDetails child = caseFile.find(episode.caseId()).orElseThrow().child();
        events.publishEvent(new MissingChildReported(
                episode.caseId(),
                reference,
                child.displayName(),
                episode.missingSince(),
                episode.episodeType(),
                episode.policeReference(),
                episode.policeRisk(),
                TOLD_AT_ONCE,
                actor,
                Now.instant()));
        if (placingAuthorityIsTold(episode)) {
            events.publishEvent(new PlacingAuthorityNotified(
                    episode.caseId(),
                    reference,
                    episode.placingAuthority(),
                    episode.outOfArea(),
                    PlacingAuthorityNotified.MISSING,
                    actor,
                    Now.instant()));
        }
    }

    /** A child placed out of area, or placed here by another authority (strategy 4.5 and 4.6). */
    boolean placingAuthorityIsTold(MissingEpisode episode) {
        return episode.placingAuthority() != null
                && (episode.outOfArea() || properties.isOtherAuthority(episode.placingAuthority()));
    }

    // ---- repeat missing ----

    /**
     * The {@code repeat.episodes}th episode of the child within {@code repeat.days} days (by time last seen)
     * starts a CSE referral linked to those episodes, unless a referral is already open for the child: then
     * the chronology records that its next review is told. Returns the referral started, if one was.
     */
    public Optional<String> checkRepeatMissing(String reference, Actor actor) {
        MissingEpisode episode = require(reference);
        Instant windowStart = episode.missingSince()
                .atZone(Now.UK)
                .minusDays(properties.repeat().days())
                .toInstant();
        List<MissingEpisode> window = episodes.ofCaseBetween(episode.caseId(), windowStart, episode.missingSince());
        if (window.size() < properties.repeat().episodes()) {
            return Optional.empty();
        }
        List<String> references = window.stream().map(MissingEpisode::reference).toList();
        Optional<ReferralRecord> open = openReferral(episode.caseId());
        if (open.isPresent()) {
            events.publishEvent(new RepeatMissingNotedForReview(
                    episode.caseId(),
                    reference,
                    references,
                    properties.repeat().days(),
                    open.get().reference(),
                    actor,
                    Now.instant()));
            return Optional.empty();
        }
        String concerns = "Repeat missing: " + window.size() + " missing episodes in "
                + properties.repeat().days() + " days (" + String.join(", ", references)
                + "). Started by the missing pathway; see the episodes in the case record.";
        ReferralAccepted referral = refer(episode, Agency.MISSING_COORDINATOR, concerns, INDICATOR_REPEAT, actor);
        for (String linked : references) {
            episodes.linkReferral(linked, referral.reference(), MissingEpisodesReferred.REPEAT_MISSING, Now.instant());
        }
        events.publishEvent(new MissingEpisodesReferred(
                episode.caseId(),
                reference,
                referral.reference(),
                MissingEpisodesReferred.REPEAT_MISSING,
                references,
                actor,
                Now.instant()));
        return Optional.of(referral.reference());
    }

    private ReferralAccepted refer(
            MissingEpisode episode, Agency referrer, String concerns, String indicator, Actor actor) {
        return referrals.receive(
                referralFor(episode, referrer, concerns, indicator), Actor.SYSTEM, SOURCE_MISSING_EPISODE);
    }

    /** The referral the missing pathway makes for the episode's child, in the name of {@code referrer}. */
    private NewReferral referralFor(MissingEpisode episode, Agency referrer, String concerns, String indicator) {
        ChildDetails child = caseFile.find(episode.caseId()).orElseThrow().child();
        return new NewReferral(
                child,
                referrer.groupId(),
                referrer.displayName(),
                properties.referrerEmail(),
                concerns,
                List.of(indicator));
    }

    /** The child's CSE referral still open, the latest if more than one. */
    private Optional<ReferralRecord> openReferral(String caseId) {
        return caseFile.referrals(caseId).stream()
                .filter(r -> !"CLOSED".equals(r.status()))
                .reduce((first, second) -> second);
    }

    // ---- while missing ----

    /** What a police re-grade did: the episode as it now stands, and whether the pathway was told. */
    public record Regraded(MissingEpisode episode, boolean changed, boolean pathwayTold) {}

    /**
     * A police re-grade while the child is missing: recorded and chronicled; a pathway still waiting to call
     * the strategy meeting hears of it (a re-grade to HIGH calls the meeting at once). 404 unknown, 409 returned.
     */
    public Regraded regrade(String reference, String policeRisk, Actor actor) {
        MissingEpisode episode = require(reference);
        if (!episode.isMissing()) {
            throw new ConflictException("The child has returned from " + reference
                    + ": the police risk is re-graded only while the child is missing. Nothing was changed.");
        }
        if (!recordRisk(reference, policeRisk, actor)) {
            return new Regraded(episode, false, false);
        }
        boolean waiting = privileged.call(() -> {
            boolean subscribed = runtimeService
                            .createEventSubscriptionQuery()
                            .processInstanceId(episode.processInstanceId())
                            .eventType("message")
                            .eventName(MissingEpisodeProcess.MESSAGE_RISK_REGRADED)
                            .count()
                    > 0;
            if (subscribed) {
                runtimeService
                        .createMessageCorrelation(MissingEpisodeProcess.MESSAGE_RISK_REGRADED)
                        .processInstanceBusinessKey(reference)
                        .setVariable(MissingEpisodeProcess.POLICE_RISK, policeRisk)
                        .correlate();
            } else {
                runtimeService.setVariable(episode.processInstanceId(), MissingEpisodeProcess.POLICE_RISK, policeRisk);
            }
            return subscribed;
        });
        return new Regraded(require(reference), true, waiting);
    }

    /** Records a police risk grade; false (and nothing chronicled) if the episode already had it. */
    public boolean recordRisk(String reference, String policeRisk, Actor actor) {
        if (!EpisodeTypes.POLICE_RISKS.contains(policeRisk)) {
            throw new IllegalArgumentException(
                    "police risk must be one of " + EpisodeTypes.POLICE_RISKS + ", not " + policeRisk);
        }
        MissingEpisode episode = require(reference);
        if (policeRisk.equals(episode.policeRisk())) {
            return false;
        }
        episodes.updateRisk(reference, policeRisk);
        events.publishEvent(new MissingRiskRegraded(
                episode.caseId(), reference, episode.policeRisk(), policeRisk, actor, Now.instant()));
        return true;
    }

    /** The pathway called the strategy meeting for the missing child. */
    public void strategyMeetingCalled(String reference, Actor actor) {
        MissingEpisode episode = require(reference);
        String reason = EpisodeTypes.HIGH.equals(episode.policeRisk())
                ? "police risk HIGH"
                : "missing for " + clocks.duration(MissingEpisodeProcess.CLOCK_STRATEGY_MEETING) + " (police risk "
                        + episode.policeRisk() + ")";
        episodes.meetingCalled(reference, Now.instant());
        events.publishEvent(
                new MissingStrategyMeetingCalled(episode.caseId(), reference, reason, actor, Now.instant()));
    }

    // ---- the return ----

    /**
     * A return reported to the API: 404 for an unknown episode, 409 when its return is already recorded, 400
     * for a return before the time last seen or in the future; otherwise the pathway hears of it (message
     * {@code MissingChildReturned}, as a partner system would send it) and records it.
     */
    public MissingEpisode returned(String reference, Instant returnedAt) {
        MissingEpisode episode = require(reference);
        if (!episode.isMissing()) {
            throw new ConflictException(alreadyReturned(episode));
        }
        List<FieldProblem> problems = returnTimeProblems(episode, returnedAt);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            privileged.run(() -> runtimeService
                    .createMessageCorrelation(MissingEpisodeProcess.MESSAGE_RETURNED)
                    .processInstanceBusinessKey(reference)
                    .setVariable(MissingEpisodeProcess.RETURNED_AT, Date.from(returnedAt))
                    .correlate());
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException(
                    "The pathway of " + reference + " is not waiting for a return; nothing was changed.");
        }
        return require(reference);
    }

    private static String alreadyReturned(MissingEpisode episode) {
        return episode.returnedAt() == null
                ? "Missing episode " + episode.reference() + " is closed; nothing was changed."
                : "The return from " + episode.reference() + " was already recorded (returned at "
                        + episode.returnedAt() + "); nothing was changed.";
    }

    List<FieldProblem> returnTimeProblems(MissingEpisode episode, Instant returnedAt) {
        if (returnedAt.isBefore(episode.missingSince())) {
            return List.of(new FieldProblem(
                    "returnedAt",
                    "The return must not be before the time the child was last seen (" + episode.missingSince() + ")"));
        }
        if (returnedAt.isAfter(Now.instant().plus(CLOCK_SKEW))) {
            return List.of(new FieldProblem("returnedAt", "The return must not be in the future"));
        }
        return List.of();
    }

    /** The pathway records the return (from the API or a partner's message); the interview's clock starts. */
    public Instant recordReturn(String reference, Instant returnedAt, Actor actor) {
        MissingEpisode episode = require(reference);
        List<FieldProblem> problems = returnTimeProblems(episode, returnedAt);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "return of " + reference + ": " + problems.get(0).message());
        }
        Instant interviewDue = clocks.dueFrom(MissingEpisodeProcess.CLOCK_RETURN_HOME_INTERVIEW, Date.from(returnedAt))
                .toInstant();
        if (!episodes.returned(reference, returnedAt, interviewDue)) {
            throw new ConflictException(alreadyReturned(episode));
        }
        events.publishEvent(new MissingChildReturned(
                episode.caseId(), reference, episode.missingSince(), returnedAt, interviewDue, actor, Now.instant()));
        if (placingAuthorityIsTold(episode)) {
            events.publishEvent(new PlacingAuthorityNotified(
                    episode.caseId(),
                    reference,
                    episode.placingAuthority(),
                    episode.outOfArea(),
                    PlacingAuthorityNotified.RETURNED,
                    actor,
                    Now.instant()));
        }
        return interviewDue;
    }

    // ---- the return home interview ----

    /** Records the interview's decision fields (its sensitive text is in the case record, by the task's caseRecord). */
    public void recordInterview(
            String reference,
            boolean offered,
            boolean accepted,
            boolean cseConcern,
            boolean informationForPolice,
            Actor actor) {
        MissingEpisode episode = require(reference);
        Instant now = Now.instant();
        episodes.interviewed(reference, offered, accepted, cseConcern, now);
        boolean withinClock = episode.rhiDueAt() == null || !now.isAfter(episode.rhiDueAt());
        events.publishEvent(new ReturnHomeInterviewRecorded(
                episode.caseId(),
                reference,
                offered,
                accepted,
                cseConcern,
                informationForPolice,
                withinClock,
                actor,
                now));
    }

    /** A CSE concern at the interview starts a {@code cse-referral} for the child's case, linked to the episode. */
    public String referFromInterview(String reference, Actor actor) {
        MissingEpisode episode = require(reference);
        String concerns =
                "A concern of sexual exploitation was raised at the return home interview after missing episode "
                        + reference + " (police reference " + episode.policeReference()
                        + "). The interview is in the case record.";
        ReferralAccepted referral = refer(episode, Agency.RHI_SERVICE, concerns, INDICATOR_MISSING, actor);
        episodes.linkReferral(reference, referral.reference(), MissingEpisodesReferred.CSE_CONCERN, Now.instant());
        events.publishEvent(new MissingEpisodesReferred(
                episode.caseId(),
                reference,
                referral.reference(),
                MissingEpisodesReferred.CSE_CONCERN,
                List.of(reference),
                actor,
                Now.instant()));
        return referral.reference();
    }

    /**
     * The missing child's strategy meeting decided support or protection (RISE, a section 47 enquiry, a police
     * investigation): a CSE referral linked to the episode starts the referral pathway's own tracks with those
     * decisions; when a CSE referral is already open for the child, the decisions become that referral's own: the
     * tracks it lacks start in its support and protection, or it moves there from screening, early help or a meeting
     * not yet held. Returns the referral started, if one was.
     */
    public Optional<String> startSupportAfterMeeting(String reference, Referrals.Decided decided, Actor chair) {
        MissingEpisode episode = require(reference);
        if (!decided.any()) {
            return Optional.empty();
        }
        Optional<ReferralRecord> open = openReferral(episode.caseId());
        if (open.isPresent()) {
            Referrals.Applied applied = referrals.applyMeetingDecisions(open.get(), decided);
            events.publishEvent(new MeetingDecisionsAppliedToReferral(
                    episode.caseId(),
                    reference,
                    decided.words(),
                    open.get().reference(),
                    applied,
                    chair,
                    Now.instant()));
            if (episode.referrals().stream()
                    .noneMatch(l -> l.referralReference().equals(open.get().reference()))) {
                episodes.linkReferral(
                        reference, open.get().reference(), MissingEpisodesReferred.STRATEGY_MEETING, Now.instant());
            }
            return Optional.empty();
        }
        String concerns = "The strategy meeting for missing episode " + reference + " decided: "
                + decided.words() + ". Started by the missing pathway at support and protection; the"
                + " meeting's record is in the case record.";
        ReferralAccepted referral = referrals.receiveAtSupport(
                referralFor(episode, Agency.CHILDRENS_SERVICES, concerns, INDICATOR_MISSING),
                Actor.SYSTEM,
                SOURCE_MISSING_STRATEGY_MEETING,
                decided);
        episodes.linkReferral(reference, referral.reference(), MissingEpisodesReferred.STRATEGY_MEETING, Now.instant());
        events.publishEvent(new MissingEpisodesReferred(
                episode.caseId(),
                reference,
                referral.reference(),
                MissingEpisodesReferred.STRATEGY_MEETING,
                List.of(reference),
                chair,
                Now.instant()));
        return Optional.of(referral.reference());
    }

    /** The information for the police that the interview recorded (kept in the case record, not the engine). */
    @Transactional(readOnly = true)
    public Optional<String> informationForPolice(String reference) {
        MissingEpisode episode = require(reference);
        List<CaseEntry> interviews = caseFile.entries(episode.caseId(), Set.of(Agency.POLICE.groupId())).stream()
                .filter(e -> MissingEpisodeProcess.TASK_RETURN_HOME_INTERVIEW.equals(e.kind())
                        && reference.equals(e.reference()))
                .toList();
        if (interviews.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode content =
                    json.readTree(interviews.get(interviews.size() - 1).content());
            JsonNode text = content.get(MissingEpisodeProcess.INFORMATION_FOR_POLICE);
            return text == null || text.isNull() || text.asText().isBlank()
                    ? Optional.empty()
                    : Optional.of(text.asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("return home interview entry of " + reference + " is not JSON", e);
        }
    }

    // ---- the end ----

    /** The episode's pathway ended: the episode closes, and the case with it if nothing else is open on it. */
    public boolean close(String reference, boolean cancelled, Actor actor) {
        MissingEpisode episode = require(reference);
        episodes.close(reference, Now.instant());
        boolean caseClosed = caseFile.closeIfNothingOpen(
                episode.caseId(), "Missing episode " + reference + (cancelled ? " cancelled" : " closed"));
        events.publishEvent(
                new MissingEpisodeClosed(episode.caseId(), reference, cancelled, caseClosed, actor, Now.instant()));
        return caseClosed;
    }
}
