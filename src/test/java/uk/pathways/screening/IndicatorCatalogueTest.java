package uk.pathways.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** The real indicator catalogue and the screening score it gives. */
class IndicatorCatalogueTest {

    private final IndicatorCatalogue catalogue = TestCatalogue.real();

    @Test
    void loadsEveryIndicatorOfTheShippedFile() {
        assertThat(catalogue.all()).hasSize(25);
        assertThat(catalogue.all())
                .extracting(Indicator::code)
                .doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[A-Z][A-Z_]*[A-Z]"));
        assertThat(catalogue.all())
                .allSatisfy(i -> assertThat(i.wording())
                        .as(i.code())
                        .isNotBlank()
                        .doesNotStartWith("\"")
                        .doesNotEndWith("\""));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"screening", "strategy-review"})
    void theFormsOfferEveryIndicatorInTheCataloguesWords(String form) throws IOException {
        // the case page and the record read indicators back in the form's words: they must be the catalogue's
        com.fasterxml.jackson.databind.JsonNode components = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(getClass().getResourceAsStream("/forms/" + form + ".form"))
                .path("components");
        Map<String, String> offered = new LinkedHashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode c : components) {
            if ("indicators".equals(c.path("key").asText())) {
                c.path("values")
                        .forEach(v -> offered.put(
                                v.path("value").asText(), v.path("label").asText()));
            }
        }
        Map<String, String> catalogued = new LinkedHashMap<>();
        catalogue.all().forEach(i -> catalogued.put(i.code(), i.wording()));
        assertThat(offered).as(form + ".form's indicators").isEqualTo(catalogued);
    }

    @Test
    void readsQuotedWordingWithCommasWhole() {
        assertThat(catalogue.find("UNEXPLAINED_GIFTS"))
                .hasValue(new Indicator(
                        "UNEXPLAINED_GIFTS", 3, "Has unexplained money, phones, clothes, drugs or other gifts"));
        assertThat(catalogue.find("CONTROLLED_BY_OTHERS").orElseThrow().wording())
                .isEqualTo("Controlled by others: phone checked, told where to go, afraid of someone");
    }

    @Test
    void theScoreIsTheSumOfTheWeightsRecorded() {
        // 4 + 3 + 1
        assertThat(catalogue.score(List.of("MISSING_REPEATEDLY", "UNEXPLAINED_GIFTS", "FAMILY_BREAKDOWN")))
                .isEqualTo(8);
        assertThat(catalogue.score(List.of("OLDER_PARTNER"))).isEqualTo(4);
        assertThat(catalogue.score(List.of())).isZero();
    }

    @Test
    void everyIndicatorTogetherScoresTheSumOfAllWeights() {
        List<String> all = catalogue.all().stream().map(Indicator::code).toList();

        assertThat(catalogue.score(all)).isEqualTo(47);
    }

    @Test
    void theCriminalExploitationIndicatorsAreRecordedButWeighNothing() {
        // ADR 0017: the cse-threshold's bands are for sexual exploitation; the criminal indicators are counted by the
        // exploitation type and the reports, and a practitioner's judgement raises the risk where they call for it
        List<String> criminal = List.of(
                "COUNTY_LINES",
                "CARRYING_DRUGS",
                "UNEXPLAINED_PHONES_OR_MONEY",
                "FOUND_OUT_OF_AREA",
                "OLDER_PEERS_GANG",
                "WEAPONS",
                "DEBT_BONDAGE");
        assertThat(criminal)
                .allSatisfy(code -> assertThat(catalogue.isKnown(code)).as(code).isTrue());
        assertThat(catalogue.score(criminal)).isZero();
        assertThat(catalogue.score(List.of("OLDER_PARTNER", "COUNTY_LINES", "WEAPONS")))
                .isEqualTo(catalogue.score(List.of("OLDER_PARTNER")));
        assertThat(catalogue.find("WEAPONS").orElseThrow().wording())
                .isEqualTo("Carries a weapon, or has been threatened or hurt with one");
    }

    @Test
    void anIndicatorRecordedTwiceCountsOnce() {
        assertThat(catalogue.score(List.of("SEXUAL_HEALTH", "SEXUAL_HEALTH", "SELF_HARM", "SEXUAL_HEALTH")))
                .isEqualTo(4 + 2);
    }

    @Test
    void anUnknownCodeIsRefusedByName() {
        assertThatThrownBy(() -> catalogue.score(List.of("OLDER_PARTNER", "NOT_A_CODE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOT_A_CODE")
                .hasMessageNotContaining("OLDER_PARTNER");
        assertThat(catalogue.isKnown("NOT_A_CODE")).isFalse();
        assertThat(catalogue.find("NOT_A_CODE")).isEmpty();
    }

    @Test
    void codesAreCaseSensitive() {
        assertThatThrownBy(() -> catalogue.score(List.of("older_partner")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("older_partner");
    }

    @Test
    void aNegativeWeightInTheFileIsRefused() {
        ByteArrayResource csv =
                new ByteArrayResource("code,weight,wording\nBAD,-1,Bad\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TestCatalogue.from(csv))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BAD");
    }

    @Test
    void aRowWithoutThreeCellsIsRefused() {
        ByteArrayResource csv =
                new ByteArrayResource("code,weight,wording\nBAD,2,Too, many cells\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TestCatalogue.from(csv))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BAD,2,Too, many cells");
    }

    @Test
    void docsIndicatorsListsExactlyTheCataloguesCodesWithTheSameWeights() throws IOException {
        Map<String, Integer> documented = documentedWeights(Path.of("docs/indicators.md"));
        Map<String, Integer> catalogued = new LinkedHashMap<>();
        catalogue.all().forEach(i -> catalogued.put(i.code(), i.weight()));

        assertThat(documented).containsExactlyInAnyOrderEntriesOf(catalogued);
    }

    /** The rows of the markdown table: {@code | `CODE` | weight | wording |}. */
    private static Map<String, Integer> documentedWeights(Path markdown) throws IOException {
        Pattern row = Pattern.compile("^\\|\\s*`?([A-Z][A-Z0-9_]*)`?\\s*\\|\\s*(\\d+)\\s*\\|.*\\|\\s*$");
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                Integer previous = weights.put(m.group(1), Integer.parseInt(m.group(2)));
                assertThat(previous)
                        .as("docs/indicators.md lists " + m.group(1) + " twice")
                        .isNull();
            }
        }
        return weights;
    }
}
