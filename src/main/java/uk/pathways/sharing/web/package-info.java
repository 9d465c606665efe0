/** {@code /cases/{caseId}/sharing}: a case's sharing log for its lead agency and that agency's managers. */
package uk.pathways.sharing.web;
