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
    void noSupportRecordedShowsNothing() {
        assertThat(SupportSummary.of(List.of(entry("screening", "2026-10-01T10:00:00Z", Map.of())), wording, display)
                        .any())
                .isFalse();
    }
}
