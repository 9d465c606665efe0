package uk.pathways.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;

/**
 * A case's consent position for sharing, as recorded by its lead agency: sought and given, sought and refused, or not
 * sought; from whom; on which day; why (required when refused or not sought); recorded by whom and when. {@code
 * recorded} is false for the deployment's configured position ({@code pathways.sharing.consent}), which applies to a
 * case with none recorded: then only {@code words} is set. {@code words} is how the position reads in the sharing log.
 */
public record ConsentPosition(
        Long id,
        String caseId,
        boolean recorded,
        String position,
        String from,
        LocalDate date,
        String reason,
        Instant recordedAt,
        String recordedBy,
        String recordedByAgency,
        String words) {

    public static final String GIVEN = "GIVEN";
    public static final String REFUSED = "REFUSED";
    public static final String NOT_SOUGHT = "NOT_SOUGHT";
    public static final Set<String> POSITIONS = Set.of(GIVEN, REFUSED, NOT_SOUGHT);

    public static final String YOUNG_PERSON = "YOUNG_PERSON";
    public static final String PARENT_OR_CARER = "PARENT_OR_CARER";
    public static final String BOTH = "BOTH";
    public static final Set<String> FROM = Set.of(YOUNG_PERSON, PARENT_OR_CARER, BOTH);

    /** Each position as the form's radios say it. */
    public static final Map<String, String> POSITION_WORDS =
            Map.of(GIVEN, "Sought and given", REFUSED, "Sought and refused", NOT_SOUGHT, "Not sought");

    /** Whose consent, as a sentence says it. */
    public static final Map<String, String> FROM_WORDS = Map.of(
            YOUNG_PERSON, "the young person",
            PARENT_OR_CARER, "a parent or carer",
            BOTH, "the young person and a parent or carer");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The deployment's configured position, for a case with none recorded. */
    static ConsentPosition configured(String caseId, String words) {
        return new ConsentPosition(null, caseId, false, null, null, null, null, null, null, null, words);
    }

    /** A recorded position, with its words. */
    static ConsentPosition of(
            Long id,
            String caseId,
            String position,
            String from,
            LocalDate date,
            String reason,
            Instant recordedAt,
            String recordedBy,
            String recordedByAgency) {
        return new ConsentPosition(
                id,
                caseId,
                true,
                position,
                from,
                date,
                reason,
                recordedAt,
                recordedBy,
                recordedByAgency,
                words(position, from, date, reason, recordedAt, recordedBy, recordedByAgency));
    }

    /**
     * How the position reads in a row of the sharing log: without its reason, which may name a parent or what they are
     * suspected of and stays in the position itself (the consent history, read by the lead agency and in the subject
     * access export, marked for review), so that it is not copied into every share.
     */
    public String logWords() {
        if (!recorded) {
            return words;
        }
        String without = words(position, from, date, null, recordedAt, recordedBy, recordedByAgency);
        return reason == null || reason.isBlank()
                ? without
                : without + " Its reason is kept with the consent position (consent " + id + ").";
    }

    /** "Sought and refused", "Not sought"; empty for the configured position. */
    public String positionWords() {
        return position == null ? "" : POSITION_WORDS.getOrDefault(position, position);
    }

    /** "the young person", "a parent or carer"; empty when nobody was named. */
    public String fromWords() {
        return from == null ? "" : FROM_WORDS.getOrDefault(from, from);
    }

    private static String words(
            String position,
            String from,
            LocalDate date,
            String reason,
            Instant recordedAt,
            String recordedBy,
            String recordedByAgency) {
        String who = from == null ? null : FROM_WORDS.getOrDefault(from, from);
        StringBuilder s = new StringBuilder();
        switch (position) {
            case GIVEN ->
                s.append("Sought and given by ").append(who).append(" on ").append(DAY.format(date));
            case REFUSED ->
                s.append("Sought and refused by ").append(who).append(" on ").append(DAY.format(date));
            default ->
                s.append("Not sought")
                        .append(who == null ? "" : " from " + who)
                        .append(", decided on ")
                        .append(DAY.format(date));
        }
        if (reason != null && !reason.isBlank()) {
            s.append(": ").append(reason);
        }
        s.append(s.charAt(s.length() - 1) == '.' ? " " : ". ")
                .append("Recorded by ")
                .append(recordedBy);
        if (recordedByAgency != null) {
            s.append(" (").append(Agency.nameOfGroup(recordedByAgency)).append(")");
        }
        s.append(" on ")
                .append(DAY.format(LocalDate.ofInstant(recordedAt, Now.UK)))
                .append('.');
        return s.toString();
    }
}
