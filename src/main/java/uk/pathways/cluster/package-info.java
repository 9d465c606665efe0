/**
 * Running Pathways as several nodes on one PostgreSQL (docs/cluster.md): each node names itself, so that the jobs
 * it locks and the job log say which node ran what.
 */
package uk.pathways.cluster;
