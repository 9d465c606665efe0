/** Task work in the Pathways pages: each agency's inbox and each task's page, its form and the record it needs. */
package uk.pathways.tasks;
