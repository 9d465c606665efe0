package uk.pathways.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.pathways.dashboard.DashboardView.Chart;
import uk.pathways.dashboard.DashboardView.Figure;
import uk.pathways.dashboard.DashboardView.Section;

/** The problem profile laid out for its page: four sections (where, who, when, how), each chart with its table. */
final class ProfileView {

    private static final Map<String, String[]> SECTIONS = new LinkedHashMap<>();
    private static final Map<String, String> CHARTS = new LinkedHashMap<>();

    static {
        SECTIONS.put("where", new String[] {
            "Where",
            "Children referred in the twelve months by their district, and the locations of concern linked to"
                    + " children's cases in the twelve months, by district and by kind of place."
        });
        SECTIONS.put("who", new String[] {
            "Who",
            "Children referred in the twelve months (each child once, as at their latest referral), and the subjects"
                    + " of concern (persons, locations, vehicles) recorded in the twelve months."
        });
        SECTIONS.put(
                "when", new String[] {"When", "Referrals received and subjects of concern recorded, month by month."});
        SECTIONS.put("how", new String[] {
            "How",
            "What screenings in the twelve months recorded: the indicators, and the kind of exploitation"
                    + " (sexual, criminal or both; \"not recorded\" where the screening did not say)."
        });
        CHARTS.put("childrenByDistrict", "Children referred, by district");
        CHARTS.put("locationsByDistrict", "Locations of concern linked to cases, by district");
        CHARTS.put("locationsByCategory", "Locations of concern linked to cases, by kind of place");
        CHARTS.put("childrenByAgeBand", "Children referred, by age at referral");
        CHARTS.put("childrenByGender", "Children referred, by gender");
        CHARTS.put("childrenLookedAfter", "Children referred, looked after or not");
        CHARTS.put("newSubjectsByKind", "Subjects of concern recorded, by kind");
        CHARTS.put("referralsByMonth", "Referrals received, by month");
        CHARTS.put("newSubjectsByMonth", "Subjects of concern recorded, by month");
        CHARTS.put("indicatorsAtScreening", "Indicators recorded at screening");
        CHARTS.put("exploitationTypeAtScreening", "Exploitation type at screening");
    }

    private static final Map<String, String> TOTALS = Map.of(
            "referrals", "Referrals received",
            "children", "Children referred",
            "screenings", "Screenings",
            "locationsLinkedToCases", "Locations of concern linked to cases",
            "newSubjects", "Subjects of concern recorded");

    private ProfileView() {}

    @SuppressWarnings("unchecked")
    static List<Section> sections(Map<String, Object> profile) {
        List<Section> sections = new ArrayList<>();
        List<Figure> totals = new ArrayList<>();
        ((Map<String, Object>) profile.get("totals"))
                .forEach((k, v) -> totals.add(new Figure(TOTALS.get(k), String.valueOf(v))));
        sections.add(new Section(
                "totals",
                "In the twelve months",
                "The totals behind the figures below.",
                null,
                totals,
                List.of(),
                List.of()));
        SECTIONS.forEach((key, title) -> {
            List<Chart> charts = new ArrayList<>();
            ((Map<String, Object>) profile.get(key)).forEach((k, v) -> {
                charts.add(DashboardView.chart(
                        "profile-" + k, CHARTS.get(k), k.endsWith("ByMonth") ? "Month" : "", (Map<String, Object>) v));
            });
            sections.add(new Section("profile-" + key, title[0], title[1], null, List.of(), charts, List.of()));
        });
        return sections;
    }
}
