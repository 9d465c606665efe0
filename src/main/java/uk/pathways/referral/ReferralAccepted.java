package uk.pathways.referral;

/** The answer to an accepted referral. */
public record ReferralAccepted(String reference, String caseId, String processInstanceId, boolean joinedExistingCase) {}
