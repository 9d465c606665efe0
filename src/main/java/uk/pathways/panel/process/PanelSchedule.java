package uk.pathways.panel.process;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * {@code ${panelSchedule.cycle()}}: when the monthly panel is prepared, {@code pathways.panel.cycle}, a cron
 * expression as the engine's timer cycles take it (seconds, minutes, hours, day of month, month, day of week; by
 * default 07:00 on the first day of each month). A change takes effect when the model is next deployed.
 */
@Component("panelSchedule")
public class PanelSchedule {

    private final String cycle;

    PanelSchedule(@Value("${pathways.panel.cycle:0 0 7 1 * ?}") String cycle) {
        try {
            CronExpression.parse(cycle);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("pathways.panel.cycle: '" + cycle + "' is not a cron expression", e);
        }
        this.cycle = cycle;
    }

    public String cycle() {
        return cycle;
    }
}
