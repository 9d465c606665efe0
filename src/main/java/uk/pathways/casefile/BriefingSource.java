package uk.pathways.casefile;

import java.util.List;

/**
 * Another capability's part of what a task shows beside its form (a meeting's actions for the action's owner and the
 * strategy review, for one), read from that capability's part of the case record. Shown before the record's entries.
 */
public interface BriefingSource {

    /** The entries for a task of this key in this process instance, for a reader who may read the case. */
    List<CaseView.RecordEntry> forTask(String caseId, String taskKey, String processInstanceId);

    /**
     * The entries for a task that belongs to no case (an exploitation panel's chair, a panel's action on a subject of
     * concern), for this reader, who may read the task: the source applies its own need-to-know.
     */
    default List<CaseView.RecordEntry> forTaskWithoutCase(
            String taskKey, String processInstanceId, String readerUserId) {
        return List.of();
    }
}
