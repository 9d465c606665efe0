/**
 * Subjects of concern (issue 17, ADR 15): persons (police only), locations and vehicles, linked to children's cases
 * and to each other, read within need to know. Others use {@link uk.pathways.subjects.Subjects} and its events.
 */
package uk.pathways.subjects;
