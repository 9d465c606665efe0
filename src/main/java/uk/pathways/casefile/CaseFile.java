package uk.pathways.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Actor;
import uk.pathways.calendar.Now;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/** The case record's public API: one child, one case; the referrals, decisions, entries and chronology of it. */
@Service
@Transactional
public class CaseFile {

    /** Work other than referrals that keeps a case open (missing episodes, for example). */
    public interface OpenWork {
        int openItems(String caseId);
    }

    public record OpenedCase(String caseId, boolean joinedExisting) {}

    private final CaseRepository cases;
    private final References references;
    private final ReopeningProperties reopening;
    private final ObjectProvider<OpenWork> otherOpenWork;

    private final org.springframework.context.ApplicationEventPublisher events;

    CaseFile(
            CaseRepository cases,
            References references,
            ObjectProvider<OpenWork> otherOpenWork,
            org.springframework.context.ApplicationEventPublisher events,
            ReopeningProperties reopening) {
        this.reopening = reopening;
        this.events = events;
        this.cases = cases;
        this.references = references;
        this.otherOpenWork = otherOpenWork;
    }

    /**
     * Finds the child's case or opens one (issue 16): an exact identifier joins the case holding it, before the name
     * and date of birth; otherwise the same first name, last name and date of birth join. A joined case gains the
     * identifiers and known-as names it did not have, and a name it did not know (a child joined by an identifier under
     * another name) as a known-as name. Refused as bad input naming the fields ({@link InvalidInputException}, 400),
     * with nothing changed: identifiers that point at different cases, an identifier whose case has another date of
     * birth, and an identifier that differs from the one the joined case holds.
     */
    public OpenedCase openOrJoin(ChildDetails child, String stage) {
        Map<String, String> given = child.identifiers().given();
        Map<String, String> matched = new LinkedHashMap<>();
        given.forEach((field, value) ->
                cases.findCaseIdByIdentifier(field, value).ifPresent(caseId -> matched.put(field, caseId)));
        Set<String> matchedCases = new LinkedHashSet<>(matched.values());
        if (matchedCases.size() > 1) {
            throw new InvalidInputException(matched.keySet().stream()
                    .map(field -> new FieldProblem(
                            "child." + field,
                            "The child's " + words(field) + " belongs to another child's case than the "
                                    + others(matched, field) + " given: check them, or ask MASH to merge the cases"))
                    .toList());
        }
        Optional<String> existing = matchedCases.isEmpty()
                ? cases.findCaseIdByChildKey(child.key())
                : Optional.of(matchedCases.iterator().next());
        if (existing.isPresent()) {
            String caseId = existing.get();
            CaseSummary current = cases.find(caseId).orElseThrow();
            if (CaseMerges.MERGED.equals(current.status())) {
                // a case merged into another (the same child) lives on in that one
                caseId = cases.survivorOf(caseId);
                current = cases.find(caseId).orElseThrow();
            }
            refuseConflicts(child, current, matched.keySet());
            cases.refreshChild(caseId, child);
            cases.addIdentifiers(caseId, child.identifiers());
            List<KnownAs> names = new ArrayList<>(child.knownAs());
            names.add(new KnownAs(child.firstName().strip(), child.lastName().strip()));
            cases.addKnownAs(caseId, names, Now.instant());
            if (!current.isOpen()) {
                cases.reopen(caseId, stage);
                events.publishEvent(new CaseReopened(
                        caseId,
                        current.closedAt(),
                        current.closureReason(),
                        withinReopeningPeriod(current.closedAt()),
                        reopening.within(),
                        Actor.SYSTEM,
                        Now.instant()));
            }
            return new OpenedCase(caseId, true);
        }
        String caseId = references.next("CASE");
        cases.insertCase(caseId, child, stage, Now.instant());
        return new OpenedCase(caseId, false);
    }

    /** A case joined by an identifier with another date of birth, or holding another value of an identifier given. */
    private static void refuseConflicts(ChildDetails child, CaseSummary current, Set<String> matchedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!matchedBy.isEmpty() && !current.child().dateOfBirth().equals(child.dateOfBirth())) {
            String by = matchedBy.iterator().next();
            problems.add(new FieldProblem(
                    "child.dateOfBirth",
                    "The child's " + words(by) + " belongs to a case whose child has another date of birth: check the "
                            + words(by) + " and the date of birth, or call MASH"));
        }
        Map<String, String> held = current.child().identifiers().given();
        child.identifiers().given().forEach((field, value) -> {
            if (held.containsKey(field) && !held.get(field).equals(value)) {
                problems.add(new FieldProblem(
                        "child." + field,
                        "The child's case holds another " + words(field) + ": check it, or call MASH"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String others(Map<String, String> matched, String field) {
        return matched.entrySet().stream()
                .filter(e -> !e.getValue().equals(matched.get(field)))
                .map(e -> words(e.getKey()))
                .distinct()
                .reduce((a, b) -> a + " and " + b)
                .orElse("other identifiers");
    }

    /** "nhsNumber" in words: "NHS number". */
    static String words(String field) {
        return switch (field) {
            case ChildIdentifiers.NHS_NUMBER -> "NHS number";
            case ChildIdentifiers.LOCAL_AUTHORITY_CHILD_ID -> "local authority child id";
            case ChildIdentifiers.UPN -> "unique pupil number";
            case ChildIdentifiers.POLICE_PERSON_ID -> "police person id";
            default -> field;
        };
    }

    /** Whether a case closed at {@code closedAt} is reopened with its history by new work today. */
    boolean withinReopeningPeriod(Instant closedAt) {
        return closedAt != null
                && !closedAt.atZone(Now.UK)
                        .toLocalDate()
                        .plus(reopening.within())
                        .isBefore(Now.today());
    }

    public void recordReferral(ReferralRecord referral, String createdBy) {
        cases.insertReferral(referral, createdBy);
    }

    public void linkProcess(String reference, String processInstanceId) {
        cases.linkProcess(reference, processInstanceId);
    }

    public String nextReference(String prefix) {
        return references.next(prefix);
    }

    /**
     * Makes an agency involved in the case by a decision of the pathway (contract section 8): the referring agency of
     * a new case, the agencies a screening or strategy meeting involves, those the pathway gives tasks, and an access
     * request a manager approved. A newly involved agency is chronicled with the decision and who made it.
     */
    public boolean involve(String caseId, String agency, String decision, Actor decidedBy) {
        boolean added = cases.involve(caseId, agency, decision, Now.instant());
        if (added) {
            // published, so that the chronology (ChronologyWriter) and the sharing log both record it
            events.publishEvent(new AgencyInvolved(caseId, agency, decision, decidedBy, Now.instant()));
        }
        return added;
    }

    /**
     * The agency leading the case now, which an agency outside it is told to call: MASH while a referral is screened,
     * the missing co-ordinator for a case opened by missing episodes, RISE while it supports the young person, and
     * children's services otherwise (early help, strategy meetings, closed cases).
     */
    @Transactional(readOnly = true)
    public String leadAgency(String caseId) {
        CaseSummary summary = cases.find(caseId).orElse(null);
        if (summary == null) {
            return null;
        }
        List<String> involved = cases.involvedAgencies(caseId);
        return switch (summary.stage() == null ? "" : summary.stage()) {
            case "SCREENING" -> uk.pathways.agency.Agency.MASH.groupId();
            case "MISSING" -> uk.pathways.agency.Agency.MISSING_COORDINATOR.groupId();
            case "SUPPORT" ->
                involved.contains(uk.pathways.agency.Agency.RISE.groupId())
                        ? uk.pathways.agency.Agency.RISE.groupId()
                        : uk.pathways.agency.Agency.CHILDRENS_SERVICES.groupId();
            default -> uk.pathways.agency.Agency.CHILDRENS_SERVICES.groupId();
        };
    }

    @Transactional(readOnly = true)
    public List<String> involvedAgencies(String caseId) {
        return cases.involvedAgencies(caseId);
    }

    /** Whether any of these groups (an agency or its managers) is involved in the case. */
    @Transactional(readOnly = true)
    public boolean involves(String caseId, Set<String> agencies) {
        return cases.involvedAgencies(caseId).stream().anyMatch(agencies::contains);
    }

    @Transactional(readOnly = true)
    public Optional<CaseSummary> find(String caseId) {
        return cases.find(caseId);
    }

    @Transactional(readOnly = true)
    public Optional<String> caseIdOfReference(String reference) {
        return cases.caseIdOfReference(reference);
    }

    @Transactional(readOnly = true)
    public List<ReferralRecord> referrals(String caseId) {
        return cases.referrals(caseId);
    }

    @Transactional(readOnly = true)
    public List<DecisionRecord> decisions(String caseId) {
        return cases.decisions(caseId);
    }

    @Transactional(readOnly = true)
    public List<ChronologyEntry> chronology(String caseId) {
        return cases.chronology(caseId);
    }

    /** Every entry of the case whatever its restriction, oldest first: for the sharing log and a subject access export. */
    @Transactional(readOnly = true)
    public List<CaseEntry> allEntries(String caseId) {
        return cases.entries(caseId);
    }

    /** The entries a reader of these agencies may see, oldest first: a restricted entry only to the agencies it names. */
    @Transactional(readOnly = true)
    public List<CaseEntry> entries(String caseId, Set<String> readerAgencies) {
        return cases.entries(caseId).stream()
                .filter(e -> e.visibleToAnyOf(readerAgencies))
                .toList();
    }

    public void recordDecision(DecisionRecord decision) {
        cases.insertDecision(decision);
        if (decision.riskLevel() != null && decision.pathway() != null) {
            cases.updateDecision(decision.caseId(), decision.riskLevel(), decision.pathway());
        }
        if (decision.exploitationType() != null) {
            cases.updateExploitationType(decision.caseId(), decision.exploitationType());
        }
    }

    /** Kinds of entry that are revised rather than added to: a new one supersedes the latest (both stay readable). */
    static final Set<String> REVISED = Set.of("safety-plan", "early-help-plan", "closure-strategy");

    public void recordEntry(String caseId, CaseEntry entry) {
        Long supersedes = entry.supersedes();
        if (supersedes == null && REVISED.contains(entry.kind())) {
            supersedes = cases.latestEntryId(caseId, entry.kind()).orElse(null);
        }
        cases.insertEntry(
                caseId,
                new CaseEntry(
                        0,
                        entry.kind(),
                        entry.recordedAt(),
                        entry.recordedBy(),
                        entry.agency(),
                        entry.taskId(),
                        entry.reference(),
                        entry.processInstanceId(),
                        entry.restrictedTo(),
                        supersedes,
                        entry.content()));
    }

    public void moveToStage(String caseId, String stage) {
        cases.updateStage(caseId, stage);
    }

    public boolean recordBreach(
            String caseId,
            String reference,
            String processInstanceId,
            String taskId,
            String taskKey,
            String taskName,
            String kind,
            Instant dueAt,
            String escalatedTo) {
        return cases.insertBreach(
                caseId,
                reference,
                processInstanceId,
                taskId,
                taskKey,
                taskName,
                kind,
                dueAt,
                Now.instant(),
                escalatedTo);
    }

    /** Ends a referral; the case closes when nothing else is open on it. Returns whether the case closed. */
    public boolean concludeReferral(String caseId, String reference, String outcome) {
        cases.concludeReferral(reference, outcome, Now.instant());
        return closeIfNothingOpen(caseId, outcome);
    }

    public boolean closeIfNothingOpen(String caseId, String reason) {
        int open = cases.openReferralCount(caseId);
        for (OpenWork work : otherOpenWork) {
            open += work.openItems(caseId);
        }
        if (open == 0) {
            cases.close(caseId, reason, Now.instant());
            return true;
        }
        return false;
    }

    public void chronicle(ChronicledEvent event) {
        cases.insertChronology(event);
    }
}
