package uk.pathways.screening;

/** One screening indicator: its code, weight and the wording practitioners see. */
public record Indicator(String code, int weight, String wording) {}
