package uk.pathways.missing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseViewSection;

/** The case view's {@code missingEpisodes}; and an episode not yet closed keeps its case open. */
@Component
class MissingEpisodeCaseSection implements CaseViewSection, CaseFile.OpenWork {

    static final String NAME = "missingEpisodes";

    private final MissingEpisodeRepository episodes;

    MissingEpisodeCaseSection(MissingEpisodeRepository episodes) {
        this.episodes = episodes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Object> items(String caseId) {
        return new ArrayList<>(episodes.ofCase(caseId));
    }

    @Override
    public int openItems(String caseId) {
        return episodes.openCount(caseId);
    }
}
