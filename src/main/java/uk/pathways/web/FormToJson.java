package uk.pathways.web;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every page form does to become the API's JSON, so that the API's validator judges pages and API alike:
 * blank boxes are left out, and a GOV.UK date input's three boxes become one ISO date.
 */
public final class FormToJson {

    private FormToJson() {}

    /** Puts a field's text, unless it was left blank (the validator then says it is missing). */
    public static void put(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value);
        }
    }

    /** ISO date from the three boxes; what was typed, as it was, if it is not three numbers (the validator refuses it). */
    public static String isoDate(String day, String month, String year) {
        day = day.strip();
        month = month.strip();
        year = year.strip();
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return "";
        }
        if (day.matches("\\d{1,2}") && month.matches("\\d{1,2}") && year.matches("\\d{4}")) {
            return "%s-%02d-%02d".formatted(year, Integer.parseInt(month), Integer.parseInt(day));
        }
        return year + "-" + month + "-" + day;
    }
}
