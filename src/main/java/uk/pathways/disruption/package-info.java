/**
 * The disruption register (issue 17, ADR 0016): each disruption tactic served on a subject of concern, its breaches
 * and outcome, its review and expiry clocks as police tasks, and the six-monthly disruption report.
 */
package uk.pathways.disruption;
