package uk.pathways.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small-number suppression for the board, exact figures for managers. */
class FiguresTest {

    @Test
    void countsFromOneToFourAreFewerThanFiveForTheBoardOnly() {
        Figures board = Figures.suppressed();
        assertThat(board.count(0)).isEqualTo(0L);
        assertThat(board.count(1)).isEqualTo("fewer than 5");
        assertThat(board.count(4)).isEqualTo("fewer than 5");
        assertThat(board.count(5)).isEqualTo(5L);
        assertThat(Figures.exact().count(3)).isEqualTo(3L);
    }

    @Test
    void aLoneSmallCellTakesTheNextSmallestWithItSoATotalCannotGiveItAway() {
        Map<String, Long> cells = new LinkedHashMap<>();
        cells.put("Corby", 12L);
        cells.put("Kettering", 7L);
        cells.put("Daventry", 2L);
        cells.put("Wellingborough", 0L);

        assertThat(Figures.suppressed().breakdown(cells))
                .containsEntry("Corby", 12L)
                .containsEntry("Kettering", "suppressed")
                .containsEntry("Daventry", "fewer than 5")
                .containsEntry("Wellingborough", 0L);
        assertThat(Figures.exact().breakdown(cells))
                .containsEntry("Kettering", 7L)
                .containsEntry("Daventry", 2L);
    }

    @Test
    void aRateWithASmallCellHidesThePercentageAndItsOtherCell() {
        assertThat(Figures.suppressed().rate(96, 100, 0))
                .containsEntry("percent", "suppressed")
                .containsEntry("met", "suppressed")
                .containsEntry("notMet", "fewer than 5")
                .containsEntry("total", 100L);
        assertThat(Figures.suppressed().rate(80, 100, 3))
                .containsEntry("percent", 80.0)
                .containsEntry("pending", "fewer than 5");
        assertThat(Figures.exact().rate(96, 100, 0))
                .containsEntry("percent", 96.0)
                .containsEntry("notMet", 4L);
        assertThat(Figures.exact().rate(0, 0, 2)).doesNotContainKey("percent");
    }

    @Test
    void csvCellsAreQuotedAndNeverRunAsFormulas() {
        assertThat(QuarterlyReport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(QuarterlyReport.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(QuarterlyReport.cell("-3.5")).isEqualTo("-3.5");
    }
}
