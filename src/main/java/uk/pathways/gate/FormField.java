package uk.pathways.gate;

import java.util.List;

/**
 * One field of a task's form ({@code forms/<key>.form}) as the gate reads it: its kind, whether it is required, its
 * options or bounds, and whether the engine needs it ({@code decision}: the form component's custom property
 * {@code decision = true}). Free text (text fields and text areas) is never a decision: it lives in the case record.
 */
public record FormField(
        String key,
        Kind kind,
        String label,
        boolean required,
        int maxLength,
        Integer min,
        Integer max,
        List<String> options,
        String optionsKey,
        boolean decision,
        Object defaultValue) {

    public enum Kind {
        TEXT,
        TEXTAREA,
        CHECKBOX,
        CHECKLIST,
        SELECT,
        RADIO,
        NUMBER,
        DATETIME;

        public boolean freeText() {
            return this == TEXT || this == TEXTAREA;
        }

        public boolean hasOptions() {
            return this == CHECKLIST || this == SELECT || this == RADIO;
        }
    }

    public boolean freeText() {
        return kind.freeText();
    }
}
