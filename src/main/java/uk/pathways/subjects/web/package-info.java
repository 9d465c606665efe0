/** The subjects' doors: {@code /api/subjects} and the pages {@code /subjects}. */
package uk.pathways.subjects.web;
