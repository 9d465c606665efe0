/** The multi-agency strategy meeting, modelled once and called from both pathways. */
package uk.pathways.strategymeeting;
