package uk.pathways.sharing.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.audit.AuditTrail;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.casefile.CaseEntry;
import uk.pathways.casefile.CaseExported;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseSummary;
import uk.pathways.sharing.ConsentPosition;
import uk.pathways.sharing.SharingConsent;
import uk.pathways.sharing.SharingLog;

/**
 * Everything Pathways holds about a child, for a data protection officer answering a subject access request (UK GDPR
 * Article 15), through a system administrator's account: the child, every case record entry whatever its restriction
 * (each marked with who may read it), the referrals, the decisions, the chronology, the sharing log, the consent
 * position for sharing (in force, and every one recorded) and the audit of who read the case. Entries and consent
 * positions with free text are listed for review before disclosure: they may hold third parties' information. The same export is given as JSON and as PDF; each is audited and written to the sharing log.
 */
@Component
class SubjectAccessExport {

    static final String REVIEW = "Free text recorded by agencies may hold third parties' information (other people's"
            + " names, intelligence): review and redact before disclosure.";

    private final CaseFile caseFile;
    private final CaseAccess access;
    private final SharingLog sharing;
    private final SharingConsent consent;
    private final AuditTrail audit;
    private final Actors actors;
    private final ApplicationEventPublisher events;

    SubjectAccessExport(
            CaseFile caseFile,
            CaseAccess access,
            SharingLog sharing,
            SharingConsent consent,
            AuditTrail audit,
            Actors actors,
            ApplicationEventPublisher events) {
        this.caseFile = caseFile;
        this.access = access;
        this.sharing = sharing;
        this.consent = consent;
        this.audit = audit;
        this.actors = actors;
        this.events = events;
    }

    /** The export of a case for {@code userId} at a door ("API", "PAGE"), as {@code form} ("JSON", "PDF"). */
    Map<String, Object> export(String caseId, String userId, String door, String form) {
        CaseSummary summary = caseFile.find(caseId).orElseThrow(() -> new NoSuchElementException("No case " + caseId));
        if (!actors.groupsOf(userId).contains(Agency.CAMUNDA_ADMIN)) {
            throw new AccessDeniedException("A subject access export is for a data protection officer, through a"
                    + " system administrator's account");
        }
        access.recordRead(userId, caseId, door, "subject access export");
        List<CaseEntry> entries = caseFile.allEntries(caseId);
        List<Map<String, Object>> record = new ArrayList<>();
        List<String> review = new ArrayList<>();
        for (CaseEntry e : entries) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", String.valueOf(e.id()));
            entry.put("kind", e.kind());
            entry.put("agency", e.agency());
            entry.put("recordedBy", e.recordedBy());
            entry.put("recordedAt", e.recordedAt());
            entry.put("reference", e.reference());
            entry.put("restrictedTo", e.restricted() ? e.restrictedTo() : List.of());
            entry.put("content", e.content());
            record.add(entry);
            if (e.content() != null && e.content().length() > 2) {
                review.add(String.valueOf(e.id()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("caseId", caseId);
        out.put("generatedAt", Instant.now());
        out.put("generatedBy", userId);
        out.put("child", summary.child());
        out.put("status", summary.status());
        out.put("involvedAgencies", caseFile.involvedAgencies(caseId));
        out.put("referrals", caseFile.referrals(caseId));
        out.put("decisions", caseFile.decisions(caseId));
        out.put("record", record);
        out.put("chronology", caseFile.chronology(caseId));
        out.put("sharingLog", sharing.of(caseId));
        List<ConsentPosition> consents = consent.history(caseId);
        out.put("consentInForce", consent.inForce(caseId, consents));
        out.put("consent", consents);
        out.put("audit", audit.ofCase(caseId));
        // a consent position's reason is free text too (it may name a parent, or what they are suspected of)
        List<String> consentReview = consents.stream()
                .filter(c -> c.reason() != null)
                .map(c -> String.valueOf(c.id()))
                .toList();
        out.put("reviewBeforeDisclosure", Map.of("entries", review, "consent", consentReview, "why", REVIEW));
        events.publishEvent(new CaseExported(
                caseId,
                "Subject access export, " + form + " (" + record.size() + " entries)",
                actors.of(userId, List.of()),
                Now.instant()));
        return out;
    }
}
