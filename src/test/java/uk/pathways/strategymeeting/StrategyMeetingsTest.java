package uk.pathways.strategymeeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * The meetings' part of the case record on H2: a meeting scheduled before this release (no row of its schedule) still
 * records its outcome and actions; an action's state reads open, overdue once its date has passed, done once done.
 */
@PathwaysTest
class StrategyMeetingsTest {

    @Autowired
    StrategyMeetings meetings;

    @Autowired
    Pathway pathway;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aMeetingScheduledBeforeInvitationsWereRecordedKeepsItsOutcomeAndActionsWithTheirState() {
        ReferralAccepted referral = pathway.refer(14, List.of());
        String meetingId = "meeting-of-an-earlier-release-" + System.nanoTime();
        Instant startsAt = Now.instant().minus(Duration.ofHours(1));
        meetings.held(
                meetingId,
                referral.caseId(),
                referral.reference(),
                startsAt,
                List.of("police", "health"),
                List.of("police"),
                List.of("health"),
                Set.of(),
                Now.instant());
        Instant due = Now.instant().plus(Duration.ofDays(3));
        String id = meetings.agree(
                meetingId, referral.caseId(), referral.reference(), 1, "police", "Visit the address (synthetic)", due);

        StrategyMeetings.Meeting meeting = meetings.ofCase(referral.caseId()).get(0);
        assertThat(meeting.invitedAgencies()).containsExactly("police", "health");
        assertThat(meeting.attendedAgencies()).containsExactly("police");
        assertThat(meeting.apologies()).containsExactly("health");
        assertThat(meeting.actions()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(StrategyMeetings.OPEN);
            assertThat(a.owner()).isEqualTo("Police");
        });

        ClockUtil.setCurrentTime(java.util.Date.from(due.plus(Duration.ofMinutes(1))));
        assertThat(meetings.action(id).orElseThrow().state()).isEqualTo(StrategyMeetings.OVERDUE);
        meetings.done(id, "police-worker", Now.instant());
        assertThat(meetings.action(id).orElseThrow().state()).isEqualTo(StrategyMeetings.DONE);
    }
}
