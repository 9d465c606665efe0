/**
 * The case record's engine glue: the task lifecycle listener, the user task parse hook, the model's properties, the
 * message payload reader, the pathway events (task created, task completed) and dates as practitioners read them.
 * Named interface {@code process}: what the pathway modules use to speak to the engine the same way.
 */
@org.springframework.modulith.NamedInterface("process")
package uk.pathways.casefile.process;
