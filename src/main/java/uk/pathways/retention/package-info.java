/** Retention by record type: the schedule, legal holds, the nightly dry-run report and erasure, and tombstones. */
package uk.pathways.retention;
