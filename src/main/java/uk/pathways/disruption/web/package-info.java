/** The disruption register's pages ({@code /disruption}, {@code /reports/disruption}) and API ({@code /api/disruptions}). */
package uk.pathways.disruption.web;
