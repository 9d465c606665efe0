package uk.pathways.casefile;

import java.util.List;

/**
 * Another capability's part of what a task shows beside its form (a meeting's actions for the action's owner and the
 * strategy review, for one), read from that capability's part of the case record. Shown before the record's entries.
 */
public interface BriefingSource {

    /** The entries for a task of this key in this process instance, for a reader who may read the case. */
    List<CaseView.RecordEntry> forTask(String caseId, String taskKey, String processInstanceId);
}
