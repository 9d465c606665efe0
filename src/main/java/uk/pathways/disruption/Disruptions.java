package uk.pathways.disruption;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Agency;
import uk.pathways.agency.Privileged;
import uk.pathways.audit.AuditEntry;
import uk.pathways.audit.AuditTrail;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.References;
import uk.pathways.disruption.process.DisruptionOrderProcess;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * The disruption register's public API: record an entry (which starts its clocks, process {@code disruption-order}),
 * add a breach, record a review, a renewal or the outcome (which ends its clocks), and read entries. Every check of
 * input names the field (400); access is the callers' ({@link DisruptionAccess}); reads are audited by {@link #read}.
 */
@Service
@Transactional
public class Disruptions {

    static final String PREFIX = "DIS";
    static final int NOTE_MAX = 2000;
    static final int NOTES_MAX = 4000;

    private final DisruptionRepository repository;
    private final DisruptionProperties properties;
    private final DisruptionClocks clocks;
    private final References references;
    private final RuntimeService runtime;
    private final Privileged privileged;
    private final AuditTrail audit;

    Disruptions(
            DisruptionRepository repository,
            DisruptionProperties properties,
            DisruptionClocks clocks,
            References references,
            RuntimeService runtime,
            Privileged privileged,
            AuditTrail audit) {
        this.repository = repository;
        this.properties = properties;
        this.clocks = clocks;
        this.references = references;
        this.runtime = runtime;
        this.privileged = privileged;
        this.audit = audit;
    }

    /** Records the entry and starts its review (and, if it expires, expiry) clock; its id. */
    public Disruption record(NewDisruption input, Actor by, String door) {
        List<FieldProblem> problems = new ArrayList<>();
        DisruptionProperties.Tactic tactic = null;
        if (blank(input.tactic())) {
            problems.add(new FieldProblem("tactic", "Choose the tactic"));
        } else {
            tactic = properties.tactic(input.tactic().strip()).orElse(null);
            if (tactic == null) {
                problems.add(new FieldProblem(
                        "tactic",
                        "The tactic must be one of "
                                + String.join(", ", properties.wordings().keySet())));
            }
        }
        DisruptionRepository.Subject subject = null;
        if (blank(input.subjectId())) {
            problems.add(new FieldProblem("subjectId", "Enter the subject's id, like SUB-000123"));
        } else {
            subject = repository.subject(input.subjectId().strip()).orElse(null);
            if (subject == null) {
                problems.add(new FieldProblem("subjectId", "No subject of concern has the id " + input.subjectId()));
            }
        }
        List<String> caseIds = new ArrayList<>(new LinkedHashSet<>(input.caseIds().stream()
                .filter(c -> c != null && !c.isBlank())
                .map(String::strip)
                .toList()));
        for (int i = 0; i < caseIds.size(); i++) {
            if (caseIds.get(i).length() > 20 || !repository.caseExists(caseIds.get(i))) {
                problems.add(new FieldProblem("caseIds[" + i + "]", "No case has the id " + caseIds.get(i)));
            }
        }
        String servedBy = blank(input.servedBy()) ? null : input.servedBy().strip();
        if (servedBy == null) {
            problems.add(new FieldProblem("servedBy", "Enter the agency that served it, like police"));
        } else if (servedBy.length() > 100) {
            problems.add(new FieldProblem("servedBy", "The agency that served it must be 100 characters or fewer"));
        }
        String district = blank(input.district())
                ? (subject == null ? null : subject.district())
                : input.district().strip();
        if (district != null && district.length() > 100) {
            problems.add(new FieldProblem("district", "The district must be 100 characters or fewer"));
        }
        LocalDate today = Now.today();
        LocalDate servedOn = date(input.servedOn(), "servedOn", "the day it was served", problems);
        if (servedOn != null && servedOn.isAfter(today)) {
            problems.add(new FieldProblem("servedOn", "The day it was served cannot be in the future"));
        }
        LocalDate expiresOn = blank(input.expiresOn()) ? null : date(input.expiresOn(), "expiresOn", "", problems);
        if (tactic != null && tactic.expires() && blank(input.expiresOn())) {
            problems.add(new FieldProblem("expiresOn", "Enter the day the " + tactic.wording() + " expires"));
        }
        if (expiresOn != null && servedOn != null && !expiresOn.isAfter(servedOn)) {
            problems.add(new FieldProblem("expiresOn", "The expiry must be after the day it was served"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate reviewOn = servedOn.plus(tactic.review());
        String id = references.next(PREFIX);
        repository.insert(
                id,
                tactic.code(),
                subject.id(),
                district,
                servedBy,
                servedOn,
                expiresOn,
                reviewOn,
                by.userId(),
                agencyOf(by),
                Now.instant(),
                caseIds);
        changed(by, door, id, caseIds, "recorded");
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(DisruptionOrderProcess.DISRUPTION_ID, id);
        variables.put(DisruptionOrderProcess.REVIEW_AT, clocks.at(reviewOn));
        variables.put(DisruptionOrderProcess.HAS_EXPIRY, expiresOn != null);
        variables.put(DisruptionOrderProcess.EXPIRY_NOTICE_AT, expiresOn == null ? null : noticeAt(expiresOn));
        variables.put(DisruptionOrderProcess.DISRUPTION_ENDED, false);
        ProcessInstance instance =
                privileged.call(() -> runtime.startProcessInstanceByKey(DisruptionOrderProcess.KEY, id, variables));
        repository.started(id, instance.getId());
        return repository.find(id).orElseThrow();
    }

    /** Adds a breach (a day on or after it was served, not in the future, and what happened). */
    public Disruption.Breach addBreach(String id, String breachedOn, String note, Actor by, String door) {
        Disruption entry = existing(id);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate on = breach(entry, breachedOn, note, "breachedOn", "note", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.insertBreach(id, on, note.strip(), by.userId(), agencyOf(by), Now.instant());
        changed(by, door, id, entry.caseIds(), "breach added");
        List<Disruption.Breach> breaches = repository.find(id).orElseThrow().breaches();
        return breaches.stream()
                .filter(b -> b.breachedOn().equals(on))
                .reduce((a, b) -> b.id() > a.id() ? b : a)
                .orElseThrow();
    }

    /**
     * The outcome, from the register (page or API): the entry ends on {@code outcomeOn} and its clocks stop. Refused
     * (400, field {@code outcome}) if it had already ended.
     */
    public Disruption end(String id, String outcome, String outcomeOn, String notes, Actor by, String door) {
        Disruption entry = existing(id);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate on = outcome(entry, outcome, outcomeOn, notes, "outcome", "outcomeOn", "notes", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ended(entry, outcome, on, notes, by, door);
        if (entry.processInstanceId() != null) {
            privileged.run(() -> {
                if (runtime.createProcessInstanceQuery()
                                .processInstanceId(entry.processInstanceId())
                                .count()
                        > 0) {
                    runtime.deleteProcessInstance(entry.processInstanceId(), "Outcome recorded: " + outcome);
                }
            });
        }
        return repository.find(id).orElseThrow();
    }

    // ---- what the tasks record (uk.pathways.disruption.process); each checks its fields as the register does

    /** The review task: still needed (the next review date follows), or ended with its outcome. */
    public void reviewed(
            String id,
            boolean stillNeeded,
            String breachedOn,
            String breachNote,
            String outcome,
            String notes,
            Actor by) {
        Disruption entry = existing(id);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate breachDay = null;
        if (!blank(breachedOn) || !blank(breachNote)) {
            breachDay = breach(entry, breachedOn, breachNote, "breachedOn", "breachNote", problems);
        }
        LocalDate today = Now.today();
        if (!stillNeeded) {
            outcome(entry, outcome, today.toString(), notes, "outcome", "outcomeOn", "reviewNotes", problems);
        }
        if (notes != null && notes.length() > NOTES_MAX) {
            problems.add(new FieldProblem("reviewNotes", "The notes must be " + NOTES_MAX + " characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (breachDay != null) {
            repository.insertBreach(id, breachDay, breachNote.strip(), by.userId(), agencyOf(by), Now.instant());
        }
        changed(by, AuditEntry.DOOR_ENGINE, id, entry.caseIds(), "reviewed");
        if (stillNeeded) {
            LocalDate next = today.plus(properties
                    .tactic(entry.tactic())
                    .map(DisruptionProperties.Tactic::review)
                    .orElseThrow());
            repository.reviewOn(id, next);
            repository.insertReview(id, Disruption.REVIEWED, true, next, null, trim(notes), by.userId(), Now.instant());
        } else {
            repository.insertReview(
                    id, Disruption.REVIEWED, false, null, null, trim(notes), by.userId(), Now.instant());
            ended(entry, outcome, today, null, by, AuditEntry.DOOR_ENGINE);
        }
    }

    /** The expiry task: renewed to a later expiry. */
    public void renewed(String id, String newExpiry, String notes, Actor by) {
        Disruption entry = existing(id);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate expiry = date(newExpiry, "newExpiresOn", "the new expiry", problems);
        if (expiry != null && entry.expiresOn() != null && !expiry.isAfter(entry.expiresOn())) {
            problems.add(new FieldProblem("newExpiresOn", "The new expiry must be after " + entry.expiresOn()));
        }
        if (expiry != null && !expiry.isAfter(Now.today())) {
            problems.add(new FieldProblem("newExpiresOn", "The new expiry must be after today"));
        }
        if (notes != null && notes.length() > NOTES_MAX) {
            problems.add(new FieldProblem("expiryNotes", "The notes must be " + NOTES_MAX + " characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.expiresOn(id, expiry);
        changed(by, AuditEntry.DOOR_ENGINE, id, entry.caseIds(), "renewed");
        repository.insertReview(id, Disruption.RENEWED, true, null, expiry, trim(notes), by.userId(), Now.instant());
    }

    /** The expiry task: let lapse (on its expiry day) or another outcome (today). */
    public void endedAtExpiry(String id, String outcome, String notes, Actor by) {
        Disruption entry = existing(id);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate on = Disruption.LAPSED.equals(outcome) && entry.expiresOn() != null ? entry.expiresOn() : Now.today();
        outcome(entry, outcome, null, notes, "outcome", "outcomeOn", "expiryNotes", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ended(entry, outcome, on, notes, by, AuditEntry.DOOR_ENGINE);
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Optional<Disruption> find(String id) {
        return id == null ? Optional.empty() : repository.find(id.strip());
    }

    /** Reads an entry for someone already allowed it, and audits the read (one line per case it protects). */
    public Disruption read(Disruption entry, String userId, String agency, String door) {
        if (entry.caseIds().isEmpty()) {
            audit.recordAlone(userId, agency, AuditEntry.READ, door, null, "disruption " + entry.id(), null, null);
        }
        for (String caseId : entry.caseIds()) {
            audit.recordAlone(userId, agency, AuditEntry.READ, door, caseId, "disruption " + entry.id(), null, null);
        }
        return entry;
    }

    /** The register, newest served first; each listing audited as one read. */
    @Transactional(readOnly = true)
    public List<Disruption> list(boolean inForceOnly, int limit, String userId, String agency, String door) {
        List<Disruption> entries = repository.list(inForceOnly, Math.max(1, Math.min(limit, 500)));
        audit.recordAlone(
                userId,
                agency,
                AuditEntry.READ,
                door,
                null,
                "disruption register",
                entries.size() + " entries listed",
                null);
        return entries;
    }

    public DisruptionProperties properties() {
        return properties;
    }

    public java.util.Date noticeAt(LocalDate expiry) {
        LocalDate notice = clocks.noticeDay(expiry);
        return clocks.at(notice);
    }

    public java.util.Date reviewAt(LocalDate day) {
        return clocks.at(day);
    }

    // ----

    private void ended(Disruption entry, String outcome, LocalDate on, String notes, Actor by, String door) {
        if (!repository.end(entry.id(), outcome, on, by.userId())) {
            throw new InvalidInputException(List.of(new FieldProblem("outcome", "This entry has already ended")));
        }
        repository.insertReview(
                entry.id(), Disruption.ENDED, false, null, null, trim(notes), by.userId(), Now.instant());
        changed(by, door, entry.id(), entry.caseIds(), "ended: " + outcome);
    }

    /** A change, on the audit trail of each case the entry protects (or of none). */
    private void changed(Actor by, String door, String id, List<String> caseIds, String what) {
        if (caseIds.isEmpty()) {
            audit.record(by.userId(), by.agency(), AuditEntry.CHANGE, door, null, "disruption " + id, what, null);
        }
        for (String caseId : caseIds) {
            audit.record(by.userId(), by.agency(), AuditEntry.CHANGE, door, caseId, "disruption " + id, what, null);
        }
    }

    private Disruption existing(String id) {
        return find(id).orElseThrow(() -> new java.util.NoSuchElementException("no disruption " + id));
    }

    private LocalDate outcome(
            Disruption entry,
            String outcome,
            String outcomeOn,
            String notes,
            String outcomeField,
            String dayField,
            String notesField,
            List<FieldProblem> problems) {
        if (!entry.inForce()) {
            problems.add(new FieldProblem(outcomeField, "This entry has already ended"));
        }
        if (blank(outcome) || !Disruption.OUTCOMES.contains(outcome)) {
            problems.add(new FieldProblem(
                    outcomeField, "Choose the outcome: one of " + String.join(", ", Disruption.OUTCOMES)));
        }
        if (notes != null && notes.length() > NOTES_MAX) {
            problems.add(new FieldProblem(notesField, "The notes must be " + NOTES_MAX + " characters or fewer"));
        }
        if (outcomeOn == null) {
            return null;
        }
        LocalDate on = date(outcomeOn, dayField, "the day it ended", problems);
        if (on != null && on.isAfter(Now.today())) {
            problems.add(new FieldProblem(dayField, "The day it ended cannot be in the future"));
        }
        if (on != null && on.isBefore(entry.servedOn())) {
            problems.add(new FieldProblem(dayField, "The day it ended cannot be before it was served"));
        }
        return on;
    }

    private static LocalDate breach(
            Disruption entry,
            String breachedOn,
            String note,
            String dayField,
            String noteField,
            List<FieldProblem> problems) {
        LocalDate on = date(breachedOn, dayField, "the day of the breach", problems);
        if (on != null && on.isAfter(Now.today())) {
            problems.add(new FieldProblem(dayField, "The day of the breach cannot be in the future"));
        }
        if (on != null && on.isBefore(entry.servedOn())) {
            problems.add(new FieldProblem(dayField, "A breach cannot be before the day it was served"));
        }
        if (blank(note)) {
            problems.add(new FieldProblem(noteField, "Enter what happened"));
        } else if (note.length() > NOTE_MAX) {
            problems.add(new FieldProblem(noteField, "What happened must be " + NOTE_MAX + " characters or fewer"));
        }
        return on;
    }

    private static LocalDate date(String text, String field, String what, List<FieldProblem> problems) {
        if (blank(text)) {
            problems.add(new FieldProblem(field, "Enter " + (what.isEmpty() ? "the date" : what)));
            return null;
        }
        try {
            String t = text.strip();
            return t.length() <= 10
                    ? LocalDate.parse(t)
                    : java.time.OffsetDateTime.parse(t)
                            .atZoneSameInstant(Now.UK)
                            .toLocalDate();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date like 2027-01-15"));
            return null;
        }
    }

    private static String agencyOf(Actor by) {
        return by.agency() == null ? Agency.POLICE.groupId() : by.agency();
    }

    private static String trim(String notes) {
        return blank(notes) ? null : notes.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
