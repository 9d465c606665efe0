package uk.pathways.casefile.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.pathways.casefile.CaseView;
import uk.pathways.web.Display;
import uk.pathways.web.FormWording;

/** The outcome wheel's trend and what outreach covered, read across a child's entries. */
class SupportSummaryTest {

    private final FormWording wording = mock(FormWording.class);
    private final Display display = mock(Display.class);

    private static CaseView.RecordEntry entry(String kind, String at, Map<String, Object> fields) {
        return new CaseView.RecordEntry(
                at,
                kind,
                "rise",
                "rise-worker",
                Instant.parse(at),
                null,
                null,
                List.of("rise"),
                fields,
                null,
                null,
                null);
    }

    @Test
    void theWheelShowsEachAreaOverTimeWithItsChangeAndOutreachAccumulates() {
        when(wording.label(anyString(), anyString())).thenAnswer(i -> i.getArgument(1));
        when(wording.value(anyString(), anyString(), any())).thenAnswer(i -> String.valueOf((Object) i.getArgument(2)));
        when(display.date(any(java.util.Date.class)))
                .thenAnswer(i -> ((java.util.Date) i.getArgument(0))
                        .toInstant()
                        .toString()
                        .substring(0, 10));
        List<CaseView.RecordEntry> record = List.of( // newest first, as the record comes
                entry(
                        "outreach-contact",
                        "2026-11-20T10:00:00Z",
                        Map.of(
                                "topicsCovered",
                                List.of("ONLINE_SAFETY", "CONSENT_SEX_AND_THE_LAW"),
                                "onwardReferrals",
                                List.of("CAMHS"))),
                entry(
                        "outcome-wheel",
                        "2026-11-15T10:00:00Z",
                        Map.of("wheelSafety", 7, "wheelRelationships", 4, "wheelHealth", 5)),
                entry(
                        "outreach-contact",
                        "2026-10-20T10:00:00Z",
                        Map.of("topicsCovered", List.of("ONLINE_SAFETY"), "onwardReferrals", List.of())),
                entry(
                        "outcome-wheel",
                        "2026-10-01T10:00:00Z",
                        Map.of("wheelSafety", 3, "wheelRelationships", 6, "wheelHealth", 5)));

        SupportSummary summary = SupportSummary.of(record, wording, display);

        assertThat(summary.wheelDates()).containsExactly("2026-10-01", "2026-11-15");
        assertThat(summary.areas())
                .extracting(SupportSummary.Area::label)
                .startsWith("wheelSafety", "wheelRelationships", "wheelHealth");
        assertThat(summary.areas().get(0)).isEqualTo(new SupportSummary.Area("wheelSafety", List.of("3", "7"), "Up 4"));
        assertThat(summary.areas().get(1).change()).isEqualTo("Down 2");
        assertThat(summary.areas().get(2).change()).isEqualTo("No change");
        assertThat(summary.areas().get(3)).isEqualTo(new SupportSummary.Area("wheelEmotional", List.of("", ""), ""));
        assertThat(summary.topics())
                .containsExactly(
                        new SupportSummary.Covered("ONLINE_SAFETY", 2),
                        new SupportSummary.Covered("CONSENT_SEX_AND_THE_LAW", 1));
        assertThat(summary.referrals()).containsExactly(new SupportSummary.Covered("CAMHS", 1));
    }

    @Test
    void theChartDrawsEachAreaAndTheTextSaysTheSameThePlanHasVersionsAndTheLastContactIsItsRealTime() {
        when(wording.label(anyString(), anyString())).thenAnswer(i -> i.getArgument(1));
        when(display.date(any(java.util.Date.class)))
                .thenAnswer(i -> ((java.util.Date) i.getArgument(0))
                        .toInstant()
                        .toString()
                        .substring(0, 10));
        when(display.date(any(java.time.LocalDate.class))).thenAnswer(i -> "day " + i.getArgument(0));
        CaseView.RecordEntry firstPlan = new CaseView.RecordEntry(
                "11",
                "safety-plan",
                "rise",
                "rise-worker",
                Instant.parse("2026-10-02T10:00:00Z"),
                null,
                null,
                List.of("rise"),
                Map.of("reviewDate", "2026-11-13"),
                null,
                "12",
                null);
        CaseView.RecordEntry revised = new CaseView.RecordEntry(
                "12",
                "safety-plan",
                "rise",
                "rise-worker",
                Instant.parse("2026-11-13T10:00:00Z"),
                null,
                null,
                List.of("rise"),
                Map.of("reviewDate", "2027-01-08"),
                "11",
                null,
                null);
        List<CaseView.RecordEntry> record = List.of(
                revised,
                entry(
                        "outreach-contact",
                        "2026-11-20T10:00:00Z", // typed on the 20th: the contact was on the 18th
                        Map.of("contactOutcome", "SUCCESSFUL", "contactAt", "2026-11-18T16:00:00Z")),
                entry(
                        "outreach-contact",
                        "2026-11-21T10:00:00Z",
                        Map.of("contactOutcome", "NOT_FOUND", "contactAt", "2026-11-21T09:00:00Z")),
                entry("outcome-wheel", "2026-11-15T10:00:00Z", Map.of("wheelSafety", 7, "wheelRelationships", 4)),
                entry("outcome-wheel", "2026-10-01T10:00:00Z", Map.of("wheelSafety", 3, "wheelRelationships", 6)),
                firstPlan);

        SupportSummary summary = SupportSummary.of(record, wording, display);

        SupportSummary.Chart chart = summary.chart();
        assertThat(chart.lines())
                .extracting(SupportSummary.Line::label)
                .containsExactly("wheelSafety", "wheelRelationships");
        SupportSummary.Line safety = chart.lines().get(0);
        assertThat(safety.marks()).extracting(SupportSummary.Point::score).containsExactly(3, 7);
        assertThat(safety.marks().get(1).y())
                .as("a higher score is drawn higher")
                .isLessThan(safety.marks().get(0).y());
        assertThat(safety.marks().get(1).x())
                .isGreaterThan(safety.marks().get(0).x());
        assertThat(safety.points())
                .isEqualTo(
                        safety.marks().get(0).x() + "," + safety.marks().get(0).y() + " "
                                + safety.marks().get(1).x() + ","
                                + safety.marks().get(1).y());
        assertThat(chart.lines().get(0).colour())
                .isNotEqualTo(chart.lines().get(1).colour());
        assertThat(chart.lines().get(0).dash())
                .isNotEqualTo(chart.lines().get(1).dash());
        assertThat(chart.description())
                .isEqualTo("Outcome wheel scores from 1 (worst) to 10 (best) at 2 wheels, 2026-10-01 to 2026-11-15:"
                        + " wheelSafety 3, then 7; wheelRelationships 6, then 4.");
        assertThat(summary.plans())
                .containsExactly(
                        new SupportSummary.PlanVersion(
                                1, "11", Instant.parse("2026-10-02T10:00:00Z"), "day 2026-11-13", false),
                        new SupportSummary.PlanVersion(
                                2, "12", Instant.parse("2026-11-13T10:00:00Z"), "day 2027-01-08", true));
        assertThat(summary.lastSuccessfulContact()).isEqualTo(Instant.parse("2026-11-18T16:00:00Z"));
    }

    @Test
    void noSupportRecordedShowsNothing() {
        assertThat(SupportSummary.of(List.of(entry("screening", "2026-10-01T10:00:00Z", Map.of())), wording, display)
                        .any())
                .isFalse();
    }
}
