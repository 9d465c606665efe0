/** The data protection officer's pages and API for retention: the schedule, the dry-run report, holds, tombstones. */
package uk.pathways.retention.web;
