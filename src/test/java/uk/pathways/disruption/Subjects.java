package uk.pathways.disruption;

import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.pathways.calendar.Now;

/**
 * Synthetic subjects of concern for the register's tests, written straight into pw_subject (V17) until the subjects
 * part of issue 17 offers its API. Every label is invented.
 */
final class Subjects {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 400_000) + 500_000);

    private Subjects() {}

    /** A person of concern (police only, as persons are by default). */
    static String person(JdbcTemplate jdbc, String label) {
        return insert(jdbc, "PERSON", "SUSPECT", label, "Corby", true);
    }

    /** A location of concern that partners may know of (not police only). */
    static String location(JdbcTemplate jdbc, String label, String district) {
        return insert(jdbc, "LOCATION", "HOTEL", label, district, false);
    }

    static String insert(
            JdbcTemplate jdbc, String kind, String category, String label, String district, boolean policeOnly) {
        String id = String.format("SUB-%06d", NEXT.incrementAndGet());
        jdbc.update(
                """
                insert into pw_subject (subject_id, kind, label, category, district, police_only, concern_level,
                  recorded_by, recorded_agency, recorded_at) values (?, ?, ?, ?, ?, ?, 'STANDARD', 'police-worker',
                  'police', ?)""",
                id,
                kind,
                label,
                category,
                district,
                policeOnly,
                Now.instant().atOffset(ZoneOffset.UTC));
        return id;
    }
}
