package uk.pathways.web;

/** One bad field of a request: its path as the client sent it ({@code child.dateOfBirth}) and what is wrong. */
public record FieldProblem(String field, String message) {}
