/** The sharing log: every disclosure of a case's information with its lawful basis, for the lead agency and a data protection officer. */
package uk.pathways.sharing;
