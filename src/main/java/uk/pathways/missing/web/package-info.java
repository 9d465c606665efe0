/** {@code /api/missing-episodes} (report, return, police re-grade, episode view, statutory-return CSV) and the practitioners' pages for them. */
package uk.pathways.missing.web;
