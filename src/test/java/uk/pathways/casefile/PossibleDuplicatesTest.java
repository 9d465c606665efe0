package uk.pathways.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.PathwaysTest;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;
import uk.pathways.web.Pages;

/**
 * A child referred under a near-miss name or date of birth opens a second case (the contract's matching is exact);
 * MASH is shown the first as a possible duplicate, with why, on the screening page and the case page. Other children
 * born the same day are not.
 */
@PathwaysTest
class PossibleDuplicatesTest {

    /** A synthetic surname stem of its own per test, so that the tests' children never match each other. */
    private static final AtomicInteger STEMS = new AtomicInteger();

    @Autowired
    Pathway pathway;

    @Autowired
    PossibleDuplicates duplicates;

    @Autowired
    WebApplicationContext context;

    private static final java.util.Random LETTERS = new java.security.SecureRandom();

    /** A synthetic surname of ten random letters: unlike any other test's, so that no two tests' children match. */
    private static String stem() {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            name.append((char) ('a' + LETTERS.nextInt(26)));
        }
        STEMS.incrementAndGet();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private ReferralAccepted refer(String first, String last, LocalDate dob) {
        return pathway.refer(new ChildDetails(first, last, dob, "FEMALE", null, null, false, null), List.of());
    }

    @ParameterizedTest(name = "{0} {1} born {2} may be {3} {4} born {5}")
    @CsvSource({
        "Robin, {s}, 2012-05-14, Robyn, {s}, 2012-05-14, first name sounds the same",
        "Robin, {s}, 2012-05-14, Robin, {s}-Quayle, 2012-05-14, last names share",
        "Robin, {s}, 2012-05-14, Robin, {s}, 2012-05-15, 1 day apart",
        "Robin, {s}, 2012-05-04, Robin, {s}, 2012-04-05, day and month swapped",
        "Robin, {s}, 2012-05-14, Robin, {s}, 2013-05-14, a year out",
        "Katherine, {s}, 2011-09-30, Catherine, {s}, 2011-09-28, first name sounds the same"
    })
    void aNearMissIsAPossibleDuplicateWithWhy(
            String first, String last, String dob, String otherFirst, String otherLast, String otherDob, String why) {
        String s = stem();
        ReferralAccepted earlier = refer(first, last.replace("{s}", s), LocalDate.parse(dob));
        ReferralAccepted later = refer(otherFirst, otherLast.replace("{s}", s), LocalDate.parse(otherDob));
        assertThat(later.caseId()).as("exact matching opens a second case").isNotEqualTo(earlier.caseId());

        assertThat(duplicates.of(later.caseId()))
                .as("possible duplicates of the second")
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.caseId()).isEqualTo(earlier.caseId());
                    assertThat(String.join(", ", c.reasons())).contains(why);
                    assertThat(c.score()).isBetween(PossibleDuplicates.THRESHOLD, 100);
                    assertThat(c.involvedAgencies()).contains("education");
                });
        assertThat(duplicates.of(earlier.caseId()))
                .extracting(PossibleDuplicates.Candidate::caseId)
                .containsExactly(later.caseId());
    }

    @Test
    void anotherChildBornTheSameDayIsNotADuplicate() {
        LocalDate dob = LocalDate.of(2013, 2, 20);
        ReferralAccepted one = refer("Alexis", stem(), dob);
        refer("Morgan", stem(), dob);
        refer("Alexis", stem(), dob.plusDays(30));
        assertThat(duplicates.of(one.caseId())).isEmpty();
    }

    @Test
    void mashSeesThePossibleDuplicateOnTheScreeningPageAndTheCasePage() throws Exception {
        String s = stem();
        ReferralAccepted earlier = refer("Robin", s, LocalDate.of(2012, 6, 3));
        ReferralAccepted later = refer("Robyn", s, LocalDate.of(2012, 6, 3));
        MockMvc mvc = Pages.mvc(context);
        var session = Pages.signIn(mvc, "mash-worker");
        String screening = mvc.perform(get("/tasks/"
                                + pathway.task(later.caseId(), "screening").getId())
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(screening)
                .contains("Possible duplicates: this may be the same child")
                .contains("data-case-id=\"" + earlier.caseId() + "\"")
                .contains("first name sounds the same (Robin)");
        String casePage = mvc.perform(get("/cases/" + later.caseId()).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(casePage).contains("id=\"possible-duplicates\"").contains(earlier.caseId());
    }
}
