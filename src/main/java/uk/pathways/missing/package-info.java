/** Missing children: missing episodes from report to return home interview, repeat missing, the statutory return. */
package uk.pathways.missing;
