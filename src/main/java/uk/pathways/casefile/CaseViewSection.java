package uk.pathways.casefile;

import java.util.List;

/** Another capability's part of the case view (missing episodes, for one). */
public interface CaseViewSection {

    /** The key in the case view, e.g. {@code missingEpisodes}. */
    String name();

    List<Object> items(String caseId);
}
