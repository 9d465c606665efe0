package uk.pathways.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.casefile.ChildIdentifiers;
import uk.pathways.casefile.KnownAs;
import uk.pathways.screening.TestCatalogue;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * The child's identifiers and known-as names as every door that takes a child reads them (issue 16): an NHS number's
 * Modulus 11 check digit and a UPN's check letter are checked, and a bad one is a 400 naming the field.
 */
class ChildIdentityValidationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReferralValidator validator =
            new ReferralValidator(new ChildValidation(List.of("Corby")), TestCatalogue.real());

    private static ObjectNode referral() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode child = body.putObject("child");
        child.put("firstName", "Testchild");
        child.put("lastName", "Synthetic");
        child.put("dateOfBirth", "2012-05-14");
        ObjectNode referrer = body.putObject("referrer");
        referrer.put("agency", "police");
        referrer.put("name", "Demo Referrer");
        referrer.put("email", "demo.referrer@example.org");
        body.put("concerns", "Synthetic concern.");
        return body;
    }

    private static ObjectNode child(ObjectNode body) {
        return (ObjectNode) body.get("child");
    }

    private List<String> badFields(ObjectNode body) {
        InvalidInputException e =
                catchThrowableOfType(InvalidInputException.class, () -> validator.validate(body, TODAY));
        assertThat(e).as("refused").isNotNull();
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @ParameterizedTest(name = "NHS number {0} is valid")
    @CsvSource({"9434765919", "943 476 5919", "9990000018", "999 000 0026", "9990000050"})
    void anNhsNumberWithItsCheckDigitIsAcceptedAndStoredAsTenDigits(String sent) {
        ObjectNode body = referral();
        child(body).put("nhsNumber", sent);

        ChildDetails child = validator.validate(body, TODAY).child();

        assertThat(child.identifiers().nhsNumber()).isEqualTo(sent.replace(" ", ""));
    }

    @ParameterizedTest(name = "NHS number {0} is refused")
    @CsvSource({
        "9434765918", // the check digit one out
        "9434765910",
        "4434765919", // the first digit changed
        "9434756919", // two digits swapped
        "943476591", // nine digits
        "94347659190", // eleven
        "943-476-5919",
        "NHS4765919"
    })
    void anNhsNumberWithAWrongCheckDigitOrShapeIsA400NamingIt(String sent) {
        ObjectNode body = referral();
        child(body).put("nhsNumber", sent);

        assertThat(badFields(body)).containsExactly("child.nhsNumber");
    }

    @Test
    void aCheckDigitOfTenIsNeverValid() {
        // the ninth digit weighs 2: 000000006 sums to 12, remainder 1, check 10, so no tenth digit makes it valid
        for (int last = 0; last <= 9; last++) {
            assertThat(ChildIdentifiers.validNhsNumber("000000006" + last)).isFalse();
        }
        // the eighth weighs 3: 000000010 sums to 3, check 8
        assertThat(ChildIdentifiers.validNhsNumber("0000000108")).isTrue();
    }

    @ParameterizedTest(name = "UPN {0} is valid")
    @CsvSource({"H801200001001", "X801200001002", "L801200001003", "U80120000100A", "h801200001001"})
    void aUpnWithItsCheckLetterIsAccepted(String sent) {
        ObjectNode body = referral();
        child(body).put("upn", sent);

        assertThat(validator.validate(body, TODAY).child().identifiers().upn()).isEqualTo(sent.toUpperCase());
    }

    @ParameterizedTest(name = "UPN {0} is refused")
    @CsvSource({
        "A801200001001", // the check letter wrong
        "H801200001002", // a digit changed
        "H80120000100", // 12 characters
        "1801200001001", // no check letter
        "U80120000100I", // I is never a UPN letter
        "H8012000010011"
    })
    void aUpnWithAWrongCheckLetterOrShapeIsA400NamingIt(String sent) {
        ObjectNode body = referral();
        child(body).put("upn", sent);

        assertThat(badFields(body)).containsExactly("child.upn");
    }

    @Test
    void localAuthorityAndPoliceIdsAreKeptUpperCaseAndMayNotCarryOtherCharacters() {
        ObjectNode body = referral();
        child(body).put("localAuthorityChildId", "la-000123");
        child(body).put("policePersonId", "2001/0012345x");
        ChildIdentifiers ids = validator.validate(body, TODAY).child().identifiers();
        assertThat(ids.localAuthorityChildId()).isEqualTo("LA-000123");
        assertThat(ids.policePersonId()).isEqualTo("2001/0012345X");

        child(body).put("localAuthorityChildId", "LA 000123; drop");
        child(body).put("policePersonId", "x".repeat(51));
        assertThat(badFields(body)).containsExactlyInAnyOrder("child.localAuthorityChildId", "child.policePersonId");
    }

    @Test
    void knownAsNamesAreAListOfFirstAndLastNamesEitherOneOptional() {
        ObjectNode body = referral();
        var names = child(body).putArray("knownAs");
        names.addObject().put("firstName", "Robyn");
        names.addObject().put("lastName", "Sample");
        names.addObject().put("firstName", "Kit").put("lastName", "Example-Test");

        assertThat(validator.validate(body, TODAY).child().knownAs())
                .containsExactly(
                        new KnownAs("Robyn", null), new KnownAs(null, "Sample"), new KnownAs("Kit", "Example-Test"));
    }

    @Test
    void aBadKnownAsNameIsA400NamingItsPlaceInTheList() {
        ObjectNode body = referral();
        var names = child(body).putArray("knownAs");
        names.addObject().put("firstName", "Robyn");
        names.addObject().put("firstName", "R0byn");
        names.addObject();
        assertThat(badFields(body)).containsExactly("child.knownAs[1].firstName", "child.knownAs[2]");

        child(body).put("knownAs", "Robyn");
        assertThat(badFields(body)).containsExactly("child.knownAs");

        var many = child(body).putArray("knownAs");
        for (int i = 0; i <= ChildValidation.MOST_KNOWN_AS; i++) {
            many.addObject().put("firstName", "Robyn");
        }
        assertThat(badFields(body)).containsExactly("child.knownAs");
    }

    @Test
    void aChildWithoutIdentifiersHasNone() {
        ChildDetails child = validator.validate(referral(), TODAY).child();
        assertThat(child.identifiers().isEmpty()).isTrue();
        assertThat(child.knownAs()).isEmpty();
    }
}
