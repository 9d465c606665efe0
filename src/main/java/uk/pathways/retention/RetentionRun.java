package uk.pathways.retention;

import java.time.Instant;
import java.time.LocalDate;

/** One run of the retention job: scheduled for a night, or asked for; a dry run or an erasure, and what it found. */
public record RetentionRun(
        long id,
        LocalDate night,
        Instant startedAt,
        Instant finishedAt,
        String mode,
        int due,
        int held,
        int erased,
        int failed,
        int auditRowsExpired) {

    public static final String DRY_RUN = "DRY_RUN";
    public static final String ERASE = "ERASE";
}
