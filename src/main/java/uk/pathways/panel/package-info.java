/**
 * The exploitation panel (MACE, issue 17, ADR 18): a monthly multi-agency meeting whose agenda is built when it is
 * prepared (the cases at high risk, subjects of concern new or escalated since the last panel, overdue actions), where
 * the chair records a decision per item and actions that become tasks through the strategy meeting's action mechanism.
 */
package uk.pathways.panel;
