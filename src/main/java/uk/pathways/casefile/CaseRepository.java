package uk.pathways.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.pathways.agency.Actor;
import uk.pathways.step.StepCache;
import uk.pathways.step.StepWrites;

/** SQL for the case record tables (V1__case_record.sql). */
@Repository
class CaseRepository {

    /** The agencies involved in a case, read once per step (a new task asks for each of its groups). */
    static final StepCache.Kind INVOLVED = new StepCache.Kind("involved agencies");

    private final JdbcTemplate jdbc;
    private final StepWrites writes;
    private final StepCache cache;

    CaseRepository(JdbcTemplate jdbc, StepWrites writes, StepCache cache) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.cache = cache;
    }

    Optional<String> findCaseIdByChildKey(String childKey) {
        return jdbc
                .query("select case_id from pw_case where child_key = ?", (rs, i) -> rs.getString(1), childKey)
                .stream()
                .findFirst();
    }

    /** The column of each identifier, by its API field name (V14__one_child_one_record.sql). */
    private static final java.util.Map<String, String> IDENTIFIER_COLUMNS = java.util.Map.of(
            ChildIdentifiers.NHS_NUMBER, "nhs_number",
            ChildIdentifiers.LOCAL_AUTHORITY_CHILD_ID, "la_child_id",
            ChildIdentifiers.UPN, "upn",
            ChildIdentifiers.POLICE_PERSON_ID, "police_person_id");

    /** The case holding this identifier (an API field name of {@link ChildIdentifiers}), if any: indexed, exact. */
    Optional<String> findCaseIdByIdentifier(String field, String value) {
        String column = IDENTIFIER_COLUMNS.get(field);
        return jdbc
                .query("select case_id from pw_case where " + column + " = ?", (rs, i) -> rs.getString(1), value)
                .stream()
                .findFirst();
    }

    /** Identifiers the case does not have yet are added; those it has are kept (a conflict is refused before). */
    void addIdentifiers(String caseId, ChildIdentifiers ids) {
        jdbc.update("""
                update pw_case set nhs_number = coalesce(nhs_number, ?), la_child_id = coalesce(la_child_id, ?),
                  upn = coalesce(upn, ?), police_person_id = coalesce(police_person_id, ?) where case_id = ?""", ids.nhsNumber(), ids.localAuthorityChildId(), ids.upn(), ids.policePersonId(), caseId);
    }

    /** Adds the names the case does not know yet (neither the child's own name nor a known-as name). */
    void addKnownAs(String caseId, List<KnownAs> names, Instant at) {
        CaseSummary current = find(caseId).orElseThrow();
        List<KnownAs> known = new java.util.ArrayList<>(current.child().knownAs());
        for (KnownAs name : names) {
            KnownAs full = name.completedBy(
                    current.child().firstName(), current.child().lastName());
            boolean isOwn =
                    full.sameAs(current.child().firstName(), current.child().lastName());
            boolean isKnown = known.stream()
                    .anyMatch(k -> k.completedBy(
                                    current.child().firstName(), current.child().lastName())
                            .sameAs(full.firstName(), full.lastName()));
            if (!isOwn && !isKnown) {
                jdbc.update(
                        "insert into pw_child_alias (case_id, first_name, last_name, added_at) values (?, ?, ?, ?)",
                        caseId,
                        name.firstName(),
                        name.lastName(),
                        ts(at));
                known.add(name);
            }
        }
    }

    List<KnownAs> knownAs(String caseId) {
        return jdbc.query(
                "select first_name, last_name from pw_child_alias where case_id = ? order by added_at, id",
                (rs, i) -> new KnownAs(rs.getString(1), rs.getString(2)),
                caseId);
    }

    /** The case a merged case lives on in (following merges not undone); the case itself if it was not merged. */
    String survivorOf(String caseId) {
        String current = caseId;
        for (int hops = 0; hops < 20; hops++) {
            List<String> into = jdbc.queryForList(
                    "select surviving_case_id from pw_case_merge where merged_case_id = ? and undone_at is null"
                            + " order by id desc",
                    String.class,
                    current);
            if (into.isEmpty()) {
                return current;
            }
            current = into.get(0);
        }
        return current;
    }

    void insertCase(String caseId, ChildDetails child, String stage, Instant openedAt) {
        ChildIdentifiers ids = child.identifiers();
        jdbc.update(
                """
                insert into pw_case (case_id, child_key, first_name, last_name, date_of_birth, gender, ethnicity, district,
                  looked_after, placing_authority, stage, status, opened_at, nhs_number, la_child_id, upn, police_person_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)""",
                caseId,
                child.key(),
                child.firstName().strip(),
                child.lastName().strip(),
                child.dateOfBirth(),
                child.gender(),
                child.ethnicity(),
                child.district(),
                child.lookedAfter(),
                child.placingAuthority(),
                stage,
                ts(openedAt),
                ids.nhsNumber(),
                ids.localAuthorityChildId(),
                ids.upn(),
                ids.policePersonId());
        addKnownAs(caseId, child.knownAs(), openedAt);
    }

    /** Newer details of the child (district, looked after) replace older ones; blanks do not erase. */
    void refreshChild(String caseId, ChildDetails child) {
        jdbc.update(
                """
                update pw_case set gender = coalesce(?, gender), ethnicity = coalesce(?, ethnicity),
                  district = coalesce(?, district), looked_after = ?, placing_authority = coalesce(?, placing_authority)
                where case_id = ?""",
                child.gender(),
                child.ethnicity(),
                child.district(),
                child.lookedAfter(),
                child.placingAuthority(),
                caseId);
    }

    void reopen(String caseId, String stage) {
        jdbc.update(
                "update pw_case set status = 'OPEN', stage = ?, closed_at = null, closure_reason = null where case_id = ?",
                stage,
                caseId);
    }

    Optional<CaseSummary> find(String caseId) {
        return jdbc.query("select * from pw_case where case_id = ?", CaseRepository::toSummary, caseId).stream()
                .findFirst()
                .map(this::withKnownAs);
    }

    private CaseSummary withKnownAs(CaseSummary s) {
        List<KnownAs> names = knownAs(s.caseId());
        if (names.isEmpty()) {
            return s;
        }
        ChildDetails c = s.child();
        return new CaseSummary(
                s.caseId(),
                new ChildDetails(
                        c.firstName(),
                        c.lastName(),
                        c.dateOfBirth(),
                        c.gender(),
                        c.ethnicity(),
                        c.district(),
                        c.lookedAfter(),
                        c.placingAuthority(),
                        c.identifiers(),
                        names),
                s.riskLevel(),
                s.pathway(),
                s.exploitationType(),
                s.stage(),
                s.status(),
                s.openedAt(),
                s.closedAt(),
                s.closureReason());
    }

    void updateDecision(String caseId, String riskLevel, String pathway) {
        jdbc.update("update pw_case set risk_level = ?, pathway = ? where case_id = ?", riskLevel, pathway, caseId);
    }

    void updateExploitationType(String caseId, String exploitationType) {
        jdbc.update("update pw_case set exploitation_type = ? where case_id = ?", exploitationType, caseId);
    }

    void updateStage(String caseId, String stage) {
        jdbc.update("update pw_case set stage = ? where case_id = ? and status = 'OPEN'", stage, caseId);
    }

    void close(String caseId, String reason, Instant at) {
        jdbc.update(
                "update pw_case set status = 'CLOSED', stage = 'CLOSED', closed_at = ?, closure_reason = ? where case_id = ?",
                ts(at),
                reason,
                caseId);
    }

    /** True if the agency was not involved before. */
    boolean involve(String caseId, String agency, String reason, Instant at) {
        List<String> involved = involved(caseId);
        if (!involved.contains(agency)) {
            jdbc.update(
                    "insert into pw_case_agency (case_id, agency, reason, since) values (?, ?, ?, ?)",
                    caseId,
                    agency,
                    truncate(reason, 100),
                    ts(at));
            involved.add(agency);
            return true;
        }
        return false;
    }

    List<String> involvedAgencies(String caseId) {
        return List.copyOf(involved(caseId));
    }

    /** The step's own copy of the case's involved agencies, which {@link #involve} keeps up to date. */
    private List<String> involved(String caseId) {
        return cache.get(
                INVOLVED,
                caseId,
                () -> new java.util.ArrayList<>(jdbc.queryForList(
                        "select agency from pw_case_agency where case_id = ? order by since, agency",
                        String.class,
                        caseId)));
    }

    void insertReferral(ReferralRecord r, String createdBy) {
        jdbc.update(
                """
                insert into pw_referral (reference, case_id, received_at, source, referrer_agency, referrer_name, referrer_email,
                  concerns, indicators, age_at_referral, process_instance_id, status, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.reference(),
                r.caseId(),
                ts(r.receivedAt()),
                r.source(),
                r.referrerAgency(),
                r.referrerName(),
                r.referrerEmail(),
                r.concerns(),
                String.join(",", r.indicators()),
                r.ageAtReferral(),
                r.processInstanceId(),
                r.status(),
                createdBy);
    }

    void linkProcess(String reference, String processInstanceId) {
        jdbc.update("update pw_referral set process_instance_id = ? where reference = ?", processInstanceId, reference);
    }

    void concludeReferral(String reference, String outcome, Instant at) {
        jdbc.update(
                "update pw_referral set status = 'CLOSED', outcome = ?, closed_at = ? where reference = ? and status <> 'CLOSED'",
                outcome,
                ts(at),
                reference);
    }

    int openReferralCount(String caseId) {
        return jdbc.queryForObject(
                "select count(*) from pw_referral where case_id = ? and status <> 'CLOSED'", Integer.class, caseId);
    }

    List<ReferralRecord> referrals(String caseId) {
        return jdbc.query(
                "select * from pw_referral where case_id = ? order by received_at",
                (rs, i) -> new ReferralRecord(
                        rs.getString("reference"),
                        rs.getString("case_id"),
                        instant(rs, "received_at"),
                        rs.getString("source"),
                        rs.getString("referrer_agency"),
                        rs.getString("referrer_name"),
                        rs.getString("referrer_email"),
                        rs.getString("concerns"),
                        split(rs.getString("indicators")),
                        rs.getInt("age_at_referral"),
                        rs.getString("process_instance_id"),
                        rs.getString("status"),
                        rs.getString("outcome"),
                        instant(rs, "closed_at")),
                caseId);
    }

    Optional<String> caseIdOfReference(String reference) {
        return jdbc
                .query("select case_id from pw_referral where reference = ?", (rs, i) -> rs.getString(1), reference)
                .stream()
                .findFirst();
    }

    void insertDecision(DecisionRecord d) {
        jdbc.update(
                """
                insert into pw_decision (case_id, referral_reference, kind, decided_at, decided_by, agency, age, screening_score,
                  indicators, disclosure, learning_disability, risk_level, pathway, outcome, exploitation_type)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                d.caseId(),
                d.reference(),
                d.kind(),
                ts(d.decidedAt()),
                d.decidedBy().userId(),
                d.decidedBy().agency(),
                d.age(),
                d.screeningScore(),
                d.indicators() == null ? null : String.join(",", d.indicators()),
                d.disclosure(),
                d.learningDisability(),
                d.riskLevel(),
                d.pathway(),
                d.outcome(),
                d.exploitationType());
    }

    List<DecisionRecord> decisions(String caseId) {
        return jdbc.query(
                "select * from pw_decision where case_id = ? order by decided_at, id",
                (rs, i) -> new DecisionRecord(
                        rs.getString("case_id"),
                        rs.getString("referral_reference"),
                        rs.getString("kind"),
                        instant(rs, "decided_at"),
                        new Actor(rs.getString("decided_by"), rs.getString("agency")),
                        (Integer) rs.getObject("age"),
                        (Integer) rs.getObject("screening_score"),
                        split(rs.getString("indicators")),
                        (Boolean) rs.getObject("disclosure"),
                        (Boolean) rs.getObject("learning_disability"),
                        rs.getString("risk_level"),
                        rs.getString("pathway"),
                        rs.getString("outcome"),
                        rs.getString("exploitation_type")),
                caseId);
    }

    /** Written with the step's other rows when its transaction commits ({@link StepWrites}). */
    void insertChronology(ChronicledEvent e) {
        writes.insert(
                """
                insert into pw_chronology (case_id, occurred_at, actor, agency, event_type, summary, reference, task_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                e.caseId(),
                ts(e.occurredAt()),
                e.actor().userId(),
                e.actor().agency(),
                e.eventType(),
                truncate(e.summary(), 2000),
                e.reference(),
                e.taskId());
    }

    List<ChronologyEntry> chronology(String caseId) {
        writes.flush();
        return jdbc.query(
                "select * from pw_chronology where case_id = ? order by occurred_at desc, id desc",
                (rs, i) -> new ChronologyEntry(
                        rs.getLong("id"),
                        instant(rs, "occurred_at"),
                        rs.getString("actor"),
                        rs.getString("agency"),
                        rs.getString("event_type"),
                        rs.getString("summary"),
                        rs.getString("reference")),
                caseId);
    }

    void insertEntry(String caseId, CaseEntry e) {
        String visibleTo = e.restrictedTo().isEmpty() ? null : String.join(",", e.restrictedTo());
        jdbc.update(
                """
                insert into pw_case_entry (case_id, kind, recorded_at, recorded_by, agency, task_id, reference,
                  process_instance_id, restricted_to, visible_to, supersedes_id, content)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                caseId,
                e.kind(),
                ts(e.recordedAt()),
                e.recordedBy(),
                e.agency(),
                e.taskId(),
                e.reference(),
                e.processInstanceId(),
                e.restrictedTo().size() == 1 ? e.restrictedTo().get(0) : null,
                visibleTo,
                e.supersedes(),
                e.content());
    }

    /** The case's entries, oldest first. */
    List<CaseEntry> entries(String caseId) {
        return jdbc.query(
                "select * from pw_case_entry where case_id = ? order by recorded_at, id",
                CaseRepository::toEntry,
                caseId);
    }

    /** The latest entry of this kind on the case, if any (the one a revision supersedes). */
    Optional<Long> latestEntryId(String caseId, String kind) {
        return jdbc
                .query(
                        "select id from pw_case_entry where case_id = ? and kind = ? order by recorded_at desc, id desc",
                        (rs, i) -> rs.getLong(1),
                        caseId,
                        kind)
                .stream()
                .findFirst();
    }

    private static CaseEntry toEntry(ResultSet rs, int row) throws SQLException {
        Object supersedes = rs.getObject("supersedes_id");
        return new CaseEntry(
                rs.getLong("id"),
                rs.getString("kind"),
                instant(rs, "recorded_at"),
                rs.getString("recorded_by"),
                rs.getString("agency"),
                rs.getString("task_id"),
                rs.getString("reference"),
                rs.getString("process_instance_id"),
                split(rs.getString("visible_to")),
                supersedes == null ? null : ((Number) supersedes).longValue(),
                rs.getString("content"));
    }

    /** Records a clock breach once per task and kind; false if it was already recorded (a job run twice). */
    boolean insertBreach(
            String caseId,
            String reference,
            String processInstanceId,
            String taskId,
            String taskKey,
            String taskName,
            String kind,
            Instant dueAt,
            Instant breachedAt,
            String escalatedTo) {
        Integer known = jdbc.queryForObject(
                "select count(*) from pw_clock_breach where task_id = ? and kind = ?", Integer.class, taskId, kind);
        if (known > 0) {
            return false;
        }
        jdbc.update(
                """
                insert into pw_clock_breach (case_id, reference, process_instance_id, task_id, task_key, task_name, kind, due_at,
                  breached_at, escalated_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                caseId,
                reference,
                processInstanceId,
                taskId,
                taskKey,
                taskName,
                kind,
                ts(dueAt),
                ts(breachedAt),
                escalatedTo);
        return true;
    }

    private static CaseSummary toSummary(ResultSet rs, int row) throws SQLException {
        ChildDetails child = new ChildDetails(
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getObject("date_of_birth", java.time.LocalDate.class),
                rs.getString("gender"),
                rs.getString("ethnicity"),
                rs.getString("district"),
                rs.getBoolean("looked_after"),
                rs.getString("placing_authority"),
                new ChildIdentifiers(
                        rs.getString("nhs_number"),
                        rs.getString("la_child_id"),
                        rs.getString("upn"),
                        rs.getString("police_person_id")),
                List.of());
        return new CaseSummary(
                rs.getString("case_id"),
                child,
                rs.getString("risk_level"),
                rs.getString("pathway"),
                rs.getString("exploitation_type"),
                rs.getString("stage"),
                rs.getString("status"),
                instant(rs, "opened_at"),
                instant(rs, "closed_at"),
                rs.getString("closure_reason"));
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
