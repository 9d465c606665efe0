/** The practitioners' task pages: {@code /tasks} (each agency's inbox) and {@code /tasks/{id}} (a task's form and the record it needs). */
package uk.pathways.tasks.web;
