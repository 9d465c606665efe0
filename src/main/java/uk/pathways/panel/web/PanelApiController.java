package uk.pathways.panel.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.pathways.panel.PanelReader;
import uk.pathways.panel.PanelScheduler;
import uk.pathways.panel.Panels;

/**
 * The exploitation panel (MACE) for the agencies that sit on it: the panels, one panel's agenda with its decisions and
 * actions (within need-to-know), and a panel scheduled by hand by a manager.
 */
@RestController
@Tag(name = "Exploitation panel")
class PanelApiController {

    private final PanelReader reader;
    private final PanelScheduler scheduler;

    PanelApiController(PanelReader reader, PanelScheduler scheduler) {
        this.reader = reader;
        this.scheduler = scheduler;
    }

    @Operation(
            summary = "The exploitation panels, newest first",
            description = "Each panel's reference (MACE-YYYY-MM-N), when its agenda was prepared, since when subjects"
                    + " count as new, who scheduled it by hand (none: the monthly timer), when it was held and who"
                    + " chaired it. For the agencies that sit on the panel (pathways.panel.agencies).")
    @ApiResponse(responseCode = "200", description = "The panels")
    @ApiResponse(
            responseCode = "403",
            description = "The caller's agency does not sit on the panel",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/api/panels")
    List<Panels.Panel> panels(Principal principal) {
        return reader.list(principal.getName());
    }

    @Operation(
            summary = "One panel: its agenda, the decision on each item and the actions agreed",
            description = "The agenda as prepared: the open cases at HIGH risk, the subjects of concern new or"
                    + " escalated to HIGH since the last panel, the overdue actions. Need-to-know: a subject only the"
                    + " police may read (and an action on one) is listed to the police alone; a case's child, the"
                    + " decision on it and its actions' words only to an agency that may read the case (each such"
                    + " read audited), others see the case id and whom to ask (caseReadable false).")
    @ApiResponse(responseCode = "200", description = "The panel as the caller may see it")
    @ApiResponse(
            responseCode = "403",
            description = "The caller's agency does not sit on the panel",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such panel",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/api/panels/{panelId}")
    PanelReader.PanelView panel(
            @Parameter(description = "The panel's id (its process instance)") @PathVariable String panelId,
            Principal principal) {
        return reader.read(principal.getName(), panelId, "API");
    }

    @Operation(
            summary = "Schedule a panel now, between the monthly ones",
            description = "For police and children's services managers. The panel's agenda is prepared at once and"
                    + " its co-chairs (police, children's services) get the task to record its decisions.")
    @ApiResponse(responseCode = "201", description = "The panel, its agenda prepared")
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not a police or children's services manager",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping("/api/panels")
    ResponseEntity<Panels.Panel> schedule(Principal principal) {
        Panels.Panel panel = scheduler.schedule(principal.getName());
        return ResponseEntity.created(URI.create("/api/panels/" + panel.panelId()))
                .body(panel);
    }
}
