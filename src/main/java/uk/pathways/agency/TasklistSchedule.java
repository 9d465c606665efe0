package uk.pathways.agency;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for {@link TasklistFilters#refreshDueToday()} (each midnight, UK time). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TasklistSchedule {}
