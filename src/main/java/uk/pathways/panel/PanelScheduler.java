package uk.pathways.panel;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.agency.Privileged;
import uk.pathways.panel.process.PanelProcess;

/**
 * A panel scheduled by hand, between the monthly ones: by a manager of the co-chairs' agencies (police, children's
 * services). It starts the panel's process on the manager's behalf (people start no process themselves), which
 * prepares its agenda at once.
 */
@Component
public class PanelScheduler {

    /** Who may schedule a panel by hand. */
    static final java.util.Set<String> SCHEDULERS =
            java.util.Set.of(Agency.POLICE.managersGroupId(), Agency.CHILDRENS_SERVICES.managersGroupId());

    private final RuntimeService runtime;
    private final Privileged privileged;
    private final Actors actors;
    private final Panels panels;

    PanelScheduler(RuntimeService runtime, Privileged privileged, Actors actors, Panels panels) {
        this.runtime = runtime;
        this.privileged = privileged;
        this.actors = actors;
        this.panels = panels;
    }

    public boolean maySchedule(String userId) {
        return actors.groupsOf(userId).stream().anyMatch(SCHEDULERS::contains);
    }

    /** Starts a panel now; answers it, its agenda prepared. */
    public Panels.Panel schedule(String userId) {
        if (!maySchedule(userId)) {
            throw new AccessDeniedException("A panel is scheduled by hand by a police or children's services manager");
        }
        String panelId = privileged.call(
                () -> runtime.startProcessInstanceByKey(PanelProcess.KEY, Map.of(PanelProcess.SCHEDULED_BY, userId))
                        .getId());
        return panels.panel(panelId).orElseThrow();
    }
}
