package uk.pathways.missing;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import uk.pathways.calendar.Now;

/**
 * The statutory-return CSV of missing episodes: one row an episode with its start (time last seen), end
 * (return), type, police risk, and whether a return home interview was offered and accepted. Times are UK
 * local with their offset. No names: the case id stands for the child.
 */
public final class StatutoryReturn {

    static final String HEADER = "reference,caseId,start,end,episodeType,policeRisk,placingAuthority,outOfArea,"
            + "rhiOffered,rhiAccepted,rhiCompletedAt,status";

    private StatutoryReturn() {}

    public static String csv(List<MissingEpisode> episodes) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (MissingEpisode e : episodes) {
            out.append(String.join(
                            ",",
                            List.of(
                                    cell(e.reference()),
                                    cell(e.caseId()),
                                    time(e.missingSince()),
                                    time(e.returnedAt()),
                                    cell(e.episodeType()),
                                    cell(e.policeRisk()),
                                    cell(e.placingAuthority()),
                                    String.valueOf(e.outOfArea()),
                                    bool(e.rhiOffered()),
                                    bool(e.rhiAccepted()),
                                    time(e.rhiCompletedAt()),
                                    cell(e.status()))))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String time(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        instant.atZone(Now.UK).toOffsetDateTime());
    }

    private static String bool(Boolean value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180 quoting; a cell a spreadsheet would read as a formula is prefixed with an apostrophe. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",")
                || text.contains("\"")
                || text.contains("\n")
                || text.contains("\r")
                || !text.equals(value)) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
