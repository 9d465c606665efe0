package uk.pathways.casefile;

import java.util.List;

/** Another capability's part of the case view (missing episodes, for one). */
public interface CaseViewSection {

    /** The key in the case view, e.g. {@code missingEpisodes}. */
    String name();

    List<Object> items(String caseId);

    /** The items a reader may see (subjects of concern differ by reader); by default the same for every reader. */
    default List<Object> items(String caseId, String readerUserId) {
        return items(caseId);
    }
}
