/** The Camunda glue of the disruption register: the {@code disruption-order} process's names and its task listeners. */
@org.springframework.modulith.NamedInterface("process")
package uk.pathways.disruption.process;
