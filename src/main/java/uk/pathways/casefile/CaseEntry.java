package uk.pathways.casefile;

import java.time.Instant;
import java.util.List;

/**
 * What a practitioner recorded in a task or a referral (contract section 9): kept in the case record, never in the
 * engine. {@code kind} is the task definition key (or {@code referral}); {@code content} the form's fields as JSON,
 * text in full; {@code restrictedTo} the agencies the recording agency restricted it to (empty: every agency involved
 * in the case); {@code supersedes} the entry a revision replaces (both stay readable).
 */
public record CaseEntry(
        long id,
        String kind,
        Instant recordedAt,
        String recordedBy,
        String agency,
        String taskId,
        String reference,
        String processInstanceId,
        List<String> restrictedTo,
        Long supersedes,
        String content) {

    public CaseEntry {
        restrictedTo = restrictedTo == null ? List.of() : List.copyOf(restrictedTo);
    }

    public boolean restricted() {
        return !restrictedTo.isEmpty();
    }

    /** Whether a reader of these agencies may see the entry, in a case they may read. */
    public boolean visibleToAnyOf(java.util.Collection<String> agencies) {
        return restrictedTo.isEmpty() || restrictedTo.stream().anyMatch(agencies::contains);
    }
}
