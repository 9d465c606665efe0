package uk.pathways.missing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statutory-return CSV: one line an episode, spreadsheet-safe. */
class StatutoryReturnTest {

    private static MissingEpisode episode(
            String placingAuthority, Instant returnedAt, Boolean offered, Boolean accepted) {
        return new MissingEpisode(
                "MIS-2026-000001",
                "CASE-2026-000001",
                Instant.parse("2026-06-01T20:00:00Z"),
                "API",
                "police-worker",
                "police",
                Instant.parse("2026-06-01T18:30:00Z"),
                "NP-1",
                "LOW",
                "AWAY_FROM_PLACEMENT",
                placingAuthority,
                true,
                "RETURNED",
                returnedAt,
                null,
                null,
                null,
                offered,
                accepted,
                null,
                "pi",
                null,
                List.of());
    }

    @Test
    void timesAreUkLocalWithTheirOffsetAndUnknownsAreEmpty() {
        String csv = StatutoryReturn.csv(List.of(episode("Leicestershire", null, null, null)));

        assertThat(csv.split("\r\n"))
                .containsExactly(
                        StatutoryReturn.HEADER,
                        "MIS-2026-000001,CASE-2026-000001,2026-06-01T19:30:00+01:00,,AWAY_FROM_PLACEMENT,LOW,Leicestershire,true,,,,RETURNED");
    }

    @Test
    void textIsQuotedAndNeverReadAsAFormula() {
        String csv = StatutoryReturn.csv(
                List.of(episode("=HYPERLINK(\"x\")", Instant.parse("2026-06-02T08:00:00Z"), true, false)));

        assertThat(csv).contains(",\"'=HYPERLINK(\"\"x\"\")\",");
        assertThat(csv).contains(",2026-06-02T09:00:00+01:00,");
        assertThat(csv).contains(",true,false,");
        assertThat(StatutoryReturn.cell("Leicestershire, Children's Services"))
                .isEqualTo("\"Leicestershire, Children's Services\"");
        assertThat(StatutoryReturn.cell("-1")).isEqualTo("\"'-1\"");
    }
}
