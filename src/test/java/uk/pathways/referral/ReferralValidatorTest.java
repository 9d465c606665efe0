package uk.pathways.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.screening.TestCatalogue;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/** A referral body (contract section 6): a good one passes, and each bad field is named by its path. */
class ReferralValidatorTest {

    /** A fixed "today": Monday 23 November 2026. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Synthetic data only. */
    private static final String VALID = """
            {
              "child": {
                "firstName": "Testchild",
                "lastName": "Example-Synthetic",
                "dateOfBirth": "2012-05-14",
                "gender": "FEMALE",
                "ethnicity": "WHITE_BRITISH",
                "district": "Corby",
                "lookedAfter": false
              },
              "referrer": {
                "agency": "police",
                "name": "Demo Referrer",
                "email": "demo.referrer@example.org"
              },
              "concerns": "Seen getting into cars with unknown adults near school.",
              "indicators": ["UNKNOWN_VEHICLES", "MISSING_OR_ABSENT"]
            }
            """;

    private final ReferralValidator validator =
            new ReferralValidator(new ChildValidation(List.of("Corby", "Kettering")), TestCatalogue.real());

    private static ObjectNode valid() {
        try {
            return (ObjectNode) JSON.readTree(VALID);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The valid body with the field at {@code path} ("child.firstName") set to the JSON {@code value}, or removed if null. */
    private static ObjectNode with(String path, String value) {
        ObjectNode body = valid();
        set(body, path, value);
        return body;
    }

    private static void set(ObjectNode body, String path, String value) {
        ObjectNode parent = body;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        String field = parts[parts.length - 1];
        if (value == null) {
            parent.remove(field);
        } else {
            try {
                parent.set(field, JSON.readTree(value));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(value, e);
            }
        }
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private List<FieldProblem> problemsOf(JsonNode body) {
        InvalidInputException e =
                catchThrowableOfType(InvalidInputException.class, () -> validator.validate(body, TODAY));
        assertThat(e).as("the body should be refused").isNotNull();
        return e.problems();
    }

    private List<String> fieldsNamed(JsonNode body) {
        return problemsOf(body).stream().map(FieldProblem::field).toList();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "ethnicity {0} is stored as {1}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "WHITE_BRITISH | WHITE_BRITISH",
                "WBRI | WHITE_BRITISH",
                "wbri | WHITE_BRITISH",
                "WIRI | WHITE_IRISH",
                "WIRT | WHITE_GYPSY_OR_IRISH_TRAVELLER",
                "MWBC | MIXED_WHITE_BLACK_CARIBBEAN",
                "APKN | ASIAN_PAKISTANI",
                "CHNE | ASIAN_CHINESE",
                "BCRB | BLACK_CARIBBEAN",
                "OOTH | OTHER_ANY",
                "REFU | NOT_STATED",
                "NOBT | NOT_STATED",
                "'White: English, Welsh, Scottish, Northern Irish or British' | WHITE_BRITISH",
                "White British | WHITE_BRITISH",
                "'  white   british ' | WHITE_BRITISH",
                "'Asian or Asian British: Bangladeshi' | ASIAN_BANGLADESHI",
                "'Other ethnic group: Arab' | OTHER_ARAB"
            })
    void theDfeCensusCodesAndTheOnsWordingAreAcceptedAndOneCodeStored(String sent, String stored) {
        assertThat(validator
                        .validate(with("child.ethnicity", quoted(sent)), TODAY)
                        .child()
                        .ethnicity())
                .isEqualTo(stored);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "gender {0} is stored as {1}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "FEMALE | FEMALE",
                "F | FEMALE",
                "m | MALE",
                "U | NOT_KNOWN",
                "Non-binary | NON_BINARY",
                "female | FEMALE"
            })
    void theCensusGenderCodesAndWordsAreAccepted(String sent, String stored) {
        assertThat(validator
                        .validate(with("child.gender", quoted(sent)), TODAY)
                        .child()
                        .gender())
                .isEqualTo(stored);
    }

    @Test
    void unknownCodeTextIsRefusedNamingTheFieldAndTheCodesNeverDropped() {
        List<FieldProblem> problems = problemsOf(with("child.ethnicity", quoted("Martian")));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("child.ethnicity");
            assertThat(p.message()).contains("WHITE_BRITISH").contains("WBRI").contains("ONS 2021");
        });
        assertThat(fieldsNamed(with("child.gender", quoted("X")))).containsExactly("child.gender");
        assertThat(fieldsNamed(with("child.ethnicity", "42"))).containsExactly("child.ethnicity");
    }

    @Test
    void aValidReferralPassesWithItsChildReferrerAndIndicators() {
        NewReferral referral = validator.validate(valid(), TODAY);

        assertThat(referral.child())
                .isEqualTo(new ChildDetails(
                        "Testchild",
                        "Example-Synthetic",
                        LocalDate.of(2012, 5, 14),
                        "FEMALE",
                        "WHITE_BRITISH",
                        "Corby",
                        false,
                        null));
        assertThat(referral.referrerAgency()).isEqualTo("police");
        assertThat(referral.referrerName()).isEqualTo("Demo Referrer");
        assertThat(referral.referrerEmail()).isEqualTo("demo.referrer@example.org");
        assertThat(referral.concerns()).isEqualTo("Seen getting into cars with unknown adults near school.");
        assertThat(referral.indicators()).containsExactly("UNKNOWN_VEHICLES", "MISSING_OR_ABSENT");
    }

    @Test
    void aLookedAfterChildWithAPlacingAuthorityPasses() {
        ObjectNode body = with("child.lookedAfter", "true");
        set(body, "child.placingAuthority", quoted("Synthetic County Council"));

        ChildDetails child = validator.validate(body, TODAY).child();

        assertThat(child.lookedAfter()).isTrue();
        assertThat(child.placingAuthority()).isEqualTo("Synthetic County Council");
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        ObjectNode body = valid();
        ((ObjectNode) body.get("child")).remove(List.of("gender", "ethnicity", "district", "lookedAfter"));
        body.remove("indicators");

        NewReferral referral = validator.validate(body, TODAY);

        assertThat(referral.child().gender()).isNull();
        assertThat(referral.child().district()).isNull();
        assertThat(referral.child().lookedAfter()).isFalse();
        assertThat(referral.indicators()).isEmpty();
    }

    @Test
    void namesAndTextAreTrimmedAndARepeatedIndicatorIsKeptOnce() {
        ObjectNode body = with("child.firstName", quoted("  Testchild "));
        set(body, "indicators", "[\"SELF_HARM\", \"SELF_HARM\", \"PEERS_EXPLOITED\"]");

        NewReferral referral = validator.validate(body, TODAY);

        assertThat(referral.child().firstName()).isEqualTo("Testchild");
        assertThat(referral.indicators()).containsExactly("SELF_HARM", "PEERS_EXPLOITED");
    }

    @Test
    void aChildOf17Years364DaysIsStillAChild() {
        NewReferral referral = validator.validate(with("child.dateOfBirth", quoted("2008-11-24")), TODAY);

        assertThat(referral.child().dateOfBirth()).isEqualTo(LocalDate.of(2008, 11, 24));
        assertThat(referral.child().ageOn(TODAY)).isEqualTo(17);
    }

    @Test
    void aChildBornYesterdayIsAccepted() {
        assertThat(validator
                        .validate(with("child.dateOfBirth", quoted("2026-11-22")), TODAY)
                        .child()
                        .dateOfBirth())
                .isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void concernsOfExactly10000CharactersAreAccepted() {
        assertThat(validator
                        .validate(with("concerns", quoted("x".repeat(10_000))), TODAY)
                        .concerns())
                .hasSize(10_000);
    }

    @Test
    void anyKnownAgencyMayRefer() {
        for (String agency : List.of(
                "mash",
                "childrens-services",
                "police",
                "health",
                "education",
                "rise",
                "missing-coordinator",
                "rhi-service")) {
            assertThat(validator
                            .validate(with("referrer.agency", quoted(agency)), TODAY)
                            .referrerAgency())
                    .isEqualTo(agency);
        }
    }

    static Stream<Arguments> badFields() {
        String tooLong = quoted("A".repeat(101));
        return Stream.of(
                arguments("child missing", "child", null, "child"),
                arguments("child not an object", "child", quoted("Testchild Example"), "child"),
                arguments("firstName missing", "child.firstName", null, "child.firstName"),
                arguments("firstName blank", "child.firstName", quoted("   "), "child.firstName"),
                arguments("firstName 101 characters", "child.firstName", tooLong, "child.firstName"),
                arguments("firstName with digits", "child.firstName", quoted("Testchild2"), "child.firstName"),
                arguments("firstName not text", "child.firstName", "42", "child.firstName"),
                arguments("lastName missing", "child.lastName", null, "child.lastName"),
                arguments("lastName blank", "child.lastName", quoted(""), "child.lastName"),
                arguments("lastName 101 characters", "child.lastName", tooLong, "child.lastName"),
                arguments("lastName with digits", "child.lastName", quoted("Example 3"), "child.lastName"),
                arguments("dateOfBirth missing", "child.dateOfBirth", null, "child.dateOfBirth"),
                arguments(
                        "dateOfBirth not a real date", "child.dateOfBirth", quoted("2026-02-30"), "child.dateOfBirth"),
                arguments("dateOfBirth not YYYY-MM-DD", "child.dateOfBirth", quoted("14/05/2012"), "child.dateOfBirth"),
                arguments("dateOfBirth in the future", "child.dateOfBirth", quoted("2026-11-24"), "child.dateOfBirth"),
                arguments("dateOfBirth today", "child.dateOfBirth", quoted("2026-11-23"), "child.dateOfBirth"),
                arguments("exactly 18 today", "child.dateOfBirth", quoted("2008-11-23"), "child.dateOfBirth"),
                arguments("over 18", "child.dateOfBirth", quoted("2001-01-01"), "child.dateOfBirth"),
                arguments("unknown gender", "child.gender", quoted("Q"), "child.gender"),
                arguments("unknown ethnicity", "child.ethnicity", quoted("BRITISH"), "child.ethnicity"),
                arguments("unknown district", "child.district", quoted("Northampton"), "child.district"),
                arguments("lookedAfter not a boolean", "child.lookedAfter", quoted("yes"), "child.lookedAfter"),
                arguments(
                        "lookedAfter true without placingAuthority",
                        "child.lookedAfter",
                        "true",
                        "child.placingAuthority"),
                arguments("referrer missing", "referrer", null, "referrer"),
                arguments("referrer.agency unknown", "referrer.agency", quoted("social-care"), "referrer.agency"),
                arguments("referrer.agency missing", "referrer.agency", null, "referrer.agency"),
                arguments("referrer.name missing", "referrer.name", null, "referrer.name"),
                arguments("referrer.email not an email", "referrer.email", quoted("not-an-email"), "referrer.email"),
                arguments("referrer.email missing", "referrer.email", null, "referrer.email"),
                arguments("concerns missing", "concerns", null, "concerns"),
                arguments("concerns blank", "concerns", quoted("  "), "concerns"),
                arguments("concerns over 10000 characters", "concerns", quoted("x".repeat(10_001)), "concerns"),
                arguments("indicators not an array", "indicators", quoted("UNKNOWN_VEHICLES"), "indicators"),
                arguments(
                        "indicators with an unknown code",
                        "indicators",
                        "[\"UNKNOWN_VEHICLES\", \"NOT_A_CODE\"]",
                        "indicators"));
    }

    @ParameterizedTest(name = "{0} is named as {3}")
    @MethodSource("badFields")
    void eachBadFieldIsNamedByItsPath(String description, String path, String value, String expectedField) {
        List<FieldProblem> problems = problemsOf(with(path, value));

        assertThat(problems).extracting(FieldProblem::field).containsExactly(expectedField);
        assertThat(problems.get(0).message()).isNotBlank();
    }

    @Test
    void anUnknownIndicatorIsNamedInTheMessage() {
        List<FieldProblem> problems = problemsOf(with("indicators", "[\"UNKNOWN_VEHICLES\", \"NOT_A_CODE\"]"));

        assertThat(problems.get(0).message()).contains("NOT_A_CODE").doesNotContain("UNKNOWN_VEHICLES");
    }

    @Test
    void messagesTellTheReferrerWhatToDo() {
        assertThat(problemsOf(with("child.dateOfBirth", quoted("2008-11-23")))
                        .get(0)
                        .message())
                .contains("under 18");
        assertThat(problemsOf(with("child.dateOfBirth", quoted("2026-11-24")))
                        .get(0)
                        .message())
                .contains("in the past");
        assertThat(problemsOf(with("referrer.email", quoted("not-an-email")))
                        .get(0)
                        .message())
                .contains("email address");
        assertThat(problemsOf(with("child.district", quoted("Northampton")))
                        .get(0)
                        .message())
                .contains("Corby", "Kettering");
    }

    @Test
    void aBodyWithThreeMistakesNamesAllThree() {
        ObjectNode body = with("child.dateOfBirth", quoted("2026-02-30"));
        set(body, "referrer.email", quoted("not-an-email"));
        set(body, "concerns", null);

        assertThat(fieldsNamed(body)).containsExactlyInAnyOrder("child.dateOfBirth", "referrer.email", "concerns");
    }

    @Test
    void aBadNameDoesNotHideAMissingPlacingAuthority() {
        ObjectNode body = with("child.firstName", quoted("Testchild2"));
        set(body, "child.lookedAfter", "true");

        assertThat(fieldsNamed(body)).containsExactlyInAnyOrder("child.firstName", "child.placingAuthority");
    }

    @Test
    void aLookedAfterChildWithABlankOrOverlongPlacingAuthorityIsNamedOnce() {
        ObjectNode blank = with("child.lookedAfter", "true");
        set(blank, "child.placingAuthority", quoted("  "));
        ObjectNode overlong = with("child.lookedAfter", "true");
        set(overlong, "child.placingAuthority", quoted("A".repeat(151)));

        assertThat(fieldsNamed(blank)).containsExactly("child.placingAuthority");
        assertThat(fieldsNamed(overlong)).containsExactly("child.placingAuthority");
    }

    @Test
    void everyMistakeOfTheChildIsNamedAtOnce() {
        ObjectNode body = valid();
        set(body, "child.firstName", null);
        set(body, "child.lastName", quoted("A".repeat(101)));
        set(body, "child.gender", quoted("Q"));
        set(body, "child.district", quoted("Northampton"));

        assertThat(fieldsNamed(body))
                .containsExactlyInAnyOrder("child.firstName", "child.lastName", "child.gender", "child.district");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() throws JsonProcessingException {
        assertThat(fieldsNamed(JSON.readTree("[1, 2]"))).containsExactly("body");
        assertThat(fieldsNamed(null)).containsExactly("body");
    }

    @Test
    void anEmptyObjectNamesEveryRequiredPart() throws JsonProcessingException {
        assertThat(fieldsNamed(JSON.readTree("{}"))).containsExactlyInAnyOrder("child", "referrer", "concerns");
    }

    @Test
    void aRefusedBodyThrowsInvalidInput() {
        assertThatThrownBy(() -> validator.validate(with("child", null), TODAY))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("child");
    }
}
