package uk.pathways.gate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What contract section 5 says each main task records, and the variables the pathway owns (section 7), which no
 * completion may set or change.
 */
public final class TaskContract {

    /** Contract section 5: the variables each task records. They alone complete their task. */
    public static final Map<String, List<String>> SECTION_5 = Map.of(
            "screening", List.of("indicators", "disclosure", "learningDisability"),
            "strategy-meeting", List.of("riseAccepted", "section47", "policeInvestigation"),
            "agency-information", List.of("agencyInformation"),
            "closure-approval", List.of("closureApproved"),
            "return-home-interview", List.of("rhiAccepted", "cseConcern"));

    /** Owned by the pathway (contract section 7): set by Pathways alone, never by a completion. */
    public static final Set<String> PATHWAY_OWNED = Set.of(
            "caseId",
            "reference",
            "age",
            "screeningScore",
            "riskLevel",
            "pathway",
            "childDisplayName",
            "urgent",
            "escalated",
            "thresholdResult",
            "decisionKind",
            "referrerAgency");

    private TaskContract() {}

    public static List<String> section5(String taskKey) {
        return SECTION_5.getOrDefault(taskKey, List.of());
    }
}
