package uk.pathways.subjects;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.CaseMergeUndone;
import uk.pathways.casefile.CaseMerges;
import uk.pathways.casefile.CasesMerged;

/** A child's subject links follow a merge of the child's cases, in the merge's transaction, and go back on its undo. */
@Component
class SubjectsFollowMerges {

    static final String KIND = "pw_subject_link";

    private final SubjectRepository repository;
    private final CaseMerges merges;

    SubjectsFollowMerges(SubjectRepository repository, CaseMerges merges) {
        this.repository = repository;
        this.merges = merges;
    }

    @EventListener
    void on(CasesMerged merged) {
        for (String linkId : repository.linkIdsOfCase(merged.mergedCaseId())) {
            merges.ledger(merged.mergeId(), KIND, linkId);
            repository.moveLink(linkId, merged.survivingCaseId());
        }
    }

    @EventListener
    void on(CaseMergeUndone undone) {
        for (String linkId : merges.moved(undone.mergeId(), KIND)) {
            repository.moveLink(linkId, undone.mergedCaseId());
        }
    }
}
