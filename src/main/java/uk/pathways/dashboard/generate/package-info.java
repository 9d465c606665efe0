/** Synthetic history for demonstrations and benchmarks: made-up children walked through the real pathways (profile generate). */
package uk.pathways.dashboard.generate;
