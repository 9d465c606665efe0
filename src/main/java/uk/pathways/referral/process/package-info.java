/** The CSE referral pathway's Camunda glue. Named interface {@code process}: its model's key and ids, for the deployment checks. */
@org.springframework.modulith.NamedInterface("process")
package uk.pathways.referral.process;
