/** The contract's agencies and Camunda groups, and the demo users of the demo profile. */
package uk.pathways.agency;
