/** The one mechanism behind every clock: a task's timeout adds its managers' group, flags it and records the breach. */
package uk.pathways.escalation;
