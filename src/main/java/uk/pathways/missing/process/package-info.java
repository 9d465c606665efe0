/**
 * The missing-episode pathway's Camunda glue: thin delegates and listeners that call {@link uk.pathways.missing.MissingEpisodes}.
 * Named interface {@code process}: {@link uk.pathways.missing.process.MissingEpisodeProcess} holds the model's key and ids
 * for the deployment checks.
 */
@org.springframework.modulith.NamedInterface("process")
package uk.pathways.missing.process;
