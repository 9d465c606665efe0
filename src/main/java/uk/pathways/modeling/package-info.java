/** Changing pathways safely: the model validator behind every deployment, deployments, model diffs and migrations. */
package uk.pathways.modeling;
