package uk.pathways.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.pathways.calendar.Now;

/** The case record's public API: one child, one case; the referrals, decisions, entries and chronology of it. */
@Service
@Transactional
public class CaseFile {

    /** Work other than referrals that keeps a case open (missing episodes, for example). */
    public interface OpenWork {
        int openItems(String caseId);
    }

    public record OpenedCase(String caseId, boolean joinedExisting) {
    }

    private final CaseRepository cases;
    private final References references;
    private final ObjectProvider<OpenWork> otherOpenWork;

    CaseFile(CaseRepository cases, References references, ObjectProvider<OpenWork> otherOpenWork) {
        this.cases = cases;
        this.references = references;
        this.otherOpenWork = otherOpenWork;
    }

    /** Finds the child's case (same first name, last name and date of birth) or opens one. */
    public OpenedCase openOrJoin(ChildDetails child, String stage) {
        Optional<String> existing = cases.findCaseIdByChildKey(child.key());
        if (existing.isPresent()) {
            String caseId = existing.get();
            cases.refreshChild(caseId, child);
            CaseSummary current = cases.find(caseId).orElseThrow();
            if (!current.isOpen()) {
                cases.reopen(caseId, stage);
            }
            return new OpenedCase(caseId, true);
        }
        String caseId = references.next("CASE");
        cases.insertCase(caseId, child, stage, Now.instant());
        return new OpenedCase(caseId, false);
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

    public void involve(String caseId, String agency, String reason) {
        cases.involve(caseId, agency, reason, Now.instant());
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

    /** The sensitive entries a reader of these agencies may see: restricted entries only to their agency. */
    @Transactional(readOnly = true)
    public List<CaseEntry> entries(String caseId, Set<String> readerAgencies) {
        return cases.entries(caseId).stream()
                .filter(e -> e.restrictedTo() == null || readerAgencies.contains(e.restrictedTo()))
                .toList();
    }

    public void recordDecision(DecisionRecord decision) {
        cases.insertDecision(decision);
        if (decision.riskLevel() != null && decision.pathway() != null) {
            cases.updateDecision(decision.caseId(), decision.riskLevel(), decision.pathway());
        }
    }

    public void recordEntry(String caseId, CaseEntry entry) {
        cases.insertEntry(caseId, entry);
    }

    public void moveToStage(String caseId, String stage) {
        cases.updateStage(caseId, stage);
    }

    public boolean recordBreach(String caseId, String reference, String processInstanceId, String taskId, String taskKey,
                                String taskName, String kind, Instant dueAt, String escalatedTo) {
        return cases.insertBreach(caseId, reference, processInstanceId, taskId, taskKey, taskName, kind, dueAt,
                Now.instant(), escalatedTo);
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
