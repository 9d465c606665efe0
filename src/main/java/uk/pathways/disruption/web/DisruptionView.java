package uk.pathways.disruption.web;

import java.util.LinkedHashMap;
import java.util.Map;
import uk.pathways.disruption.Disruption;
import uk.pathways.disruption.DisruptionProperties;

/** An entry as the API answers it: the entry's fields with the tactic's and the outcome's wording. */
final class DisruptionView {

    private DisruptionView() {}

    static Map<String, Object> of(Disruption d, DisruptionProperties properties) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.id());
        view.put("tactic", d.tactic());
        view.put("tacticWording", properties.wording(d.tactic()));
        view.put("subjectId", d.subjectId());
        view.put("subjectKind", d.subjectKind());
        view.put("subjectLabel", d.subjectLabel());
        view.put("subjectPoliceOnly", d.subjectPoliceOnly());
        view.put("district", d.district());
        view.put("servedBy", d.servedBy());
        view.put("servedOn", d.servedOn());
        view.put("expiresOn", d.expiresOn());
        view.put("reviewOn", d.reviewOn());
        view.put("inForce", d.inForce());
        view.put("outcome", d.outcome());
        view.put("outcomeWording", Disruption.outcomeWords(d.outcome()));
        view.put("outcomeOn", d.outcomeOn());
        view.put("outcomeBy", d.outcomeBy());
        view.put("caseIds", d.caseIds());
        view.put("breaches", d.breaches());
        view.put("reviews", d.reviews());
        view.put("recordedBy", d.recordedBy());
        view.put("recordedAgency", d.recordedAgency());
        view.put("recordedAt", d.recordedAt());
        return view;
    }
}
