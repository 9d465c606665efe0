/** The missing-episode pathway's Camunda glue: thin delegates and listeners that call {@link uk.pathways.missing.MissingEpisodes}. */
package uk.pathways.missing.process;
