/**
 * The per-step machinery (issue 20, ADR 0020): what Pathways writes during one engine command is collected and written
 * once, in batches, when the command's transaction commits ({@link StepWrites}); what it looks up about a case is read
 * once per transaction ({@link StepCache}).
 */
package uk.pathways.step;
