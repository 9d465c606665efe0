package uk.pathways.missing;

import java.time.Instant;
import java.util.List;

/** A missing episode as the case record keeps it; {@code referrals} are the CSE referrals it is linked to. */
public record MissingEpisode(
        String reference,
        String caseId,
        Instant reportedAt,
        String source,
        String reportedBy,
        String reporterAgency,
        Instant missingSince,
        String policeReference,
        String policeRisk,
        String episodeType,
        String placingAuthority,
        boolean outOfArea,
        String status,
        Instant returnedAt,
        Instant strategyMeetingCalledAt,
        Instant rhiDueAt,
        Instant rhiCompletedAt,
        Boolean rhiOffered,
        Boolean rhiAccepted,
        Boolean cseConcern,
        String processInstanceId,
        Instant closedAt,
        List<LinkedReferral> referrals) {

    public static final String MISSING = "MISSING";
    public static final String RETURNED = "RETURNED";
    public static final String CLOSED = "CLOSED";

    /** A CSE referral started from this episode: {@code reason} is CSE_CONCERN or REPEAT_MISSING. */
    public record LinkedReferral(String referralReference, String reason, Instant linkedAt) {}

    public boolean isMissing() {
        return MISSING.equals(status);
    }
}
