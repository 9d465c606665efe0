/** {@code /api/panels} and the panel's pages ({@code /panels}, {@code /panels/{panelId}}). */
package uk.pathways.panel.web;
