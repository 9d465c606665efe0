package uk.pathways.disruption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Agency;
import uk.pathways.casefile.BriefingSource;
import uk.pathways.casefile.CaseView;
import uk.pathways.disruption.process.DisruptionOrderProcess;

/**
 * Beside a register entry's review or expiry task, the entry itself (tactic, subject, cases, dates, breaches and what
 * earlier reviews recorded), for a reader the register lets in (the police); the read is audited as the entry's page
 * is. These tasks belong to no case, so the case record's briefing has nothing for them.
 */
@Component
class DisruptionBriefing implements BriefingSource {

    static final String KIND = "disruption-register-entry";

    private final DisruptionRepository repository;
    private final Disruptions disruptions;
    private final DisruptionAccess access;

    DisruptionBriefing(DisruptionRepository repository, Disruptions disruptions, DisruptionAccess access) {
        this.repository = repository;
        this.disruptions = disruptions;
        this.access = access;
    }

    @Override
    public List<CaseView.RecordEntry> forTask(String caseId, String taskKey, String processInstanceId) {
        return List.of();
    }

    @Override
    public List<CaseView.RecordEntry> forTaskWithoutCase(String taskKey, String processInstanceId, String readerId) {
        if (!DisruptionOrderProcess.TASK_REVIEW.equals(taskKey) && !DisruptionOrderProcess.TASK_EXPIRY.equals(taskKey)
                || !access.mayUseRegister(readerId)) {
            return List.of();
        }
        return repository
                .findByProcess(processInstanceId)
                .map(entry -> {
                    disruptions.read(entry, readerId, Agency.POLICE.groupId(), "PAGE");
                    return List.of(new CaseView.RecordEntry(
                            entry.id(),
                            KIND,
                            entry.recordedAgency(),
                            entry.recordedBy(),
                            entry.recordedAt(),
                            null,
                            entry.id(),
                            List.of(Agency.POLICE.groupId()),
                            fields(entry),
                            null,
                            null,
                            processInstanceId));
                })
                .orElse(List.of());
    }

    static Map<String, Object> fields(Disruption entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("disruptionId", entry.id());
        fields.put("tactic", entry.tactic());
        fields.put("subject", entry.subjectId() + ": " + entry.subjectLabel());
        fields.put("cases", String.join(", ", entry.caseIds()));
        fields.put("district", entry.district());
        fields.put("servedBy", entry.servedBy());
        fields.put("servedOn", String.valueOf(entry.servedOn()));
        if (entry.expiresOn() != null) {
            fields.put("expiresOn", entry.expiresOn().toString());
        }
        if (entry.reviewOn() != null) {
            fields.put("reviewOn", entry.reviewOn().toString());
        }
        List<String> breaches = new ArrayList<>();
        entry.breaches().forEach(b -> breaches.add(b.breachedOn() + ": " + b.note()));
        fields.put("breaches", breaches.isEmpty() ? "None recorded" : String.join("; ", breaches));
        List<String> reviews = new ArrayList<>();
        entry.reviews()
                .forEach(r ->
                        reviews.add(r.recordedAt() + " " + r.kind() + (r.notes() == null ? "" : ": " + r.notes())));
        if (!reviews.isEmpty()) {
            fields.put("reviews", String.join("; ", reviews));
        }
        return fields;
    }
}
