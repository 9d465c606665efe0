package uk.pathways.subjects;

import java.time.Instant;
import java.util.List;

/**
 * A subject as a reader may see it: its links to children's cases (only those the reader's agency is involved in,
 * unless police), its associated subjects (only those the reader may read) and each raising of its concern.
 */
public record SubjectFile(
        Subject subject, List<CaseLink> cases, List<Association> associates, List<Escalation> escalations) {

    /** A link to a child's case: the child's display name, why, who and when. */
    public record CaseLink(
            String linkId,
            String caseId,
            String childName,
            String reason,
            String recordedBy,
            String recordedAgency,
            Instant recordedAt) {}

    /** A link to another subject (an association), either way round. */
    public record Association(
            String linkId,
            String subjectId,
            String kind,
            String label,
            String category,
            String concernLevel,
            String reason,
            String recordedBy,
            String recordedAgency,
            Instant recordedAt) {}

    /** The concern raised to HIGH: why, by whom, when. */
    public record Escalation(String reason, String escalatedBy, String agency, Instant escalatedAt) {}
}
