package uk.pathways.missing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseView;
import uk.pathways.casefile.CaseViews;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.support.Pathway;

/** The missing-episode pathway from report to closure, driven as the police, the RHI service and children's services do. */
@PathwaysTest
@RecordApplicationEvents
class MissingEpisodePathwayTest {

    /** A Wednesday, so that working-day clocks and clock-hour clocks differ only where a test wants them to. */
    static final ZonedDateTime START = LocalDate.of(2026, 11, 18).atTime(10, 0).atZone(Now.UK);

    @Autowired
    MissingWalk walk;

    @Autowired
    Pathway pathway;

    @Autowired
    CaseViews caseViews;

    @Autowired
    CaseFile caseFile;

    @Autowired
    HistoryService historyService;

    @Autowired
    ApplicationEvents events;

    java.util.Set<String> running;

    @BeforeEach
    void startOfTheDay() {
        running = walk.running();
        Pathway.at(START);
    }

    @AfterEach
    void resetClock() {
        walk.deleteStartedSince(running);
        ClockUtil.reset();
    }

    private static Instant hoursAgo(long hours) {
        return Now.instant().minus(Duration.ofHours(hours));
    }

    private MissingReportAccepted reportLow(ChildDetails child) {
        return walk.report(child, hoursAgo(2), "LOW");
    }

    private void returnNow(String reference) {
        walk.episodes().returned(reference, Now.instant());
    }

    private static Map<String, Object> interview(
            boolean offered, boolean accepted, boolean cseConcern, String forPolice) {
        Map<String, Object> form = new HashMap<>();
        form.put("rhiOffered", offered);
        form.put("rhiAccepted", accepted);
        form.put("cseConcern", cseConcern);
        form.put("whereabouts", "Synthetic: stayed at a friend's flat");
        form.put("pushFactors", "Synthetic: argument at home");
        form.put("pullFactors", "Synthetic: older friends");
        form.put("informationForPolice", forPolice);
        form.put("notOfferedReason", offered ? null : "Synthetic: child moved out of the area the same day");
        return form;
    }

    private void holdMeeting(String caseId) {
        holdMeeting(caseId, false, false, false);
    }

    private void holdMeeting(String caseId, boolean riseAccepted, boolean section47, boolean policeInvestigation) {
        pathway.complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "meetingAt",
                        Date(Now.instant().plus(Duration.ofHours(3))),
                        "meetingPlace",
                        "Room 1 (synthetic)"));
        pathway.complete(
                caseId,
                "strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "riseAccepted",
                        riseAccepted,
                        "section47",
                        section47,
                        "policeInvestigation",
                        policeInvestigation,
                        "meetingMinutes",
                        "Synthetic minutes"));
    }

    private static java.util.Date Date(Instant instant) {
        return java.util.Date.from(instant);
    }

    // ---- reported: told at once ----

    @Test
    void aReportOpensACaseAndTellsChildrensServicesAtOnce() {
        ChildDetails child = Pathway.child(14);
        MissingReportAccepted accepted = reportLow(child);

        assertThat(accepted.reference()).matches("MIS-2026-\\d{6}");
        MissingEpisode episode = walk.episode(accepted.reference());
        assertThat(episode.status()).isEqualTo(MissingEpisode.MISSING);
        assertThat(episode.caseId()).isEqualTo(accepted.caseId());
        assertThat(walk.caseStatus(accepted.caseId())).isEqualTo("OPEN");
        assertThat(caseFile.involvedAgencies(accepted.caseId()))
                .contains("police", "childrens-services", "missing-coordinator");

        List<MissingChildReported> told = events.stream(MissingChildReported.class)
                .filter(e -> e.reference().equals(accepted.reference()))
                .toList();
        assertThat(told).singleElement().satisfies(e -> {
            assertThat(e.recipientGroups()).startsWith("childrens-services");
            assertThat(e.occurredAt()).isEqualTo(START.toInstant());
        });
        assertThat(walk.summaries(accepted.caseId(), "MISSING_REPORTED"))
                .singleElement()
                .asString()
                .contains(accepted.reference(), "police risk LOW", "Told at once: childrens-services");
        assertThat(walk.summaries(accepted.caseId(), "PLACING_AUTHORITY_TOLD")).isEmpty();

        CaseView view = caseViews.view(accepted.caseId(), "police-worker").orElseThrow();
        assertThat(view.missingEpisodes())
                .singleElement()
                .satisfies(e -> assertThat(((MissingEpisode) e).reference()).isEqualTo(accepted.reference()));
    }

    @Test
    void aSecondReportForTheSameChildJoinsTheirCase() {
        ChildDetails child = Pathway.child(15);
        MissingReportAccepted first = reportLow(child);
        returnNow(first.reference());

        MissingReportAccepted second = walk.report(child, Now.instant(), "MEDIUM");

        assertThat(second.caseId()).isEqualTo(first.caseId());
        assertThat(second.joinedExistingCase()).isTrue();
        assertThat(walk.episodes().ofCase(first.caseId()))
                .extracting(MissingEpisode::reference)
                .containsExactly(second.reference(), first.reference());
    }

    @Test
    void aChildPlacedOutOfAreaOrByAnotherAuthorityHasThePlacingAuthorityTold() {
        MissingReportAccepted outOfArea = walk.report(new NewMissingReport(
                Pathway.child(13),
                null,
                hoursAgo(1),
                MissingWalk.policeReference(),
                "MEDIUM",
                EpisodeTypes.MISSING_FROM_CARE,
                "Northamptonshire",
                true,
                null));
        MissingReportAccepted placedHere = walk.report(new NewMissingReport(
                Pathway.child(16),
                null,
                hoursAgo(1),
                MissingWalk.policeReference(),
                "LOW",
                EpisodeTypes.AWAY_FROM_PLACEMENT,
                "Leicestershire",
                false,
                null));
        MissingReportAccepted ourOwnInArea = walk.report(new NewMissingReport(
                Pathway.child(16),
                null,
                hoursAgo(1),
                MissingWalk.policeReference(),
                "LOW",
                EpisodeTypes.MISSING_FROM_CARE,
                "Northamptonshire",
                false,
                null));

        assertThat(walk.summaries(outOfArea.caseId(), "PLACING_AUTHORITY_TOLD"))
                .singleElement()
                .asString()
                .contains("Northamptonshire", "placement out of area");
        assertThat(walk.summaries(placedHere.caseId(), "PLACING_AUTHORITY_TOLD"))
                .singleElement()
                .asString()
                .contains("Leicestershire", "placed here by another authority");
        assertThat(walk.summaries(ourOwnInArea.caseId(), "PLACING_AUTHORITY_TOLD"))
                .isEmpty();
        assertThat(events.stream(PlacingAuthorityNotified.class)
                        .filter(e -> e.reference().equals(placedHere.reference())))
                .singleElement()
                .satisfies(e -> assertThat(e.placingAuthority()).isEqualTo("Leicestershire"));
        assertThat(caseFile.find(placedHere.caseId()).orElseThrow().child().lookedAfter())
                .isTrue();

        returnNow(placedHere.reference());
        assertThat(walk.summaries(placedHere.caseId(), "PLACING_AUTHORITY_TOLD"))
                .hasSize(2)
                .anySatisfy(s -> assertThat(s).contains("the child's return"));
    }

    // ---- while missing: the strategy meeting ----

    @Test
    void aHighPoliceRiskCallsTheStrategyMeetingAtOnce() {
        MissingReportAccepted accepted = walk.report(Pathway.child(14), hoursAgo(1), "HIGH");

        Task schedule = pathway.task(accepted.caseId(), "schedule-strategy-meeting");
        assertThat(walk.candidateGroups(schedule)).containsExactly("childrens-services");
        assertThat(walk.episode(accepted.reference()).strategyMeetingCalledAt()).isEqualTo(START.toInstant());
        assertThat(walk.summaries(accepted.caseId(), "MISSING_STRATEGY_MEETING_CALLED"))
                .singleElement()
                .asString()
                .contains("police risk HIGH");
        // the meeting's own clock (urgent: 1 working day) escalates to childrens-services-managers
        assertThat(pathway.dueOf(schedule)).isEqualTo(START.plusDays(1).toInstant());
    }

    @Test
    void aLowRiskChildMissing24HoursFromTheTimeLastSeenHasTheMeetingCalled() {
        MissingReportAccepted accepted = reportLow(Pathway.child(14));
        Instant missingSince = walk.episode(accepted.reference()).missingSince();

        assertThat(pathway.tasks(accepted.caseId(), "schedule-strategy-meeting"))
                .isEmpty();
        assertThat(walk.clocks(accepted.reference())).containsExactly(missingSince.plus(Duration.ofHours(24)));

        Pathway.at(missingSince.plus(Duration.ofHours(24)).minusSeconds(60).atZone(Now.UK));
        assertThat(walk.fireDueClocks(accepted.reference())).isZero();
        assertThat(pathway.tasks(accepted.caseId(), "schedule-strategy-meeting"))
                .isEmpty();

        Pathway.at(missingSince.plus(Duration.ofHours(24)).atZone(Now.UK));
        assertThat(walk.fireDueClocks(accepted.reference())).isEqualTo(1);
        assertThat(pathway.tasks(accepted.caseId(), "schedule-strategy-meeting"))
                .hasSize(1);
        assertThat(walk.summaries(accepted.caseId(), "MISSING_STRATEGY_MEETING_CALLED"))
                .singleElement()
                .asString()
                .contains("missing for 24 hours (police risk LOW)");
    }

    @Test
    void aReportMadeLateStillCountsTheMissingClockFromTheTimeLastSeen() {
        MissingReportAccepted accepted = walk.report(Pathway.child(12), hoursAgo(30), "MEDIUM");

        assertThat(walk.clocks(accepted.reference())).containsExactly(hoursAgo(6));
        assertThat(walk.fireDueClocks(accepted.reference())).isEqualTo(1);
        assertThat(pathway.tasks(accepted.caseId(), "schedule-strategy-meeting"))
                .hasSize(1);
    }

    @Test
    void aPoliceRegradeToHighCallsTheMeetingAtOnceAndALowerRegradeKeepsTheClock() {
        MissingReportAccepted accepted = reportLow(Pathway.child(15));
        List<Instant> clock = walk.clocks(accepted.reference());

        MissingEpisodes.Regraded medium = walk.episodes().regrade(accepted.reference(), "MEDIUM", MissingWalk.POLICE);
        assertThat(medium.changed()).isTrue();
        assertThat(walk.clocks(accepted.reference())).isEqualTo(clock);
        assertThat(pathway.tasks(accepted.caseId(), "schedule-strategy-meeting"))
                .isEmpty();

        walk.episodes().regrade(accepted.reference(), "HIGH", MissingWalk.POLICE);

        assertThat(pathway.tasks(accepted.caseId(), "schedule-strategy-meeting"))
                .hasSize(1);
        assertThat(walk.episode(accepted.reference()).policeRisk()).isEqualTo("HIGH");
        assertThat(walk.summaries(accepted.caseId(), "POLICE_RISK_REGRADED"))
                .containsExactly(
                        "Police risk for missing episode " + accepted.reference() + " re-graded from MEDIUM to HIGH",
                        "Police risk for missing episode " + accepted.reference() + " re-graded from LOW to MEDIUM");
        assertThat(walk.summaries(accepted.caseId(), "MISSING_STRATEGY_MEETING_CALLED"))
                .singleElement()
                .asString()
                .contains("police risk HIGH");
    }

    @Test
    void aReturnBeforeTheMeetingIsCalledMeansNoMeetingByTheMissingClock() {
        MissingReportAccepted accepted = reportLow(Pathway.child(14));
        Pathway.at(START.plusHours(3));
        returnNow(accepted.reference());

        assertThat(pathway.openTaskKeys(accepted.caseId())).containsExactly("return-home-interview");
        Pathway.at(START.plusHours(30));
        walk.fireDueClocks(accepted.reference());
        assertThat(pathway.tasks(accepted.caseId(), "schedule-strategy-meeting"))
                .isEmpty();
        assertThat(walk.episode(accepted.reference()).strategyMeetingCalledAt()).isNull();
    }

    @Test
    void aReturnReportedBeforeAnyTaskWasDoneKeepsTheCalledMeetingAndStartsTheInterview() {
        MissingReportAccepted accepted = walk.report(Pathway.child(14), hoursAgo(1), "HIGH");

        returnNow(accepted.reference());

        assertThat(pathway.openTaskKeys(accepted.caseId()))
                .containsExactly("return-home-interview", "schedule-strategy-meeting");
        MissingEpisode episode = walk.episode(accepted.reference());
        assertThat(episode.status()).isEqualTo(MissingEpisode.RETURNED);
        assertThat(episode.returnedAt()).isEqualTo(START.toInstant());
    }

    @Test
    void aReturnAfterTheMeetingWasCalledKeepsTheEpisodeOpenUntilBothAreDone() {
        MissingReportAccepted accepted = reportLow(Pathway.child(14));
        Pathway.at(START.plusHours(23));
        walk.fireDueClocks(accepted.reference());
        assertThat(pathway.tasks(accepted.caseId(), "schedule-strategy-meeting"))
                .hasSize(1);

        Pathway.at(START.plusHours(26));
        returnNow(accepted.reference());
        pathway.complete(
                accepted.caseId(), "return-home-interview", "rhi-service-worker", interview(true, true, false, null));

        assertThat(walk.episode(accepted.reference()).status()).isEqualTo(MissingEpisode.RETURNED);
        assertThat(walk.processEnded(accepted.processInstanceId())).isFalse();
        assertThat(walk.caseStatus(accepted.caseId())).isEqualTo("OPEN");

        holdMeeting(accepted.caseId());

        assertThat(walk.processEnded(accepted.processInstanceId())).isTrue();
        assertThat(walk.episode(accepted.reference()).status()).isEqualTo(MissingEpisode.CLOSED);
        assertThat(walk.caseStatus(accepted.caseId())).isEqualTo("CLOSED");
        assertThat(walk.chronologyTypes(accepted.caseId())).contains("STRATEGY_MEETING_HELD", "MISSING_EPISODE_CLOSED");
    }

    // ---- the return home interview ----

    @Test
    void theInterviewIsForTheRhiServiceDue72ClockHoursAfterTheReturn() {
        MissingReportAccepted accepted = reportLow(Pathway.child(14));
        Instant returnedAt = START.plusHours(4).toInstant();
        Pathway.at(START.plusHours(6));
        walk.episodes().returned(accepted.reference(), returnedAt);

        Task rhi = pathway.task(accepted.caseId(), "return-home-interview");
        assertThat(walk.candidateGroups(rhi)).containsExactly("rhi-service");
        assertThat(pathway.dueOf(rhi)).isEqualTo(returnedAt.plus(Duration.ofHours(72)));
        assertThat(walk.clocks(accepted.reference()))
                .containsExactlyInAnyOrder(
                        returnedAt.plus(Duration.ofHours(48)), returnedAt.plus(Duration.ofHours(72)));
        assertThat(walk.episode(accepted.reference()).rhiDueAt()).isEqualTo(returnedAt.plus(Duration.ofHours(72)));
        assertThat(caseFile.involvedAgencies(accepted.caseId())).contains("rhi-service");
        assertThat(walk.summaries(accepted.caseId(), "MISSING_CHILD_RETURNED"))
                .singleElement()
                .asString()
                .contains("after 6 hours");
    }

    @Test
    void theInterviewClockRunsThroughTheWeekend() {
        Pathway.at(LocalDate.of(2026, 11, 20).atTime(17, 0).atZone(Now.UK)); // a Friday
        MissingReportAccepted accepted = reportLow(Pathway.child(14));
        Pathway.at(LocalDate.of(2026, 11, 20).atTime(18, 0).atZone(Now.UK));
        returnNow(accepted.reference());

        Task rhi = pathway.task(accepted.caseId(), "return-home-interview");
        assertThat(pathway.dueOf(rhi))
                .isEqualTo(
                        LocalDate.of(2026, 11, 23).atTime(18, 0).atZone(Now.UK).toInstant()); // Monday
        assertThat(walk.clocks(accepted.reference()))
                .contains(
                        LocalDate.of(2026, 11, 22).atTime(18, 0).atZone(Now.UK).toInstant()); // Sunday

        Pathway.at(LocalDate.of(2026, 11, 22).atTime(18, 0).atZone(Now.UK));
        assertThat(walk.fireDueClocks(accepted.reference())).isEqualTo(1);
        assertThat(walk.local(rhi, "reminded")).isEqualTo(true);
        Pathway.at(LocalDate.of(2026, 11, 23).atTime(18, 0).atZone(Now.UK));
        assertThat(walk.fireDueClocks(accepted.reference())).isEqualTo(1);
        assertThat(walk.local(rhi, "escalated")).isEqualTo(true);
    }

    @Test
    void theInterviewClockCountsClockHoursAcrossTheChangeOfTime() {
        Pathway.at(LocalDate.of(2026, 10, 24).atTime(12, 0).atZone(Now.UK)); // Saturday; clocks go back on Sunday 25th
        MissingReportAccepted accepted = reportLow(Pathway.child(14));
        returnNow(accepted.reference());

        Task rhi = pathway.task(accepted.caseId(), "return-home-interview");
        assertThat(pathway.dueOf(rhi))
                .isEqualTo(
                        LocalDate.of(2026, 10, 27).atTime(11, 0).atZone(Now.UK).toInstant());
    }

    @Test
    void anInterviewHeldInTimeClosesTheEpisodeAndTheCase() {
        MissingReportAccepted accepted = reportLow(Pathway.child(14));
        Pathway.at(START.plusHours(5));
        returnNow(accepted.reference());
        Task rhi = pathway.task(accepted.caseId(), "return-home-interview");
        Pathway.at(START.plusHours(30));
        walk.fireDueClocks(accepted.reference());

        pathway.complete(rhi, "rhi-service-worker", interview(true, true, false, ""));

        MissingEpisode episode = walk.episode(accepted.reference());
        assertThat(episode.status()).isEqualTo(MissingEpisode.CLOSED);
        assertThat(episode.rhiOffered()).isTrue();
        assertThat(episode.rhiAccepted()).isTrue();
        assertThat(episode.cseConcern()).isFalse();
        assertThat(episode.rhiCompletedAt()).isEqualTo(START.plusHours(30).toInstant());
        assertThat(walk.breaches(rhi.getId())).isEmpty();
        assertThat(walk.processEnded(accepted.processInstanceId())).isTrue();
        assertThat(walk.caseStatus(accepted.caseId())).isEqualTo("CLOSED");
        assertThat(walk.summaries(accepted.caseId(), "RETURN_HOME_INTERVIEW"))
                .singleElement()
                .asString()
                .contains("offered and accepted (within the clock)");
        assertThat(walk.summaries(accepted.caseId(), "MISSING_EPISODE_CLOSED"))
                .singleElement()
                .asString()
                .contains("The case is closed");
        // the interview's text is in the case record, never in the engine's history
        assertThat(caseFile.entries(accepted.caseId(), java.util.Set.of("rhi-service")))
                .anySatisfy(e -> assertThat(e.content()).contains("stayed at a friend's flat"));
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(accepted.processInstanceId())
                        .variableNameIn("whereabouts", "pushFactors", "pullFactors", "informationForPolice")
                        .count())
                .isZero();
        assertThat(pathway.tasks(accepted.caseId(), "police-intelligence")).isEmpty();
    }

    @Test
    void theInterviewRemindsAt48HoursAndEscalatesToTheCoordinatorsManagersAt72() {
        MissingReportAccepted accepted = reportLow(Pathway.child(14));
        returnNow(accepted.reference());
        Task rhi = pathway.task(accepted.caseId(), "return-home-interview");

        Pathway.at(START.plusHours(48));
        assertThat(walk.fireDueClocks(accepted.reference())).isEqualTo(1);
        assertThat(walk.local(rhi, "reminded")).isEqualTo(true);
        assertThat(walk.local(rhi, "escalated")).isNull();
        assertThat(walk.candidateGroups(rhi)).containsExactly("rhi-service");
        assertThat(walk.breaches(rhi.getId()))
                .singleElement()
                .satisfies(b ->
                        assertThat(b).containsEntry("KIND", "REMINDER").containsEntry("ESCALATED_TO", "rhi-service"));
        assertThat(walk.summaries(accepted.caseId(), "TASK_REMINDER"))
                .singleElement()
                .asString()
                .contains("Reminder: \"Hold the return home interview\" is due");

        Pathway.at(START.plusHours(72));
        assertThat(walk.fireDueClocks(accepted.reference())).isEqualTo(1);
        assertThat(walk.local(rhi, "escalated")).isEqualTo(true);
        assertThat(walk.candidateGroups(rhi)).containsExactlyInAnyOrder("rhi-service", "missing-coordinator-managers");
        assertThat(walk.breaches(rhi.getId())).extracting(b -> b.get("KIND")).containsExactly("ESCALATION", "REMINDER");
        assertThat(walk.summaries(accepted.caseId(), "TASK_ESCALATED"))
                .singleElement()
                .asString()
                .contains("escalated to Missing Young Person's Co-ordinator managers");

        Pathway.at(START.plusHours(80));
        pathway.complete(rhi, "rhi-service-worker", interview(true, true, false, null));
        assertThat(walk.summaries(accepted.caseId(), "RETURN_HOME_INTERVIEW"))
                .singleElement()
                .asString()
                .contains("(late)");
    }

    @Test
    void aDeclinedInterviewIsRecordedAndTheEpisodeCloses() {
        MissingReportAccepted accepted = reportLow(Pathway.child(14));
        returnNow(accepted.reference());

        pathway.complete(
                accepted.caseId(), "return-home-interview", "rhi-service-worker", interview(true, false, false, null));

        MissingEpisode episode = walk.episode(accepted.reference());
        assertThat(episode.rhiOffered()).isTrue();
        assertThat(episode.rhiAccepted()).isFalse();
        assertThat(episode.status()).isEqualTo(MissingEpisode.CLOSED);
        assertThat(walk.summaries(accepted.caseId(), "RETURN_HOME_INTERVIEW"))
                .singleElement()
                .asString()
                .contains("offered and declined");
        assertThat(caseFile.referrals(accepted.caseId())).isEmpty();
    }

    @Test
    void anInterviewNotOfferedNeedsItsReasonAndCannotHaveBeenAccepted() {
        MissingReportAccepted accepted = reportLow(Pathway.child(14));
        returnNow(accepted.reference());
        Task rhi = pathway.task(accepted.caseId(), "return-home-interview");

        Map<String, Object> noReason = interview(false, false, false, null);
        noReason.put("notOfferedReason", " ");
        assertThatThrownBy(() -> pathway.complete(rhi, "rhi-service-worker", noReason))
                .hasMessageContaining("Say why the interview was not offered");
        Map<String, Object> acceptedButNotOffered = interview(false, true, false, null);
        assertThatThrownBy(() -> pathway.complete(rhi, "rhi-service-worker", acceptedButNotOffered))
                .hasMessageContaining("not offered cannot have been accepted");
        assertThat(pathway.tasks(accepted.caseId(), "return-home-interview")).hasSize(1);

        pathway.complete(rhi, "rhi-service-worker", interview(false, false, false, null));
        assertThat(walk.episode(accepted.reference()).rhiOffered()).isFalse();
        assertThat(walk.summaries(accepted.caseId(), "RETURN_HOME_INTERVIEW"))
                .singleElement()
                .asString()
                .contains("not offered");
    }

    @Test
    void informationForThePoliceGoesToAPoliceIntelligenceTask() {
        MissingReportAccepted accepted = reportLow(Pathway.child(14));
        returnNow(accepted.reference());
        pathway.complete(
                accepted.caseId(),
                "return-home-interview",
                "rhi-service-worker",
                interview(true, true, false, "Synthetic: a red car collected the child at the station"));

        Task intelligence = pathway.task(accepted.caseId(), "police-intelligence");
        assertThat(walk.candidateGroups(intelligence)).containsExactly("police");
        assertThat(walk.local(intelligence, "informationForPolice"))
                .as("the task page shows it from the case record")
                .isNull();
        assertThat(walk.informationForPolice(accepted.reference()))
                .contains("Synthetic: a red car collected the child at the station");
        assertThat(walk.episode(accepted.reference()).status()).isEqualTo(MissingEpisode.RETURNED);

        pathway.complete(
                intelligence,
                "police-worker",
                Map.of("intelligenceRecorded", true, "intelligenceNotes", "Synthetic: logged"));

        assertThat(walk.episode(accepted.reference()).status()).isEqualTo(MissingEpisode.CLOSED);
        assertThat(caseFile.entries(accepted.caseId(), java.util.Set.of("rhi-service")))
                .noneSatisfy(e -> assertThat(e.content()).contains("Synthetic: logged"));
        assertThat(caseFile.entries(accepted.caseId(), java.util.Set.of("police")))
                .anySatisfy(e -> assertThat(e.content()).contains("Synthetic: logged"));
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(accepted.processInstanceId())
                        .variableNameIn("informationForPolice", "intelligenceNotes")
                        .count())
                .isZero();
    }

    @Test
    void aCseConcernAtTheInterviewStartsACseReferralForTheSameCaseLinkedToTheEpisode() {
        MissingReportAccepted accepted = reportLow(Pathway.child(14));
        returnNow(accepted.reference());

        pathway.complete(
                accepted.caseId(), "return-home-interview", "rhi-service-worker", interview(true, true, true, null));

        assertThat(caseFile.referrals(accepted.caseId())).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(MissingEpisodes.SOURCE_MISSING_EPISODE);
            assertThat(r.referrerAgency()).isEqualTo("rhi-service");
            assertThat(r.indicators()).containsExactly("MISSING_OR_ABSENT");
            assertThat(r.concerns()).contains(accepted.reference());
            assertThat(walk.episode(accepted.reference()).referrals())
                    .singleElement()
                    .satisfies(link -> {
                        assertThat(link.referralReference()).isEqualTo(r.reference());
                        assertThat(link.reason()).isEqualTo("CSE_CONCERN");
                    });
        });
        assertThat(pathway.tasks(accepted.caseId(), "screening")).hasSize(1);
        MissingEpisode episode = walk.episode(accepted.reference());
        assertThat(episode.cseConcern()).isTrue();
        assertThat(episode.status()).isEqualTo(MissingEpisode.CLOSED);
        assertThat(walk.caseStatus(accepted.caseId()))
                .as("the referral keeps the case open")
                .isEqualTo("OPEN");
        assertThat(walk.summaries(accepted.caseId(), "CSE_REFERRAL_FROM_MISSING"))
                .singleElement()
                .asString()
                .contains("CSE concern at the return home interview of " + accepted.reference());
    }

    @Test
    void anOpenEpisodeKeepsTheCaseOpenWhenAReferralEnds() {
        ChildDetails child = Pathway.child(14);
        var referral = pathway.refer(child, List.of());
        MissingReportAccepted accepted = reportLow(child);
        assertThat(accepted.caseId()).isEqualTo(referral.caseId());

        pathway.complete(
                referral.caseId(),
                "screening",
                "mash-worker",
                Map.of(
                        "indicators",
                        org.camunda.spin.plugin.variable.SpinValues.jsonValue("[]")
                                .create(),
                        "disclosure",
                        false,
                        "learningDisability",
                        false,
                        "exploitationType",
                        "SEXUAL",
                        "screeningNotes",
                        "Synthetic"));

        assertThat(caseFile.referrals(referral.caseId()))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("CLOSED"));
        assertThat(walk.caseStatus(referral.caseId())).isEqualTo("OPEN");
    }

    // ---- the meeting's decisions start the referral pathway's own tracks (issue 15) ----

    @Test
    void aMissingChildsMeetingThatAcceptsRiseAndASection47StartsThoseTracksOnTheReferralPathway() {
        MissingReportAccepted accepted = walk.report(Pathway.child(14), hoursAgo(1), "HIGH");

        holdMeeting(accepted.caseId(), true, true, false);

        assertThat(caseFile.referrals(accepted.caseId())).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(MissingEpisodes.SOURCE_MISSING_STRATEGY_MEETING);
            assertThat(r.referrerAgency()).isEqualTo("childrens-services");
            assertThat(r.concerns()).contains(accepted.reference(), "RISE support and a section 47 enquiry");
            assertThat(walk.episode(accepted.reference()).referrals())
                    .singleElement()
                    .satisfies(link -> {
                        assertThat(link.referralReference()).isEqualTo(r.reference());
                        assertThat(link.reason()).isEqualTo(MissingEpisodesReferred.STRATEGY_MEETING);
                    });
        });
        // the same tasks as a referral's meeting starts, for the same agencies, with no screening before them
        Task allocate = pathway.task(accepted.caseId(), "allocate-support-worker");
        assertThat(walk.candidateGroups(allocate)).containsExactly("rise-managers");
        Task section47 = pathway.task(accepted.caseId(), "section-47-enquiry");
        assertThat(walk.candidateGroups(section47)).containsExactly("childrens-services");
        assertThat(pathway.openTaskKeys(accepted.caseId())).doesNotContain("screening", "police-investigation");
        assertThat(walk.summaries(accepted.caseId(), "CSE_REFERRAL_FROM_MISSING"))
                .singleElement()
                .asString()
                .contains("strategy meeting for missing episode " + accepted.reference())
                .contains("started at support and protection");
        assertThat(caseFile.find(accepted.caseId()).orElseThrow().stage()).isEqualTo("SUPPORT");
    }

    @Test
    void aMissingChildsMeetingThatDecidesAPoliceInvestigationGivesThePoliceTheirTask() {
        MissingReportAccepted accepted = walk.report(Pathway.child(15), hoursAgo(1), "HIGH");

        holdMeeting(accepted.caseId(), false, false, true);

        Task investigation = pathway.task(accepted.caseId(), "police-investigation");
        assertThat(walk.candidateGroups(investigation)).containsExactly("police");
        assertThat(pathway.openTaskKeys(accepted.caseId())).doesNotContain("allocate-support-worker");
    }

    @Test
    void aMissingChildsMeetingThatDecidesNothingStartsNoReferral() {
        MissingReportAccepted accepted = walk.report(Pathway.child(14), hoursAgo(1), "HIGH");

        holdMeeting(accepted.caseId(), false, false, false);

        assertThat(caseFile.referrals(accepted.caseId())).isEmpty();
        assertThat(pathway.openTaskKeys(accepted.caseId())).isEmpty();
    }

    @Test
    void whenACseReferralIsStillAtScreeningTheMeetingsDecisionsMoveItToSupportInsteadOfASecondReferral() {
        ChildDetails child = Pathway.child(14);
        var referral = pathway.refer(child, List.of());
        MissingReportAccepted accepted = walk.report(child, hoursAgo(1), "HIGH");
        assertThat(accepted.caseId()).isEqualTo(referral.caseId());

        holdMeeting(accepted.caseId(), true, false, false);

        assertThat(caseFile.referrals(accepted.caseId()))
                .singleElement()
                .satisfies(r -> assertThat(r.reference()).isEqualTo(referral.reference()));
        Task allocate = pathway.task(accepted.caseId(), "allocate-support-worker");
        assertThat(allocate.getProcessInstanceId())
                .as("the open referral's own pathway carries the support")
                .isEqualTo(referral.processInstanceId());
        assertThat(pathway.openTaskKeys(accepted.caseId()))
                .as("its screening gave way to the meeting's decisions")
                .doesNotContain("screening");
        assertThat(walk.summaries(accepted.caseId(), "MISSING_MEETING_APPLIED_TO_REFERRAL"))
                .singleElement()
                .asString()
                .contains("decided RISE support")
                .contains(referral.reference() + " moved to support and protection");
    }

    @Test
    void whenACseReferralIsInSupportTheMeetingsNewTracksStartBesideItsOwn() {
        ChildDetails child = Pathway.child(14);
        var referral = pathway.refer(child, List.of());
        MissingReportAccepted first = walk.report(child, hoursAgo(1), "HIGH");
        holdMeeting(first.caseId(), true, false, false); // the referral moves to support with RISE
        assertThat(pathway.tasks(first.caseId(), "police-investigation")).isEmpty();

        MissingReportAccepted second = walk.report(child, hoursAgo(1), "HIGH");
        holdMeeting(second.caseId(), true, false, true);

        Task investigation = pathway.task(first.caseId(), "police-investigation");
        assertThat(investigation.getProcessInstanceId()).isEqualTo(referral.processInstanceId());
        assertThat(walk.candidateGroups(investigation)).containsExactly("police");
        assertThat(pathway.tasks(first.caseId(), "allocate-support-worker"))
                .as("RISE support runs already: not started twice")
                .hasSize(1);
        assertThat(walk.summaries(first.caseId(), "MISSING_MEETING_APPLIED_TO_REFERRAL"))
                .anySatisfy(line -> assertThat(line)
                        .contains(second.reference())
                        .contains("the tracks it did not have yet started in CSE referral " + referral.reference()));
        assertThat(caseFile.referrals(first.caseId())).hasSize(1);
    }
}
