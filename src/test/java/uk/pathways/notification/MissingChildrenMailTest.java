package uk.pathways.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;
import uk.pathways.missing.EpisodeTypes;
import uk.pathways.missing.MissingReportAccepted;
import uk.pathways.missing.MissingWalk;
import uk.pathways.missing.NewMissingReport;
import uk.pathways.support.Pathway;

/** Missing children: children's services and the placing authority are told at once, and nobody's name is in it. */
@PathwaysTest
class MissingChildrenMailTest {

    @Autowired
    MissingWalk walk;

    @Autowired
    JdbcTemplate jdbc;

    private List<String> recipients(String reference, String eventType) {
        return jdbc.queryForList(
                "select recipient from pw_notification where reference = ? and event_type = ? order by recipient",
                String.class,
                reference,
                eventType);
    }

    @Test
    void childrensServicesAndThePlacingAuthorityAreToldAtOnce() {
        Instant lastSeen = Now.instant().minus(Duration.ofHours(1));
        var child = Pathway.child(14);
        MissingReportAccepted report = walk.report(new NewMissingReport(
                child,
                null,
                lastSeen,
                "PR-SYN-" + System.nanoTime() % 100000,
                "MEDIUM",
                EpisodeTypes.MISSING_FROM_CARE,
                "Leicestershire",
                true,
                null));

        assertThat(recipients(report.reference(), "MISSING_REPORTED")).contains("childrens-services@pathways.invalid");
        assertThat(recipients(report.reference(), "PLACING_AUTHORITY_TOLD"))
                .as("no address configured for this authority: the co-ordinator passes it on")
                .containsExactly("missing-coordinator@pathways.invalid");
        assertThat(jdbc.queryForList(
                        "select model from pw_notification where reference = ?", String.class, report.reference()))
                .isNotEmpty()
                .noneMatch(model -> model.contains(child.lastName()) || model.contains(child.firstName()));
    }
}
