/** The investigation outcomes' engine glue: the police investigation's outcome, the no-further-action review. */
package uk.pathways.investigation.process;
