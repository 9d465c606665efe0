package uk.pathways.sharing;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.CaseViewSection;

/**
 * The case view's {@code consent}: the consent position for sharing in force, for every agency involved (on the case
 * page and in {@code GET /api/cases/{caseId}}), so that whoever is about to share knows it.
 */
@Component
class ConsentCaseSection implements CaseViewSection {

    static final String NAME = "consent";

    private final SharingConsent consent;

    ConsentCaseSection(SharingConsent consent) {
        this.consent = consent;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Object> items(String caseId) {
        return List.of(consent.inForce(caseId));
    }
}
