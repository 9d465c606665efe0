package uk.pathways.web;

import java.util.List;

/** An exception that refuses input field by field (the completion gate's refusal): answered 400 naming each field. */
public interface FieldsRefused {

    List<FieldProblem> problems();
}
