package uk.pathways.dashboard;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.missing.EpisodeTypes;
import uk.pathways.missing.MissingEpisodes;
import uk.pathways.missing.MissingReportAccepted;
import uk.pathways.missing.NewMissingReport;
import uk.pathways.referral.NewReferral;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.referral.Referrals;
import uk.pathways.support.Pathway;

/**
 * A small hand-built history in a district of its own (so other tests' cases never count), walked through the
 * real pathways at set times in spring 2027 (Good Friday 26 March and Easter Monday 29 March are bank holidays).
 *
 * <ul>
 * <li>A: referred by education Thu 25 Mar 10:00, screened Tue 30 Mar 09:00 (in time: the next working day after
 *     Easter), no indicators: NONE, universal, closed.</li>
 * <li>B: referred by education Thu 25 Mar 10:00, screening clock breached and escalated to mash-managers, screened
 *     Tue 30 Mar 11:00 (late) with a disclosure: HIGH, urgent meeting due Wed 31 Mar 11:00, held Wed 31 Mar 10:00
 *     (in time): RISE and a police investigation. Outcome wheels 18 then 30; police update with two disruption
 *     activities; outreach contact never recorded, so overdue on 28 April.</li>
 * <li>C: referred by police Mon 5 Apr 10:00, screened 14:00 (in time), score 11: MEDIUM, standard meeting due
 *     Thu 8 Apr 14:00, held Fri 9 Apr 10:00 (late): no further action, agreed by a manager at 15:00, closed.</li>
 * <li>D: referred by health Wed 28 Apr 10:00, not yet screened at "now", Wed 28 Apr 12:00 (pending).</li>
 * </ul>
 * In a second district of its own, missing children through the real missing-episode pathway:
 * <ul>
 * <li>E: missing Mon 5 Apr 01:00, returned 09:00, return home interview Thu 8 Apr 08:00 (71 hours: in time).</li>
 * <li>F: missing Sat 10 Apr 01:00, returned 09:00, return home interview Tue 13 Apr 10:00 (73 hours: late).</li>
 * <li>G: missing 20 Jan, 20 Feb and 20 Apr (still missing): the third episode within 90 days is in the period.</li>
 * </ul>
 */
@Component
class History {

    static final LocalDate FROM = LocalDate.of(2027, 3, 1);
    static final LocalDate TO = LocalDate.of(2027, 4, 30);
    static final String DISTRICT =
            "Testdistrict" + Integer.toString(new java.security.SecureRandom().nextInt(1 << 30), 36);
    static final String MISSING_DISTRICT =
            "Testmissing" + Integer.toString(new java.security.SecureRandom().nextInt(1 << 30), 36);
    private static final java.util.concurrent.atomic.AtomicInteger POLICE_REFERENCES =
            new java.util.concurrent.atomic.AtomicInteger();

    private final Pathway pathway;
    private final Referrals referrals;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final MissingEpisodes missingEpisodes;
    String caseA, caseB, caseC, caseD, caseE, caseF, caseG;

    History(
            Pathway pathway,
            Referrals referrals,
            ManagementService managementService,
            RuntimeService runtimeService,
            MissingEpisodes missingEpisodes) {
        this.missingEpisodes = missingEpisodes;
        this.pathway = pathway;
        this.referrals = referrals;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
    }

    synchronized void build() {
        if (caseA != null) {
            return;
        }
        at(2027, 3, 25, 10, 0);
        ReferralAccepted a = refer("education");
        ReferralAccepted b = refer("education");
        caseA = a.caseId();
        caseB = b.caseId();
        at(2027, 3, 30, 9, 0);
        screen(caseA, List.of(), false);
        at(2027, 3, 30, 10, 30);
        fireDueClocksOf(b.processInstanceId());
        at(2027, 3, 30, 11, 0);
        screen(caseB, List.of(), true);
        at(2027, 3, 30, 11, 30);
        schedule(caseB, 2027, 3, 31, 9, 30);
        at(2027, 3, 31, 10, 0);
        hold(caseB, true, false, true);
        at(2027, 3, 31, 12, 0);
        pathway.complete(caseB, "allocate-support-worker", "rise-manager", Map.of("supportWorker", "rise-worker"));
        at(2027, 4, 1, 10, 0);
        pathway.complete(
                caseB,
                "safety-plan",
                "rise-worker",
                Map.of(
                        "safetyPlanRisks",
                        "Synthetic risks",
                        "safetyPlanActions",
                        "Synthetic actions",
                        "safetyPlanContacts",
                        "Synthetic contacts",
                        "reviewDate",
                        "2027-05-13"));
        at(2027, 4, 1, 11, 0);
        pathway.complete(caseB, "outcome-wheel", "rise-worker", wheel(3));
        at(2027, 4, 1, 12, 0);
        pathway.complete(
                caseB,
                "police-investigation",
                "police-worker",
                Map.of(
                        "investigationUpdate",
                        "Synthetic update",
                        "disruptionActivities",
                        List.of("ARREST", "SEARCH_WARRANT"),
                        "investigationConcluded",
                        false));

        at(2027, 4, 5, 10, 0);
        ReferralAccepted c = refer("police");
        caseC = c.caseId();
        at(2027, 4, 5, 14, 0);
        // OLDER_PARTNER 4 + CONTROLLED_BY_OTHERS 4 + UNEXPLAINED_GIFTS 3 = 11: MEDIUM, standard meeting
        screen(caseC, List.of("OLDER_PARTNER", "CONTROLLED_BY_OTHERS", "UNEXPLAINED_GIFTS"), false);
        at(2027, 4, 5, 15, 0);
        schedule(caseC, 2027, 4, 9, 9, 0);
        at(2027, 4, 9, 10, 0);
        hold(caseC, false, false, false);
        at(2027, 4, 9, 15, 0);
        pathway.complete(
                caseC,
                "approve-case-closure",
                "childrens-services-manager",
                Map.of("caseClosureApproved", true, "closureComment", "Synthetic: agreed, no further action"));

        at(2027, 4, 20, 10, 0);
        pathway.complete(caseB, "outcome-wheel", "rise-worker", wheel(5));

        at(2027, 4, 28, 10, 0);
        caseD = refer("health").caseId();

        caseE = missingAndBack(missingChild(), 2027, 4, 5).caseId();
        at(2027, 4, 8, 8, 0);
        pathway.complete(caseE, "return-home-interview", "rhi-service-worker", interview());
        caseF = missingAndBack(missingChild(), 2027, 4, 10).caseId();
        at(2027, 4, 13, 10, 0);
        pathway.complete(caseF, "return-home-interview", "rhi-service-worker", interview());
        ChildDetails g = missingChild();
        caseG = missingAndBack(g, 2027, 1, 20).caseId();
        missingAndBack(g, 2027, 2, 20);
        at(2027, 4, 20, 1, 30);
        report(g, 2027, 4, 20);
        at(2027, 4, 28, 12, 0);
    }

    private static ChildDetails missingChild() {
        ChildDetails template = Pathway.child(14);
        return new ChildDetails(
                template.firstName(),
                template.lastName(),
                template.dateOfBirth(),
                "MALE",
                "NOT_STATED",
                MISSING_DISTRICT,
                false,
                null);
    }

    /** Missing at 01:00 on the day, reported at 01:30, back at 09:00 (recorded at 09:30). */
    private MissingReportAccepted missingAndBack(ChildDetails child, int y, int m, int d) {
        at(y, m, d, 1, 30);
        MissingReportAccepted accepted = report(child, y, m, d);
        at(y, m, d, 9, 30);
        missingEpisodes.returned(
                accepted.reference(),
                LocalDate.of(y, m, d).atTime(9, 0).atZone(Now.UK).toInstant());
        return accepted;
    }

    private MissingReportAccepted report(ChildDetails child, int y, int m, int d) {
        return missingEpisodes.report(
                new NewMissingReport(
                        child,
                        null,
                        LocalDate.of(y, m, d).atTime(1, 0).atZone(Now.UK).toInstant(),
                        "NP-DASH-" + POLICE_REFERENCES.incrementAndGet(),
                        "LOW",
                        EpisodeTypes.MISSING_FROM_HOME,
                        null,
                        false,
                        null),
                new Actor("police-worker", "police"),
                MissingEpisodes.SOURCE_API);
    }

    private static Map<String, Object> interview() {
        Map<String, Object> form = new java.util.HashMap<>();
        form.put("rhiOffered", true);
        form.put("rhiAccepted", true);
        form.put("cseConcern", false);
        form.put("whereabouts", "Synthetic: stayed at a friend's flat");
        form.put("pushFactors", "Synthetic: argument at home");
        form.put("pullFactors", "Synthetic: older friends");
        form.put("informationForPolice", "");
        return form;
    }

    /** The test's "now": Wed 28 April 2027 at noon. */
    void now() {
        at(2027, 4, 28, 12, 0);
    }

    private ReferralAccepted refer(String agency) {
        ChildDetails template = Pathway.child(15);
        ChildDetails child = new ChildDetails(
                template.firstName(),
                template.lastName(),
                template.dateOfBirth(),
                "FEMALE",
                "NOT_STATED",
                DISTRICT,
                false,
                null);
        return referrals.receive(
                new NewReferral(
                        child,
                        agency,
                        "Sam Example",
                        "sam.example@" + agency + ".example",
                        "Synthetic concern for a dashboard test",
                        List.of()),
                new Actor(agency + "-worker", agency),
                Referrals.SOURCE_API);
    }

    private void screen(String caseId, List<String> indicators, boolean disclosure) {
        pathway.complete(
                caseId,
                "screening",
                "mash-worker",
                Map.of(
                        "indicators",
                        indicators,
                        "disclosure",
                        disclosure,
                        "learningDisability",
                        false,
                        "exploitationType",
                        "SEXUAL",
                        "screeningNotes",
                        "Synthetic screening notes"));
    }

    private void schedule(String caseId, int y, int m, int d, int h, int min) {
        pathway.complete(
                caseId,
                "schedule-strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "meetingAt",
                        LocalDate.of(y, m, d)
                                .atTime(h, min)
                                .atZone(Now.UK)
                                .toOffsetDateTime()
                                .toString(),
                        "meetingPlace",
                        "Room 4, synthetic office"));
    }

    private void hold(String caseId, boolean rise, boolean section47, boolean police) {
        pathway.complete(
                caseId,
                "strategy-meeting",
                "childrens-services-worker",
                Map.of(
                        "riseAccepted",
                        rise,
                        "section47",
                        section47,
                        "policeInvestigation",
                        police,
                        "meetingMinutes",
                        "Synthetic minutes"));
    }

    private static Map<String, Object> wheel(int score) {
        return Map.of(
                "wheelSafety",
                score,
                "wheelRelationships",
                score,
                "wheelHealth",
                score,
                "wheelEmotional",
                score,
                "wheelEducation",
                score,
                "wheelChoices",
                score,
                "wheelNotes",
                "Synthetic notes");
    }

    /** Runs the due timers of one pathway only (and of the strategy meeting it called), not other tests'. */
    private void fireDueClocksOf(String processInstanceId) {
        List<String> instances = new java.util.ArrayList<>(List.of(processInstanceId));
        runtimeService
                .createProcessInstanceQuery()
                .superProcessInstanceId(processInstanceId)
                .list()
                .forEach(p -> instances.add(p.getId()));
        for (String id : instances) {
            for (Job job : managementService
                    .createJobQuery()
                    .processInstanceId(id)
                    .timers()
                    .duedateLowerThen(new Date(Now.instant().toEpochMilli() + 1))
                    .list()) {
                managementService.executeJob(job.getId());
            }
        }
    }

    private static void at(int y, int m, int d, int h, int min) {
        Pathway.at(LocalDate.of(y, m, d), h, min);
    }
}
