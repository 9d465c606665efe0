package uk.pathways.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped {@code cse-threshold} decision (bpmn/cse-threshold.dmn) against contract section 3:
 * score bands 0-5 NONE, 6-10 LOW, 11-15 MEDIUM, 16+ HIGH; a disclosure makes the risk HIGH; a child
 * under 13 with a score of 1 or more is at least MEDIUM; a learning disability turns LOW into MEDIUM;
 * pathway by risk.
 */
class CseThresholdDecisionTest {

    private static final Path DMN = Path.of("bpmn/cse-threshold.dmn");
    private static final List<String> RISK_LEVELS = List.of("NONE", "LOW", "MEDIUM", "HIGH");
    private static final Map<String, String> PATHWAY_BY_RISK = Map.of(
            "NONE", "UNIVERSAL",
            "LOW", "EARLY_HELP",
            "MEDIUM", "STRATEGY_MEETING",
            "HIGH", "URGENT_STRATEGY_MEETING");

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(DMN)) {
            decision = engine.parseDecision("cse-threshold", in);
        }
    }

    private static DmnDecisionTableResult evaluate(int age, int score, boolean disclosure, boolean learningDisability) {
        return engine.evaluateDecisionTable(
                decision,
                Variables.createVariables()
                        .putValue("age", age)
                        .putValue("screeningScore", score)
                        .putValue("disclosure", disclosure)
                        .putValue("learningDisability", learningDisability));
    }

    @ParameterizedTest(name = "age {0}, score {1}, disclosure {2}, learning disability {3}: {4} / {5}")
    @CsvSource({
        // score bands, age 13 and over, no disclosure, no learning disability: every band edge
        "14,   0, false, false, NONE,   UNIVERSAL",
        "14,   5, false, false, NONE,   UNIVERSAL",
        "14,   6, false, false, LOW,    EARLY_HELP",
        "14,  10, false, false, LOW,    EARLY_HELP",
        "14,  11, false, false, MEDIUM, STRATEGY_MEETING",
        "14,  15, false, false, MEDIUM, STRATEGY_MEETING",
        "14,  16, false, false, HIGH,   URGENT_STRATEGY_MEETING",
        "14, 999, false, false, HIGH,   URGENT_STRATEGY_MEETING",
        "17,   3, false, false, NONE,   UNIVERSAL",
        "17,  16, false, false, HIGH,   URGENT_STRATEGY_MEETING",
        // under 13 (12) against 13, at scores 0, 1, 5, 6, 10, 11
        "12,   0, false, false, NONE,   UNIVERSAL",
        "13,   0, false, false, NONE,   UNIVERSAL",
        "12,   1, false, false, MEDIUM, STRATEGY_MEETING",
        "13,   1, false, false, NONE,   UNIVERSAL",
        "12,   5, false, false, MEDIUM, STRATEGY_MEETING",
        "13,   5, false, false, NONE,   UNIVERSAL",
        "12,   6, false, false, MEDIUM, STRATEGY_MEETING",
        "13,   6, false, false, LOW,    EARLY_HELP",
        "12,  10, false, false, MEDIUM, STRATEGY_MEETING",
        "13,  10, false, false, LOW,    EARLY_HELP",
        "12,  11, false, false, MEDIUM, STRATEGY_MEETING",
        "13,  11, false, false, MEDIUM, STRATEGY_MEETING",
        // under 13 is "at least" MEDIUM: HIGH stays HIGH
        "12,  16, false, false, HIGH,   URGENT_STRATEGY_MEETING",
        " 8,   1, false, false, MEDIUM, STRATEGY_MEETING",
        " 0,   2, false, false, MEDIUM, STRATEGY_MEETING",
        // learning disability: LOW becomes MEDIUM, NONE stays NONE, MEDIUM and HIGH unchanged
        "14,   0, false, true,  NONE,   UNIVERSAL",
        "14,   5, false, true,  NONE,   UNIVERSAL",
        "14,   6, false, true,  MEDIUM, STRATEGY_MEETING",
        "14,  10, false, true,  MEDIUM, STRATEGY_MEETING",
        "14,  11, false, true,  MEDIUM, STRATEGY_MEETING",
        "14,  16, false, true,  HIGH,   URGENT_STRATEGY_MEETING",
        // disclosure makes the risk HIGH whatever the score, age or learning disability
        "14,   0, true,  false, HIGH,   URGENT_STRATEGY_MEETING",
        "14,   5, true,  false, HIGH,   URGENT_STRATEGY_MEETING",
        "14,   6, true,  false, HIGH,   URGENT_STRATEGY_MEETING",
        "14,  11, true,  false, HIGH,   URGENT_STRATEGY_MEETING",
        "14,  16, true,  false, HIGH,   URGENT_STRATEGY_MEETING",
        "12,   0, true,  false, HIGH,   URGENT_STRATEGY_MEETING",
        "12,   1, true,  false, HIGH,   URGENT_STRATEGY_MEETING",
        "14,   0, true,  true,  HIGH,   URGENT_STRATEGY_MEETING",
        "14,   6, true,  true,  HIGH,   URGENT_STRATEGY_MEETING",
        "12,   0, true,  true,  HIGH,   URGENT_STRATEGY_MEETING",
        "12,   5, true,  true,  HIGH,   URGENT_STRATEGY_MEETING",
        // under 13 together with a learning disability
        "12,   0, false, true,  NONE,   UNIVERSAL",
        "12,   1, false, true,  MEDIUM, STRATEGY_MEETING",
        "12,   5, false, true,  MEDIUM, STRATEGY_MEETING",
        "12,   6, false, true,  MEDIUM, STRATEGY_MEETING",
        "12,  10, false, true,  MEDIUM, STRATEGY_MEETING",
        "12,  16, false, true,  HIGH,   URGENT_STRATEGY_MEETING",
        "13,   5, false, true,  NONE,   UNIVERSAL",
        "13,   6, false, true,  MEDIUM, STRATEGY_MEETING",
    })
    void decidesAsTheContractSays(
            int age, int score, boolean disclosure, boolean learningDisability, String riskLevel, String pathway) {
        DmnDecisionRuleResult result =
                evaluate(age, score, disclosure, learningDisability).getSingleResult();

        assertThat(result).isNotNull();
        assertThat((String) result.getEntry("riskLevel")).isEqualTo(riskLevel);
        assertThat((String) result.getEntry("pathway")).isEqualTo(pathway);
    }

    @Test
    void agreesWithTheContractForEveryAgeScoreAndFlagCombination() {
        List<String> disagreements = new ArrayList<>();
        for (int age = 0; age <= 17; age++) {
            for (int score = 0; score <= 40; score++) {
                for (boolean disclosure : new boolean[] {false, true}) {
                    for (boolean learningDisability : new boolean[] {false, true}) {
                        String expected = contractRisk(age, score, disclosure, learningDisability);
                        DmnDecisionTableResult result = evaluate(age, score, disclosure, learningDisability);
                        String actual = result.size() == 1
                                ? result.getSingleResult().getEntry("riskLevel") + "/"
                                        + result.getSingleResult().getEntry("pathway")
                                : result.size() + " results";
                        if (!actual.equals(expected + "/" + PATHWAY_BY_RISK.get(expected))) {
                            disagreements.add("age " + age + " score " + score + " disclosure " + disclosure + " LD "
                                    + learningDisability + ": expected " + expected + ", got " + actual);
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    /** Contract section 3, written out independently of the table. */
    private static String contractRisk(int age, int score, boolean disclosure, boolean learningDisability) {
        int risk = score >= 16 ? 3 : score >= 11 ? 2 : score >= 6 ? 1 : 0;
        if (disclosure) {
            risk = 3;
        }
        if (age < 13 && score >= 1) {
            risk = Math.max(risk, 2);
        }
        if (learningDisability && risk == 1) {
            risk = 2;
        }
        return RISK_LEVELS.get(risk);
    }

    @Test
    void aNegativeScoreMatchesNoRule() {
        assertThat(evaluate(14, -1, false, false).isEmpty()).isTrue();
        assertThat(evaluate(12, -1, false, false).isEmpty()).isTrue();
        assertThat(evaluate(14, -1, true, true).isEmpty()).isTrue();
    }

    @Test
    void everyOutputValueInTheTableIsOneOfTheContractsValues() {
        DmnModelInstance model = Dmn.readModelFromFile(DMN.toFile());
        DecisionTable table = model.getModelElementById("DecisionTable_CseThreshold");
        List<Output> outputs = new ArrayList<>(table.getOutputs());

        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        assertThat(outputs).extracting(Output::getName).containsExactly("riskLevel", "pathway");
        assertThat(unquote(outputs.get(0).getOutputValues().getTextContent())).containsExactlyElementsOf(RISK_LEVELS);
        assertThat(unquote(outputs.get(1).getOutputValues().getTextContent()))
                .containsExactlyInAnyOrderElementsOf(PATHWAY_BY_RISK.values());

        assertThat(table.getRules()).isNotEmpty();
        for (Rule rule : table.getRules()) {
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            assertThat(entries).as(rule.getId()).hasSize(2);
            String risk = unquote(entries.get(0).getTextContent()).get(0);
            String pathway = unquote(entries.get(1).getTextContent()).get(0);
            assertThat(risk).as(rule.getId() + " riskLevel").isIn(RISK_LEVELS);
            assertThat(pathway).as(rule.getId() + " pathway").isEqualTo(PATHWAY_BY_RISK.get(risk));
        }
    }

    @Test
    void theDecisionKeyAndInputsAreTheContractsNames() {
        assertThat(decision.getKey()).isEqualTo("cse-threshold");
        DmnModelInstance model = Dmn.readModelFromFile(DMN.toFile());
        DecisionTable table = model.getModelElementById("DecisionTable_CseThreshold");
        assertThat(table.getInputs())
                .extracting(i -> i.getInputExpression().getText().getTextContent())
                .containsExactly("age", "screeningScore", "disclosure", "learningDisability");
    }

    private static List<String> unquote(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .map(s -> s.replaceAll("^\"|\"$", ""))
                .toList();
    }
}
