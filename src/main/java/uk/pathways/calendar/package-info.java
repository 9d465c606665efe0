/** Working days (Monday to Friday except England and Wales bank holidays) and the pathway clocks that BPMN calls. */
package uk.pathways.calendar;
