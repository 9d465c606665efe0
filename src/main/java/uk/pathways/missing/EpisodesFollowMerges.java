package uk.pathways.missing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseMergeUndone;
import uk.pathways.casefile.CaseMerges;
import uk.pathways.casefile.CasesMerged;

/**
 * A child's missing episodes follow a merge of the child's cases (issue 16), in the merge's transaction: they move to
 * the surviving case, and the repeat-missing rule (contract section 4) is counted again over the combined episodes, so
 * that three episodes split over two records start the CSE referral they would have started on one. An undo moves them
 * back (a referral the recount started stays, on the surviving case).
 */
@Component
class EpisodesFollowMerges {

    static final String KIND = "pw_missing_episode";

    private final JdbcTemplate jdbc;
    private final MissingEpisodeRepository episodes;
    private final MissingEpisodes missing;
    private final MissingProperties properties;
    private final CaseMerges merges;

    EpisodesFollowMerges(
            JdbcTemplate jdbc,
            MissingEpisodeRepository episodes,
            MissingEpisodes missing,
            MissingProperties properties,
            CaseMerges merges) {
        this.jdbc = jdbc;
        this.episodes = episodes;
        this.missing = missing;
        this.properties = properties;
        this.merges = merges;
    }

    @EventListener
    void on(CasesMerged merged) {
        List<MissingEpisode> moving = episodes.ofCase(merged.mergedCaseId());
        if (moving.isEmpty()) {
            return;
        }
        for (MissingEpisode episode : moving) {
            merges.ledger(merged.mergeId(), KIND, episode.reference());
        }
        jdbc.update(
                "update pw_missing_episode set case_id = ? where case_id = ?",
                merged.survivingCaseId(),
                merged.mergedCaseId());
        Set<String> moved = moving.stream().map(MissingEpisode::reference).collect(Collectors.toSet());
        // newest first: the first episode whose window now holds enough episodes of both records is counted again
        for (MissingEpisode episode : episodes.ofCase(merged.survivingCaseId())) {
            Instant from = episode.missingSince()
                    .atZone(Now.UK)
                    .minusDays(properties.repeat().days())
                    .toInstant();
            List<MissingEpisode> window =
                    episodes.ofCaseBetween(merged.survivingCaseId(), from, episode.missingSince());
            boolean mixed = window.stream().anyMatch(e -> moved.contains(e.reference()))
                    && window.stream().anyMatch(e -> !moved.contains(e.reference()));
            if (mixed && window.size() >= properties.repeat().episodes()) {
                missing.checkRepeatMissing(episode.reference(), merged.actor());
                return;
            }
        }
    }

    @EventListener
    void on(CaseMergeUndone undone) {
        for (String reference : merges.moved(undone.mergeId(), KIND)) {
            jdbc.update(
                    "update pw_missing_episode set case_id = ? where reference = ?", undone.mergedCaseId(), reference);
        }
    }
}
