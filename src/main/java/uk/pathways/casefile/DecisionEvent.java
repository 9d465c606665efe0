package uk.pathways.casefile;

/** An event that carries a decision for the case record to keep with its inputs. */
public interface DecisionEvent extends ChronicledEvent {

    DecisionRecord decision();
}
