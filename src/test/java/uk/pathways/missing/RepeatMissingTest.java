package uk.pathways.missing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.casefile.ReferralRecord;
import uk.pathways.support.Pathway;

/** Repeat missing (contract section 4): the third episode of one child within 90 days starts a cse-referral. */
@PathwaysTest
class RepeatMissingTest {

    static final ZonedDateTime DAY_0 = LocalDate.of(2026, 2, 2).atTime(21, 0).atZone(Now.UK);

    @Autowired
    MissingWalk walk;

    @Autowired
    Pathway pathway;

    @Autowired
    CaseFile caseFile;

    ChildDetails child;

    java.util.Set<String> running;

    @BeforeEach
    void aChild() {
        running = walk.running();
        Pathway.at(DAY_0);
        child = Pathway.child(15);
    }

    @AfterEach
    void resetClock() {
        walk.deleteStartedSince(running);
        ClockUtil.reset();
    }

    /** The child is last seen {@code day} days after day 0, reported an hour later, and found two hours after that. */
    private MissingReportAccepted missingOn(int day) {
        ZonedDateTime lastSeen = DAY_0.plusDays(day);
        Pathway.at(lastSeen.plusHours(1));
        MissingReportAccepted accepted = walk.report(child, lastSeen.toInstant(), "MEDIUM");
        Pathway.at(lastSeen.plusHours(3));
        walk.episodes().returned(accepted.reference(), Now.instant());
        return accepted;
    }

    @Test
    void theThirdEpisodeInside90DaysStartsACseReferralLinkedToEachEpisode() {
        MissingReportAccepted first = missingOn(0);
        MissingReportAccepted second = missingOn(40);
        assertThat(caseFile.referrals(first.caseId())).isEmpty();

        MissingReportAccepted third = missingOn(90);

        List<ReferralRecord> referrals = caseFile.referrals(first.caseId());
        assertThat(referrals).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(MissingEpisodes.SOURCE_MISSING_EPISODE);
            assertThat(r.referrerAgency()).isEqualTo("missing-coordinator");
            assertThat(r.indicators()).containsExactly("MISSING_REPEATEDLY");
            assertThat(r.concerns()).contains(first.reference(), second.reference(), third.reference());
        });
        String referral = referrals.get(0).reference();
        for (MissingReportAccepted episode : List.of(first, second, third)) {
            assertThat(walk.episode(episode.reference()).referrals())
                    .singleElement()
                    .satisfies(link -> {
                        assertThat(link.referralReference()).isEqualTo(referral);
                        assertThat(link.reason()).isEqualTo("REPEAT_MISSING");
                    });
        }
        assertThat(pathway.tasks(first.caseId(), "screening")).hasSize(1);
        assertThat(walk.summaries(first.caseId(), "CSE_REFERRAL_FROM_MISSING"))
                .singleElement()
                .asString()
                .contains("Repeat missing (" + first.reference() + ", " + second.reference() + ", " + third.reference()
                        + "): CSE referral " + referral + " started");
    }

    @Test
    void noReferralWhenTheFirstEpisodeIsOnDay91BeforeTheThird() {
        MissingReportAccepted first = missingOn(0);
        missingOn(50);
        missingOn(91);

        assertThat(caseFile.referrals(first.caseId())).isEmpty();
        assertThat(walk.chronologyTypes(first.caseId()))
                .doesNotContain("CSE_REFERRAL_FROM_MISSING", "REPEAT_MISSING_FOR_REVIEW");

        // the window slides: days 50, 91 and 92 are three inside 90 days
        MissingReportAccepted fourth = missingOn(92);
        assertThat(caseFile.referrals(first.caseId())).hasSize(1);
        assertThat(walk.episode(first.reference()).referrals()).isEmpty();
        assertThat(walk.episode(fourth.reference()).referrals()).hasSize(1);
    }

    @Test
    void anOpenCseReferralIsToldAtItsNextReviewInsteadOfASecondReferral() {
        var open = pathway.refer(child, List.of("MISSING_OR_ABSENT"));
        missingOn(1);
        missingOn(2);
        MissingReportAccepted third = missingOn(3);

        assertThat(third.caseId()).isEqualTo(open.caseId());
        assertThat(caseFile.referrals(open.caseId()))
                .extracting(ReferralRecord::reference)
                .containsExactly(open.reference());
        assertThat(walk.episode(third.reference()).referrals()).isEmpty();
        assertThat(walk.summaries(open.caseId(), "REPEAT_MISSING_FOR_REVIEW"))
                .singleElement()
                .asString()
                .contains(
                        "3 episodes in 90 days",
                        "CSE referral " + open.reference() + " is already open",
                        "its next review is told instead of a new referral");
    }

    @Test
    void episodesOfOtherChildrenDoNotCount() {
        MissingReportAccepted first = missingOn(0);
        missingOn(10);
        Pathway.at(DAY_0.plusDays(20));
        walk.report(Pathway.child(15), Now.instant().minus(Duration.ofHours(1)), "LOW");

        assertThat(caseFile.referrals(first.caseId())).isEmpty();
    }
}
