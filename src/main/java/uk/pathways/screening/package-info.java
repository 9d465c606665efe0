/** Screening against thresholds: the indicator catalogue, the screening score and the cse-threshold decision. */
package uk.pathways.screening;
