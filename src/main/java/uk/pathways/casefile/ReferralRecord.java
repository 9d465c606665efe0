package uk.pathways.casefile;

import java.time.Instant;
import java.util.List;

/** A referral as the case record keeps it. {@code concerns} is sensitive: shown only to those who may read the case. */
public record ReferralRecord(
        String reference,
        String caseId,
        Instant receivedAt,
        String source,
        String referrerAgency,
        String referrerName,
        String referrerEmail,
        String concerns,
        List<String> indicators,
        int ageAtReferral,
        String processInstanceId,
        String status,
        String outcome,
        Instant closedAt) {}
