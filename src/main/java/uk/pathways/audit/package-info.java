/** The append-only audit trail: every read and change of a case record through every door, and failed sign-ins. */
package uk.pathways.audit;
