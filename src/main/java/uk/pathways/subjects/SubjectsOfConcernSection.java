package uk.pathways.subjects;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.CaseViewSection;

/**
 * The case view's {@code subjectsOfConcern} (the case page and {@code GET /api/cases/{caseId}}): the subjects linked to
 * the child's case that the reader may see. Police-only links are left out for anyone but the police, without a count
 * or a note that would tell them one exists.
 */
@Component
class SubjectsOfConcernSection implements CaseViewSection {

    static final String NAME = "subjectsOfConcern";

    private final Subjects subjects;

    SubjectsOfConcernSection(Subjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Without a reader, nothing: a subject is only ever shown to someone who may see it. */
    @Override
    public List<Object> items(String caseId) {
        return List.of();
    }

    @Override
    public List<Object> items(String caseId, String readerUserId) {
        return List.copyOf(subjects.linksOfCase(caseId, readerUserId));
    }
}
