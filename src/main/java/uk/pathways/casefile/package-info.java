/** The case record: the child, referrals, decisions with their inputs, sensitive entries and the chronology. */
package uk.pathways.casefile;
