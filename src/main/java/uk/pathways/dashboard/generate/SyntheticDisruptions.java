package uk.pathways.dashboard.generate;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.pathways.calendar.Now;

/**
 * The disruption register's part of a synthetic history (issue 17): for some generated children, subjects of concern
 * (pw_subject) and the tactics served on them protecting the child's case, with breaches and outcomes, written with
 * plain SQL into the register's tables (V17, V19) so that the six-monthly disruption report can be checked against a
 * generated history. Entries are history: they carry no running clocks (an entry still in force at the history's end
 * has no review task). Every label is invented.
 */
@Component
class SyntheticDisruptions {

    /** The shipped tactics (application.yml pathways.disruption.tactics) and whether each expires. */
    static final String[] TACTICS = {"CAWN", "SRO", "SHPO", "LICENSING", "HOTELS", "TAXIS", "OTHER"};

    static final boolean[] EXPIRES = {true, true, true, false, false, false, false};

    static final String[] OUTCOMES = {"COMPLIED", "COMPLIED", "BREACHED_AND_CHARGED", "LAPSED", "REVOKED"};

    static final String[] SERVED_BY = {"police", "police", "police", "childrens-services"};

    private final JdbcTemplate jdbc;
    private final java.util.concurrent.atomic.AtomicLong serial = new java.util.concurrent.atomic.AtomicLong();
    private String run = "0000";

    SyntheticDisruptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new run: its ids start with a prefix of their own. */
    void begin(Random random) {
        run = Long.toString(36L * 36 * 36 + random.nextInt(35 * 36 * 36 * 36), 36);
        serial.set(0);
    }

    /**
     * For one generated child's case: with some chance, one to three tactics served after the referral, each on a subject
     * of its own, none served after {@code horizon}. Returns how many entries were made.
     */
    int forCase(String caseId, String district, Instant receivedAt, Instant horizon, String name, Random random) {
        if (random.nextDouble() >= 0.6) {
            return 0;
        }
        LocalDate end = LocalDate.ofInstant(horizon, Now.UK);
        int made = 0;
        int entries = 1 + random.nextInt(3);
        for (int i = 0; i < entries; i++) {
            LocalDate served = LocalDate.ofInstant(receivedAt, Now.UK).plusDays(random.nextInt(120));
            if (served.isAfter(end)) {
                continue;
            }
            int t = random.nextInt(TACTICS.length);
            String kind = t == 3 || t == 4 ? "LOCATION" : t == 5 ? "VEHICLE" : "PERSON";
            long n = serial.incrementAndGet();
            String subjectId = id("SUB-G", n);
            Instant at = served.atTime(11, 0).atZone(Now.UK).toInstant();
            jdbc.update(
                    """
                    insert into pw_subject (subject_id, kind, label, category, district, police_only, concern_level,
                      recorded_by, recorded_agency, recorded_at)
                    values (?, ?, ?, ?, ?, ?, 'STANDARD', 'gen-police-worker', 'police', ?)""",
                    subjectId,
                    kind,
                    "Synthetic subject " + name + "-" + i,
                    "PERSON".equals(kind) ? "SUSPECT" : "LOCATION".equals(kind) ? "HOTEL" : "TAXI",
                    district,
                    "PERSON".equals(kind),
                    at.atOffset(ZoneOffset.UTC));
            LocalDate expires = EXPIRES[t] ? served.plusYears(2) : null;
            LocalDate endedOn = served.plusDays(30 + random.nextInt(400));
            String outcome = null;
            if (!endedOn.isAfter(end)) {
                outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
                if (expires != null && "LAPSED".equals(outcome)) {
                    endedOn = expires.isAfter(end) ? endedOn : expires;
                }
            } else {
                endedOn = null;
            }
            String id = id("DIS-G", n);
            jdbc.update(
                    """
                    insert into pw_disruption (disruption_id, tactic, subject_id, district, served_by, served_on,
                      expires_on, review_on, outcome, outcome_on, outcome_by, recorded_by, recorded_agency, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'gen-police-worker', 'police', ?)""",
                    id,
                    TACTICS[t],
                    subjectId,
                    district,
                    SERVED_BY[random.nextInt(SERVED_BY.length)],
                    Date.valueOf(served),
                    expires == null ? null : Date.valueOf(expires),
                    Date.valueOf(served.plusMonths(3)),
                    outcome,
                    endedOn == null ? null : Date.valueOf(endedOn),
                    outcome == null ? null : "gen-police-worker",
                    at.atOffset(ZoneOffset.UTC));
            jdbc.update("insert into pw_disruption_case (disruption_id, case_id) values (?, ?)", id, caseId);
            int breaches = random.nextDouble() < 0.4 ? 1 + random.nextInt(2) : 0;
            for (int b = 0; b < breaches; b++) {
                LocalDate on = served.plusDays(1 + random.nextInt(90));
                if (on.isAfter(end) || (endedOn != null && on.isAfter(endedOn))) {
                    continue;
                }
                jdbc.update(
                        """
                        insert into pw_disruption_breach (disruption_id, breached_on, note, recorded_by, recorded_agency,
                          recorded_at) values (?, ?, 'Synthetic breach (generated)', 'gen-police-worker', 'police', ?)""",
                        id,
                        Date.valueOf(on),
                        on.atTime(15, 0).atZone(Now.UK).toOffsetDateTime());
            }
            made++;
        }
        return made;
    }

    /**
     * A generated id (at most 17 characters): the run's prefix and a serial number, never one the register's counter
     * gives (DIS-yyyy-nnnnnn) nor the subjects part's (SUB-nnnnnn).
     */
    private String id(String prefix, long n) {
        return prefix + run + "-" + Long.toString(n, 36);
    }
}
