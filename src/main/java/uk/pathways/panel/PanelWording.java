package uk.pathways.panel;

/** How the agenda's item kinds read. */
public final class PanelWording {

    private PanelWording() {}

    public static String kind(String kind) {
        return switch (kind) {
            case Panels.CASE_AT_HIGH_RISK -> "A child at high risk";
            case Panels.SUBJECT_NEW -> "New subject of concern";
            case Panels.SUBJECT_ESCALATED -> "Subject escalated to high concern";
            case Panels.ACTION_OVERDUE -> "Overdue action";
            default -> kind;
        };
    }
}
