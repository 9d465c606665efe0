package uk.pathways.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The problem profile's map: points inside the county's box, tiles only when configured. */
class ProfileMapTest {

    private static final List<Double> BOX = List.of(51.97, -1.35, 52.65, -0.33);

    private static ProblemProfile.Location at(String lat, String lon) {
        return new ProblemProfile.Location(
                "Synthetic hotel", "HOTEL", "Corby", new BigDecimal(lat), new BigDecimal(lon), "2", "SUB-000001");
    }

    @Test
    void withoutTilesThePointsAreDrawnAndNothingIsFetched() {
        ProfileMap.View view = new ProfileMap("", "", BOX)
                .draw(List.of(
                        at("52.65", "-1.35"),
                        at("51.97", "-0.33"),
                        at("53.50", "-0.50"),
                        new ProblemProfile.Location("Unplaced", "PARK", null, null, null, "1", "SUB-000002")));

        assertThat(view.tiles()).isEmpty();
        assertThat(view.attribution()).isEmpty();
        assertThat(view.outside()).isEqualTo(1);
        assertThat(view.dots()).hasSize(2);
        // the north-west corner is the top left, the south-east corner the bottom right
        assertThat(view.dots().get(0).x()).isZero();
        assertThat(view.dots().get(0).y()).isZero();
        assertThat(view.dots().get(1).x()).isEqualTo(ProfileMap.WIDTH);
        assertThat(view.dots().get(1).y()).isEqualTo(view.height(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(view.dots().get(1).number())
                .as("numbered as its row in the table")
                .isEqualTo(2);
        assertThat(view.height()).isBetween(450, 700);
    }

    @Test
    void configuredTilesCoverTheBox() {
        ProfileMap.View view = new ProfileMap("https://tiles.example/{z}/{x}/{y}.png", "Tiles: Example", BOX)
                .draw(List.of(at("52.30", "-0.80")));

        assertThat(view.tiles()).isNotEmpty();
        assertThat(view.tiles()).allMatch(t -> t.href().startsWith("https://tiles.example/10/"));
        assertThat(view.tiles()).anyMatch(t -> t.x() <= 0 && t.y() <= 0);
        assertThat(view.tiles())
                .anyMatch(t -> t.x() + t.size() >= ProfileMap.WIDTH && t.y() + t.size() >= view.height());
        assertThat(view.attribution()).isEqualTo("Tiles: Example");
    }
}
