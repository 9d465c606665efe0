package uk.pathways.screening;

import java.time.Instant;
import java.util.List;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.DecisionEvent;
import uk.pathways.casefile.DecisionRecord;

/**
 * A MASH manager answered a screening practitioner's professional judgement: agreed, the case follows the judgement's
 * risk level and pathway; not agreed, the threshold's decision stands. Either way the chronology says so.
 */
public record ThresholdJudged(
        String caseId,
        String reference,
        String decidedRiskLevel,
        String judgedRiskLevel,
        boolean agreed,
        String riskLevel,
        String pathway,
        int age,
        Actor actor,
        Instant occurredAt)
        implements DecisionEvent {

    @Override
    public String eventType() {
        return agreed ? "JUDGEMENT_AGREED" : "JUDGEMENT_NOT_AGREED";
    }

    @Override
    public String summary() {
        return agreed
                ? "Professional judgement agreed: risk " + ThresholdDecided.words(judgedRiskLevel)
                        + " instead of the threshold's " + ThresholdDecided.words(decidedRiskLevel) + ", pathway "
                        + ThresholdDecided.words(pathway)
                : "Professional judgement not agreed: the threshold's risk " + ThresholdDecided.words(decidedRiskLevel)
                        + " stands (risk " + ThresholdDecided.words(judgedRiskLevel) + " was proposed)";
    }

    @Override
    public DecisionRecord decision() {
        return new DecisionRecord(
                caseId,
                reference,
                "OVERRIDE",
                occurredAt,
                actor,
                age,
                null,
                List.of(),
                null,
                null,
                agreed ? riskLevel : null,
                agreed ? pathway : null,
                agreed ? "AGREED" : "NOT_AGREED");
    }
}
