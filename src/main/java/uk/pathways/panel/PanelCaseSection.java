package uk.pathways.panel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.CaseViewSection;
import uk.pathways.strategymeeting.StrategyMeetings;

/**
 * The case view's {@code exploitationPanels}: each time the child's case was on a panel's agenda, the panel's decision
 * on it and the actions it agreed (read by whoever may read the case: the case view has checked).
 */
@Component
class PanelCaseSection implements CaseViewSection {

    /** One agenda item of this case, as the case page and {@code GET /api/cases/{caseId}} show it. */
    record PanelItem(
            String panelId,
            String panelReference,
            Instant preparedAt,
            Instant heldAt,
            int position,
            String kind,
            String decision,
            List<StrategyMeetings.Action> actions) {}

    private final Panels panels;
    private final StrategyMeetings meetings;

    PanelCaseSection(Panels panels, StrategyMeetings meetings) {
        this.panels = panels;
        this.meetings = meetings;
    }

    @Override
    public String name() {
        return "exploitationPanels";
    }

    @Override
    public List<Object> items(String caseId) {
        List<Object> items = new ArrayList<>();
        for (Panels.Item item : panels.itemsOfCase(caseId)) {
            Panels.Panel panel = panels.panel(item.panelId()).orElseThrow();
            items.add(new PanelItem(
                    panel.panelId(),
                    panel.reference(),
                    panel.preparedAt(),
                    panel.heldAt(),
                    item.position(),
                    item.kind(),
                    item.decision(),
                    meetings.actionsOfPanel(panel.panelId()).stream()
                            .filter(a -> item.id().equals(a.panelItemId()))
                            .toList()));
        }
        return items;
    }
}
