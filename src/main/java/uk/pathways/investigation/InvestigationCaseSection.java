package uk.pathways.investigation;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.CaseViewSection;

/**
 * The case view's {@code investigations}: each concluded police investigation's outcome, the reason when no further
 * action, and its review's state, themes and shareable summary. Codes and the summary only: the officer's detail
 * stays in the investigation's entry (police only when they restricted it), the review's words in the review's entry.
 */
@Component
class InvestigationCaseSection implements CaseViewSection {

    static final String NAME = "investigations";

    private final Investigations investigations;

    InvestigationCaseSection(Investigations investigations) {
        this.investigations = investigations;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Object> items(String caseId) {
        return new ArrayList<>(investigations.ofCase(caseId));
    }
}
