package uk.pathways.casefile;

import java.sql.Date;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Other cases that may be the same child (issue 16): exploited children often give other names, and a record split
 * in two hides cumulative risk. A candidate has a date of birth near the child's (a few days out, day and month
 * swapped, the year one out) and both names alike (the same, sounding the same by Double Metaphone, close by
 * Jaro-Winkler, or sharing a part of a double-barrelled name). Scored; the best first. Looked for by date of birth,
 * which is indexed, so that it stays cheap however many cases there are. Known-as names count, on both sides: a
 * referral in a name the child is known by finds the child. A hint for MASH, never a merge.
 */
@Component
public class PossibleDuplicates {

    static final int DAYS = 7;
    static final int THRESHOLD = 60;
    static final int MOST = 5;

    /** Another case that may be the same child, why, and how sure (0 to 100). */
    public record Candidate(
            String caseId,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            int score,
            List<String> reasons,
            List<String> involvedAgencies) {}

    private final JdbcTemplate jdbc;
    private final CaseRepository cases;
    private final DoubleMetaphone metaphone = new DoubleMetaphone();
    private final JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();

    PossibleDuplicates(JdbcTemplate jdbc, CaseRepository cases) {
        this.jdbc = jdbc;
        this.cases = cases;
        // codes of 8, not the default 4: long names that only begin alike do not sound the same
        metaphone.setMaxCodeLen(8);
    }

    /** The possible duplicates of this case's child, best first; empty for no such case. */
    @Transactional(readOnly = true)
    public List<Candidate> of(String caseId) {
        CaseSummary summary = cases.find(caseId).orElse(null);
        if (summary == null) {
            return List.of();
        }
        ChildDetails child = summary.child();
        LocalDate dob = child.dateOfBirth();
        List<Object> params = new ArrayList<>(List.of(
                caseId,
                Date.valueOf(dob.minusDays(DAYS)),
                Date.valueOf(dob.plusDays(DAYS)),
                Date.valueOf(dob.minusYears(1)),
                Date.valueOf(dob.plusYears(1))));
        LocalDate swapped = swapped(dob);
        params.add(Date.valueOf(swapped == null ? dob : swapped));
        String window = """
                c.case_id <> ? and c.status <> 'MERGED' and (c.date_of_birth between ? and ? or c.date_of_birth = ? or c.date_of_birth = ?
                  or c.date_of_birth = ?)""";
        record Row(String caseId, String firstName, String lastName, LocalDate dob) {}
        List<Row> rows = jdbc.query(
                "select c.case_id, c.first_name, c.last_name, c.date_of_birth from pw_case c where " + window,
                (rs, i) -> new Row(
                        rs.getString("case_id"),
                        rs.getString("first_name"),
                        rs.getString("last_name"),
                        rs.getDate("date_of_birth").toLocalDate()),
                params.toArray());
        // the candidates' known-as names, in one query over the same window of dates of birth
        Map<String, List<KnownAs>> theirAliases = new HashMap<>();
        jdbc.query(
                "select a.case_id, a.first_name, a.last_name from pw_child_alias a join pw_case c on c.case_id = a.case_id"
                        + " where " + window,
                rs -> {
                    theirAliases
                            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new KnownAs(rs.getString(2), rs.getString(3)));
                },
                params.toArray());
        List<KnownAs> ours = names(child.firstName(), child.lastName(), child.knownAs());
        List<Candidate> found = new ArrayList<>();
        for (Row row : rows) {
            List<KnownAs> theirs =
                    names(row.firstName(), row.lastName(), theirAliases.getOrDefault(row.caseId(), List.of()));
            Candidate best = null;
            for (int i = 0; i < ours.size(); i++) {
                for (int j = 0; j < theirs.size(); j++) {
                    Candidate c = score(ours.get(i), dob, row.caseId(), theirs.get(j), row.dob());
                    if (c == null) {
                        continue;
                    }
                    List<String> reasons = new ArrayList<>();
                    if (i > 0) {
                        reasons.add("this child is known as " + ours.get(i).words());
                    }
                    if (j > 0) {
                        reasons.add("known as " + theirs.get(j).words());
                    }
                    reasons.addAll(c.reasons());
                    c = new Candidate(
                            c.caseId(), row.firstName(), row.lastName(), row.dob(), c.score(), reasons, List.of());
                    if (best == null || c.score() > best.score()) {
                        best = c;
                    }
                }
            }
            if (best != null) {
                found.add(best);
            }
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Candidate::score).reversed().thenComparing(Candidate::caseId))
                .limit(MOST)
                .map(c -> new Candidate(
                        c.caseId(),
                        c.firstName(),
                        c.lastName(),
                        c.dateOfBirth(),
                        c.score(),
                        c.reasons(),
                        cases.involvedAgencies(c.caseId())))
                .toList();
    }

    /** The child's own name first, then each known-as name completed by the child's own. */
    private static List<KnownAs> names(String firstName, String lastName, List<KnownAs> knownAs) {
        List<KnownAs> names = new ArrayList<>();
        names.add(new KnownAs(firstName, lastName));
        knownAs.forEach(k -> names.add(k.completedBy(firstName, lastName)));
        return names;
    }

    private Candidate score(KnownAs ours, LocalDate ourDob, String caseId, KnownAs theirs, LocalDate dob) {
        String firstName = theirs.firstName();
        String lastName = theirs.lastName();
        List<String> reasons = new ArrayList<>();
        int first = names(ours.firstName(), firstName, "first name", reasons);
        int last = lastNames(ours.lastName(), lastName, reasons);
        int born = born(ourDob, dob, reasons);
        if (first == 0 || last == 0 || born == 0) {
            return null;
        }
        int score = first + last + born;
        return score >= THRESHOLD
                ? new Candidate(caseId, firstName, lastName, dob, Math.min(score, 100), reasons, List.of())
                : null;
    }

    private int names(String ours, String theirs, String which, List<String> reasons) {
        String a = norm(ours);
        String b = norm(theirs);
        if (a.equals(b)) {
            reasons.add("the same " + which);
            return 35;
        }
        if (metaphone.isDoubleMetaphoneEqual(a, b) || metaphone.isDoubleMetaphoneEqual(a, b, true)) {
            reasons.add(which + " sounds the same (" + theirs + ")");
            return 28;
        }
        if (similarity.apply(a, b) >= 0.88) {
            reasons.add(which + " spelt nearly the same (" + theirs + ")");
            return 22;
        }
        return 0;
    }

    private int lastNames(String ours, String theirs, List<String> reasons) {
        if (!norm(ours).equals(norm(theirs))) {
            int part = sharedPart(ours, theirs, reasons);
            if (part > 0) {
                return part;
            }
        }
        return names(ours, theirs, "last name", reasons);
    }

    /** A double-barrelled last name and one of its parts ("Example-Sample" and "Sample"). */
    private static int sharedPart(String ours, String theirs, List<String> reasons) {
        for (String a : norm(ours).split("[- ]+")) {
            for (String b : norm(theirs).split("[- ]+")) {
                if (a.length() > 1 && a.equals(b)) {
                    reasons.add("last names share \"" + cap(a) + "\" (" + theirs + ")");
                    return 25;
                }
            }
        }
        return 0;
    }

    private static int born(LocalDate ours, LocalDate theirs, List<String> reasons) {
        long days = Math.abs(ChronoUnit.DAYS.between(ours, theirs));
        if (days == 0) {
            reasons.add("the same date of birth");
            return 30;
        }
        if (theirs.equals(swapped(ours))) {
            reasons.add("date of birth with day and month swapped");
            return 22;
        }
        if (theirs.getDayOfMonth() == ours.getDayOfMonth()
                && theirs.getMonth() == ours.getMonth()
                && Math.abs(theirs.getYear() - ours.getYear()) == 1) {
            reasons.add("date of birth a year out");
            return 18;
        }
        if (days <= DAYS) {
            reasons.add("date of birth " + days + (days == 1 ? " day" : " days") + " apart");
            return days <= 3 ? 22 : 15;
        }
        return 0;
    }

    /** The date with day and month swapped (3 May for 5 March), if that is a date and a different one. */
    static LocalDate swapped(LocalDate date) {
        if (date.getDayOfMonth() > 12 || date.getDayOfMonth() == date.getMonthValue()) {
            return null;
        }
        try {
            return LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String norm(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.UK).replaceAll("[^a-z' -]", "");
    }

    private static String cap(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
