package uk.pathways.referral;

import java.util.List;
import uk.pathways.casefile.ChildDetails;

/** A referral that passed validation. {@code concerns} is sensitive and goes to the case record only. */
public record NewReferral(
        ChildDetails child,
        String referrerAgency,
        String referrerName,
        String referrerEmail,
        String concerns,
        List<String> indicators) {}
