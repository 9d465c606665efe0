/** RISE support: allocation, safety plan, assertive outreach, the outcome wheel, advocacy and closure. */
package uk.pathways.support;
