/** The exploitation panel's Camunda glue. Named interface {@code process}: its model's key and ids. */
@org.springframework.modulith.NamedInterface("process")
package uk.pathways.panel.process;
