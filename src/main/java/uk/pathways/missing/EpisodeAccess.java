package uk.pathways.missing;

import java.util.NoSuchElementException;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.casefile.CaseAccess;

/**
 * Who may act on a missing episode (read it, record the child's return, pass on a police re-grade): an agency
 * involved in the child's case, and the agency that reported this episode, which need not be involved in the case
 * (a report that joins an existing case involves nobody new, contract section 8) but must be able to say the child is
 * back. Every read or refusal is audited; a refusal names the case's agencies (403).
 */
@Component
public class EpisodeAccess {

    private final MissingEpisodes episodes;
    private final CaseAccess access;
    private final Actors actors;

    EpisodeAccess(MissingEpisodes episodes, CaseAccess access, Actors actors) {
        this.episodes = episodes;
        this.access = access;
        this.actors = actors;
    }

    /** The episode, if {@code userId} may act on it; 404 when there is none, 403 (audited) otherwise. */
    public MissingEpisode checkActOn(String userId, String reference, String door) {
        MissingEpisode episode = episodes.find(reference)
                .orElseThrow(() -> new NoSuchElementException("No missing episode " + reference));
        if (episode.reporterAgency() != null
                && actors.agenciesOf(userId).contains(episode.reporterAgency())
                && !access.mayRead(userId, episode.caseId())) {
            access.recordRead(
                    userId, episode.caseId(), door, "missing episode " + reference + " (as its reporting agency)");
            return episode;
        }
        access.checkRead(userId, episode.caseId(), door, "missing episode " + reference);
        return episode;
    }
}
