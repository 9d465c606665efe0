package uk.pathways.casefile;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Privileged;
import uk.pathways.calendar.Now;
import uk.pathways.step.StepCache;
import uk.pathways.step.StepWrites;
import uk.pathways.web.ConflictException;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * Two cases that are the same child, brought together by a member of {@code mash-managers} with a reason (issue 16):
 * the merged case's referrals, decisions, record entries, clock breaches and chronology move to the surviving case,
 * its agencies become involved in it, its identifiers and names become the surviving child's (the merged child's name
 * as a known-as name), its running pathways carry the surviving case id, and other capabilities move their own rows
 * on {@link CasesMerged} (the missing episodes, with the repeat-missing rule recounted). The merged case stays, marked
 * {@code MERGED}, with a chronology line naming the surviving one. Every row moved or added is kept in the ledger, so
 * that an undo takes back exactly those; what was recorded on the surviving case after the merge stays there.
 */
@Service
@Transactional
public class CaseMerges {

    public static final String MANAGERS = "mash-managers";
    public static final String MERGED = "MERGED";

    /** A merge as the case page and {@code GET /api/cases/{caseId}} show it. */
    public record Merge(
            long id,
            String survivingCaseId,
            String mergedCaseId,
            String reason,
            String mergedBy,
            Instant mergedAt,
            String undoneBy,
            Instant undoneAt,
            String undoReason) {

        public boolean undone() {
            return undoneAt != null;
        }
    }

    /** The case record's own tables whose rows move with the case (by their numeric id); RISE's onward referrals too. */
    private static final List<String> MOVED_BY_ID = List.of(
            "pw_decision", "pw_case_entry", "pw_clock_breach", "pw_chronology", "pw_child_alias", "pw_onward_referral");

    private static final Map<String, String> IDENTIFIER_COLUMNS = Map.of(
            ChildIdentifiers.NHS_NUMBER, "nhs_number",
            ChildIdentifiers.LOCAL_AUTHORITY_CHILD_ID, "la_child_id",
            ChildIdentifiers.UPN, "upn",
            ChildIdentifiers.POLICE_PERSON_ID, "police_person_id");

    private final JdbcTemplate jdbc;
    private final CaseRepository cases;
    private final CaseFile caseFile;
    private final Actors actors;
    private final RuntimeService runtime;
    private final Privileged privileged;
    private final ApplicationEventPublisher events;
    private final StepWrites writes;
    private final StepCache cache;

    CaseMerges(
            JdbcTemplate jdbc,
            CaseRepository cases,
            CaseFile caseFile,
            Actors actors,
            RuntimeService runtime,
            Privileged privileged,
            ApplicationEventPublisher events,
            StepWrites writes,
            StepCache cache) {
        this.writes = writes;
        this.cache = cache;
        this.jdbc = jdbc;
        this.cases = cases;
        this.caseFile = caseFile;
        this.actors = actors;
        this.runtime = runtime;
        this.privileged = privileged;
        this.events = events;
    }

    /** Whether this user may merge cases and undo merges. */
    @Transactional(readOnly = true)
    public boolean mayMerge(String userId) {
        return actors.groupsOf(userId).contains(MANAGERS);
    }

    /**
     * Merges {@code mergedCaseId} into {@code survivingCaseId}. Refused: 403 for anyone outside {@code mash-managers};
     * 404 for no such case; 400 naming {@code reason} or {@code mergedCaseId} (no reason, the same case); 409 for a case
     * already merged, or cases holding different values of one identifier (not the same child).
     */
    public Merge merge(String survivingCaseId, String mergedCaseId, String reason, String userId) {
        requireManager(userId);
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "Enter why these cases are the same child"));
        } else if (reason.strip().length() > 1000) {
            problems.add(new FieldProblem("reason", "The reason must be 1000 characters or fewer"));
        }
        if (mergedCaseId == null || mergedCaseId.isBlank()) {
            problems.add(new FieldProblem("mergedCaseId", "Enter the case to merge into this one"));
        } else if (mergedCaseId.equals(survivingCaseId)) {
            problems.add(new FieldProblem("mergedCaseId", "A case cannot be merged into itself"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CaseSummary surviving = lockedCase(survivingCaseId);
        CaseSummary merged = lockedCase(mergedCaseId);
        if (MERGED.equals(surviving.status()) || MERGED.equals(merged.status())) {
            throw new ConflictException("Case " + (MERGED.equals(merged.status()) ? mergedCaseId : survivingCaseId)
                    + " was merged already; merge into the case it was merged into");
        }
        Map<String, String> ours = surviving.child().identifiers().given();
        Map<String, String> theirs = merged.child().identifiers().given();
        for (Map.Entry<String, String> id : theirs.entrySet()) {
            if (ours.containsKey(id.getKey()) && !ours.get(id.getKey()).equals(id.getValue())) {
                throw new ConflictException(
                        "The cases hold different " + CaseFile.words(id.getKey()) + "s: they are not the same child");
            }
        }
        Actor actor = actors.of(userId, List.of(MANAGERS));
        Instant now = Now.instant();
        long id = insertMerge(surviving, merged, reason.strip(), userId, now);

        // the record's rows, with those this transaction has yet to write (StepWrites) written first
        writes.flush();
        cache.clear();
        for (String table : MOVED_BY_ID) {
            List<Long> rows =
                    jdbc.queryForList("select id from " + table + " where case_id = ?", Long.class, mergedCaseId);
            for (Long row : rows) {
                ledger(id, table, String.valueOf(row));
            }
            jdbc.update("update " + table + " set case_id = ? where case_id = ?", survivingCaseId, mergedCaseId);
        }
        for (String reference :
                jdbc.queryForList("select reference from pw_referral where case_id = ?", String.class, mergedCaseId)) {
            ledger(id, "pw_referral", reference);
        }
        jdbc.update("update pw_referral set case_id = ? where case_id = ?", survivingCaseId, mergedCaseId);

        // the child: identifiers the surviving case lacks, and the merged child's name as a known-as name
        theirs.forEach((field, value) -> {
            if (!ours.containsKey(field)) {
                String column = IDENTIFIER_COLUMNS.get(field);
                jdbc.update("update pw_case set " + column + " = null where case_id = ?", mergedCaseId);
                jdbc.update("update pw_case set " + column + " = ? where case_id = ?", value, survivingCaseId);
                ledger(id, "identifier", field);
            }
        });
        ChildDetails m = merged.child();
        if (!new KnownAs(m.firstName(), m.lastName())
                .sameAs(surviving.child().firstName(), surviving.child().lastName())) {
            jdbc.update(
                    "insert into pw_child_alias (case_id, first_name, last_name, added_at) values (?, ?, ?, ?)",
                    survivingCaseId,
                    m.firstName(),
                    m.lastName(),
                    now.atOffset(ZoneOffset.UTC));
            Long alias = jdbc.queryForObject(
                    "select max(id) from pw_child_alias where case_id = ?", Long.class, survivingCaseId);
            ledger(id, "alias-added", String.valueOf(alias));
        }

        // the running pathways of the merged case now serve the surviving one
        for (ProcessInstance instance : privileged.call(() -> runtime.createProcessInstanceQuery()
                .variableValueEquals(CaseVariables.CASE_ID, mergedCaseId)
                .list())) {
            privileged.run(() -> runtime.setVariable(instance.getId(), CaseVariables.CASE_ID, survivingCaseId));
            ledger(id, "process", instance.getId());
        }

        // the merged case's agencies are involved in the surviving case (chronicled and in the sharing log)
        for (String agency : cases.involvedAgencies(mergedCaseId)) {
            if (caseFile.involve(survivingCaseId, agency, "case " + mergedCaseId + " merged into this case", actor)) {
                ledger(id, "agency", agency);
            }
        }

        boolean mergedWasOpen = merged.isOpen();
        jdbc.update(
                "update pw_case set status = ?, stage = ?, closed_at = ?, closure_reason = ? where case_id = ?",
                MERGED,
                MERGED,
                now.atOffset(ZoneOffset.UTC),
                "Merged into " + survivingCaseId,
                mergedCaseId);
        if (mergedWasOpen && !surviving.isOpen()) {
            cases.reopen(survivingCaseId, merged.stage());
        }
        note(
                survivingCaseId,
                "CASES_MERGED",
                "Case " + mergedCaseId + " (" + name(merged) + ") was merged into this case: " + reason.strip(),
                actor,
                now);
        note(
                mergedCaseId,
                "CASES_MERGED",
                "This case was merged into case " + survivingCaseId + ": " + reason.strip(),
                actor,
                now);
        events.publishEvent(new CasesMerged(id, survivingCaseId, mergedCaseId, reason.strip(), actor, now));
        return find(id).orElseThrow();
    }

    /**
     * Undoes a merge: every row it moved goes back to the merged case, what it added goes, and both cases are as they
     * were (the surviving one closes again if it was closed and nothing else is open). 403 outside
     * {@code mash-managers}; 404 for no such merge of this case; 400 without a reason; 409 if undone already.
     */
    public Merge undo(String survivingCaseId, long mergeId, String reason, String userId) {
        requireManager(userId);
        if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "reason",
                    reason == null || reason.isBlank()
                            ? "Enter why the merge is undone"
                            : "The reason must be 1000 characters or fewer")));
        }
        Merge merge = find(mergeId)
                .filter(m -> m.survivingCaseId().equals(survivingCaseId))
                .orElseThrow(() -> new NoSuchElementException("No merge " + mergeId + " into case " + survivingCaseId));
        lockedCase(survivingCaseId);
        lockedCase(merge.mergedCaseId());
        int undone = jdbc.update(
                "update pw_case_merge set undone_by = ?, undone_at = ?, undo_reason = ? where id = ? and undone_at is null",
                userId,
                Now.instant().atOffset(ZoneOffset.UTC),
                reason.strip(),
                mergeId);
        if (undone == 0) {
            throw new ConflictException("Merge " + mergeId + " was undone already");
        }
        String merged = merge.mergedCaseId();
        Actor actor = actors.of(userId, List.of(MANAGERS));
        Instant now = Now.instant();

        // the other capabilities first, while the ledger still names what they moved
        events.publishEvent(new CaseMergeUndone(mergeId, survivingCaseId, merged, reason.strip(), actor, now));
        writes.flush();
        cache.clear();
        for (String table : MOVED_BY_ID) {
            for (String row : moved(mergeId, table)) {
                jdbc.update("update " + table + " set case_id = ? where id = ?", merged, Long.valueOf(row));
            }
        }
        for (String reference : moved(mergeId, "pw_referral")) {
            jdbc.update("update pw_referral set case_id = ? where reference = ?", merged, reference);
        }
        for (String field : moved(mergeId, "identifier")) {
            String column = IDENTIFIER_COLUMNS.get(field);
            String value = jdbc.queryForObject(
                    "select " + column + " from pw_case where case_id = ?", String.class, survivingCaseId);
            jdbc.update("update pw_case set " + column + " = null where case_id = ?", survivingCaseId);
            jdbc.update("update pw_case set " + column + " = ? where case_id = ?", value, merged);
        }
        for (String alias : moved(mergeId, "alias-added")) {
            jdbc.update("delete from pw_child_alias where id = ?", Long.valueOf(alias));
        }
        for (String instance : moved(mergeId, "process")) {
            privileged.run(() -> {
                if (runtime.createProcessInstanceQuery()
                                .processInstanceId(instance)
                                .count()
                        > 0) {
                    runtime.setVariable(instance, CaseVariables.CASE_ID, merged);
                }
            });
        }
        for (String agency : moved(mergeId, "agency")) {
            jdbc.update("delete from pw_case_agency where case_id = ? and agency = ?", survivingCaseId, agency);
        }
        cache.clear(); // the surviving case's involved agencies changed outside CaseRepository.involve
        Map<String, Object> before = jdbc.queryForMap(
                "select surviving_status, merged_status, merged_stage from pw_case_merge where id = ?", mergeId);
        jdbc.update(
                "update pw_case set status = ?, stage = ?, closed_at = null, closure_reason = null where case_id = ?",
                before.get("merged_status"),
                before.get("merged_stage"),
                merged);
        if ("CLOSED".equals(before.get("merged_status"))) {
            jdbc.update(
                    "update pw_case set stage = 'CLOSED', closed_at = ?, closure_reason = ? where case_id = ?",
                    now.atOffset(ZoneOffset.UTC),
                    "Closed again when the merge into " + survivingCaseId + " was undone",
                    merged);
        }
        if ("CLOSED".equals(before.get("surviving_status"))) {
            caseFile.closeIfNothingOpen(survivingCaseId, "Closed again when the merge of " + merged + " was undone");
        }
        note(
                survivingCaseId,
                "CASE_MERGE_UNDONE",
                "The merge of case " + merged + " was undone: " + reason.strip(),
                actor,
                now);
        note(
                merged,
                "CASE_MERGE_UNDONE",
                "The merge into case " + survivingCaseId + " was undone: " + reason.strip(),
                actor,
                now);
        return find(mergeId).orElseThrow();
    }

    /** The merges a case took part in, surviving or merged, newest first. */
    @Transactional(readOnly = true)
    public List<Merge> of(String caseId) {
        return jdbc.query(
                "select * from pw_case_merge where surviving_case_id = ? or merged_case_id = ? order by merged_at desc, id desc",
                (rs, i) -> toMerge(rs),
                caseId,
                caseId);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Merge> find(long mergeId) {
        return jdbc.query("select * from pw_case_merge where id = ?", (rs, i) -> toMerge(rs), mergeId).stream()
                .findFirst();
    }

    /** For other capabilities: a row of theirs ({@code kind}, its key) that this merge moved, for the undo. */
    public void ledger(long mergeId, String kind, String key) {
        jdbc.update("insert into pw_case_merge_row (merge_id, kind, row_key) values (?, ?, ?)", mergeId, kind, key);
    }

    /** The keys of the rows of this kind the merge moved. */
    @Transactional(readOnly = true)
    public List<String> moved(long mergeId, String kind) {
        return jdbc.queryForList(
                "select row_key from pw_case_merge_row where merge_id = ? and kind = ?", String.class, mergeId, kind);
    }

    private void requireManager(String userId) {
        if (!mayMerge(userId)) {
            throw new AccessDeniedException("Only a member of " + MANAGERS + " may merge cases or undo a merge");
        }
    }

    private CaseSummary lockedCase(String caseId) {
        jdbc.queryForList("select case_id from pw_case where case_id = ? for update", String.class, caseId);
        return cases.find(caseId).orElseThrow(() -> new NoSuchElementException("No case " + caseId));
    }

    private long insertMerge(CaseSummary surviving, CaseSummary merged, String reason, String userId, Instant at) {
        jdbc.update(
                """
                insert into pw_case_merge (surviving_case_id, merged_case_id, reason, merged_by, merged_at,
                  surviving_status, surviving_stage, merged_status, merged_stage) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                surviving.caseId(),
                merged.caseId(),
                reason,
                userId,
                at.atOffset(ZoneOffset.UTC),
                surviving.status(),
                surviving.stage(),
                merged.status(),
                merged.stage());
        return jdbc.queryForObject(
                "select max(id) from pw_case_merge where surviving_case_id = ? and merged_case_id = ?",
                Long.class,
                surviving.caseId(),
                merged.caseId());
    }

    private void note(String caseId, String type, String summary, Actor actor, Instant at) {
        cases.insertChronology(new MergeNoted(caseId, type, summary, actor, at));
    }

    private static String name(CaseSummary summary) {
        return summary.child().firstName() + " " + summary.child().lastName();
    }

    private static Merge toMerge(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Merge(
                rs.getLong("id"),
                rs.getString("surviving_case_id"),
                rs.getString("merged_case_id"),
                rs.getString("reason"),
                rs.getString("merged_by"),
                CaseRepository.instant(rs, "merged_at"),
                rs.getString("undone_by"),
                CaseRepository.instant(rs, "undone_at"),
                rs.getString("undo_reason"));
    }

    private record MergeNoted(String caseId, String eventType, String summary, Actor actor, Instant occurredAt)
            implements ChronicledEvent {

        @Override
        public String reference() {
            return null;
        }
    }
}
