package uk.pathways.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The missing-children figures of the dashboards, read through this one interface so that the missing
 * pathway can supply them. {@link TableMissingFigures} reads {@code pw_missing_episode} when that table
 * exists and answers "not available" until then; the missing module may replace it with its own bean
 * (give it a higher precedence with {@code @Order}).
 */
public interface MissingFigures {

    /** Why the figures are missing, or empty when they are available. */
    Optional<String> unavailableBecause();

    /** Episodes whose child returned in the period: timing of each return home interview. */
    List<ReturnInterview> returnsInPeriod(Instant start, Instant end, String district, String agency);

    /** Every episode that started from {@code start} (the caller includes the 90 days before the period) to {@code end}. */
    List<Episode> episodes(Instant start, Instant end, String district, String agency);

    record ReturnInterview(String caseId, Instant returnedAt, Instant interviewedAt) {}

    record Episode(String caseId, String district, Instant missingSince) {}

    /** Whether a return home interview was in time: contract section 4, within 72 clock hours of the return. */
    enum Timeliness {
        IN_TIME,
        LATE,
        PENDING
    }

    Duration RHI_CLOCK = Duration.ofHours(72);

    /**
     * In time if held within {@code clock} of the return (exactly 72 hours is in time); late if held later, or
     * not held and the clock has run out by {@code now}; pending if not held and still within the clock.
     */
    static Timeliness rhiTimeliness(Instant returnedAt, Instant interviewedAt, Instant now, Duration clock) {
        Instant due = returnedAt.plus(clock);
        if (interviewedAt != null) {
            return interviewedAt.isAfter(due) ? Timeliness.LATE : Timeliness.IN_TIME;
        }
        return now.isAfter(due) ? Timeliness.LATE : Timeliness.PENDING;
    }

    /**
     * Children with a repeat missing pattern in the period: their third (or later) episode within any 90 days
     * started in the period (contract section 4, "the third episode of one child within 90 days").
     */
    static Map<String, String> repeatMissingChildren(List<Episode> episodes, Instant start, Instant end) {
        Map<String, List<Episode>> byChild = new java.util.HashMap<>();
        for (Episode e : episodes) {
            byChild.computeIfAbsent(e.caseId(), k -> new java.util.ArrayList<>())
                    .add(e);
        }
        Map<String, String> children = new java.util.TreeMap<>();
        byChild.forEach((caseId, list) -> {
            list.sort(java.util.Comparator.comparing(Episode::missingSince));
            for (int i = 2; i < list.size(); i++) {
                Instant third = list.get(i).missingSince();
                boolean inPeriod = !third.isBefore(start) && third.isBefore(end);
                if (inPeriod && !list.get(i - 2).missingSince().isBefore(third.minus(Duration.ofDays(90)))) {
                    children.put(
                            caseId,
                            list.get(i).district() == null
                                    ? "Not recorded"
                                    : list.get(i).district());
                    break;
                }
            }
        });
        return children;
    }
}
