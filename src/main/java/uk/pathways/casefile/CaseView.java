package uk.pathways.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * {@code GET /api/cases/{caseId}} (contract section 6). {@code consent} is the consent position for sharing in force
 * (the sharing capability's, docs/data-protection.md), for whoever is about to share; {@code onwardReferrals} the RISE
 * support's onward referrals with their status (the support capability's section); {@code subjectsOfConcern} the
 * persons, locations and vehicles of concern linked to the case that the reader may see (the subjects capability's).
 * {@code exploitationType} is the
 * latest screening's (SEXUAL, CRIMINAL or BOTH; null before the first screening that recorded one);
 * {@code investigations} the police investigations' outcomes and their no-further-action reviews (the investigation
 * capability's section).
 */
public record CaseView(
        String caseId,
        Child child,
        String status,
        String riskLevel,
        String pathway,
        String exploitationType,
        String stage,
        List<String> involvedAgencies,
        List<OpenTask> openTasks,
        List<Referral> referrals,
        List<Object> missingEpisodes,
        List<Object> strategyMeetings,
        List<Decision> decisions,
        List<ChronologyEntry> chronology,
        List<RecordEntry> record,
        Object consent,
        List<Object> onwardReferrals,
        List<CaseMerges.Merge> merges,
        List<Object> exploitationPanels,
        List<Object> subjectsOfConcern,
        List<Object> investigations) {

    /** The section another capability gives for {@code consent}: the consent position for sharing in force. */
    public static final String CONSENT = "consent";

    /** The section the subjects capability gives: subjects of concern linked to the case, within need to know. */
    public static final String SUBJECTS_OF_CONCERN = "subjectsOfConcern";

    /**
     * What practitioners recorded (contract section 9), newest first: {@code kind} the task definition key (or
     * {@code referral}), {@code fields} the form's values as recorded, {@code visibleTo} the agencies that may read it.
     */
    public record RecordEntry(
            String id,
            String kind,
            String agency,
            String recordedBy,
            Instant recordedAt,
            String taskId,
            String reference,
            List<String> visibleTo,
            java.util.Map<String, Object> fields,
            String supersedes,
            String supersededBy,
            @com.fasterxml.jackson.annotation.JsonIgnore String processInstanceId) {}

    public record Child(
            String firstName,
            String lastName,
            String displayName,
            LocalDate dateOfBirth,
            int age,
            String gender,
            String ethnicity,
            String district,
            boolean lookedAfter,
            String placingAuthority,
            String nhsNumber,
            String localAuthorityChildId,
            String upn,
            String policePersonId,
            List<KnownAs> knownAs) {}

    public record OpenTask(
            String id,
            String taskDefinitionKey,
            String name,
            List<String> candidateGroups,
            String assignee,
            Date due,
            boolean escalated,
            String processInstanceId) {}

    public record Referral(
            String reference,
            Instant receivedAt,
            String source,
            String referrerAgency,
            String referrerName,
            String concerns,
            List<String> indicators,
            String status,
            String outcome,
            String processInstanceId) {}

    public record Decision(
            String kind,
            String reference,
            Instant decidedAt,
            String decidedBy,
            String agency,
            Integer age,
            Integer screeningScore,
            List<String> indicators,
            Boolean disclosure,
            Boolean learningDisability,
            String riskLevel,
            String pathway,
            String outcome,
            String exploitationType) {}
}
