/** {@code /api/missing-episodes}: report, return, police re-grade, episode view and the statutory-return CSV. */
package uk.pathways.missing.web;
