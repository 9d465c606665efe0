package uk.pathways.gate;

import java.util.Map;

/**
 * The options of a select whose values Pathways gives at run time (the form component's {@code valuesKey}), such as
 * the RISE team's members for "Allocate a RISE support worker". A completion may pick only one of them. The task
 * carries them as a task-local variable named by the key (value and label: no one's story), so that the Tasklist's
 * form can offer them too.
 */
public interface OptionSource {

    /** The {@code valuesKey} the form names. */
    String key();

    /** The values a completion may carry now, each with the label a practitioner picks it by, in order. */
    Map<String, String> options();
}
