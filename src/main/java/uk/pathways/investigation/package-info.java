/**
 * Police investigation outcomes (issue 17, ADR 0017): each concluded investigation's outcome with the reason when no
 * further action; the no-further-action review that records the learning; and the quarterly learning report.
 */
package uk.pathways.investigation;
