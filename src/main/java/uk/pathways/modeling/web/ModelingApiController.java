package uk.pathways.modeling.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import uk.pathways.agency.Actors;
import uk.pathways.modeling.Deployments;
import uk.pathways.modeling.Finding;
import uk.pathways.modeling.Migrations;
import uk.pathways.modeling.ModelDiff;
import uk.pathways.modeling.ProcessOwners;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * The process owners' API: {@code POST /api/deployments} (multipart; {@code ?dryRun=true} only checks),
 * {@code GET /api/migrations/plan}, {@code POST /api/migrations} and {@code GET /api/models/diff}.
 * Anyone not in {@code process-owners} gets 403.
 */
@RestController
@RequestMapping("/api")
@Tag(
        name = "Process owners",
        description = "Deploy pathway models, plan and run migrations, compare versions "
                + "(docs/process-owners.md); for members of process-owners only")
class ModelingApiController {

    static final String PROBLEM = "application/problem+json";

    private final Deployments deployments;
    private final Migrations migrations;
    private final ModelDiff diff;
    private final IdentityService identityService;
    private final Actors actors;

    ModelingApiController(
            Deployments deployments,
            Migrations migrations,
            ModelDiff diff,
            IdentityService identityService,
            Actors actors) {
        this.deployments = deployments;
        this.migrations = migrations;
        this.diff = diff;
        this.identityService = identityService;
        this.actors = actors;
    }

    @Operation(
            summary = "Deploy (or check) pathway models",
            description = """
            Uploads .bpmn, .dmn and .form files, each checked first (validation report); with `dryRun=true` only \
            checked. Nothing is deployed if any file has an error.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                            schema = @Schema(implementation = DeploymentUpload.class))))
    @ApiResponse(
            responseCode = "200",
            description = "Deployed, or (dry run) would be",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = DeploymentOutcome.class)))
    @ApiResponse(
            responseCode = "400",
            description = "No file, or models refused: `errors` and `warnings` name each finding",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ModelsRefused.class)))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not in process-owners",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(path = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> deploy(
            MultipartHttpServletRequest request,
            @Parameter(description = "Only check") @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "Default: Pathways upload")
                    @RequestParam(name = "deployment-name", required = false)
                    String name)
            throws IOException {
        ownerOnly("deploy pathways");
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (MultipartFile file : request.getFileMap().values()) {
            String fileName = file.getOriginalFilename() == null
                            || file.getOriginalFilename().isBlank()
                    ? file.getName()
                    : file.getOriginalFilename();
            files.put(fileName, file.getBytes());
        }
        if (files.isEmpty()) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("files", "Upload at least one .bpmn, .dmn or .form file")));
        }
        Deployments.Outcome outcome =
                deployments.deploy(name == null || name.isBlank() ? "Pathways upload" : name, files, dryRun);
        if (!outcome.report().ok()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, outcome.report().describe());
            problem.setTitle("Models refused");
            problem.setType(URI.create("https://pathways.example/problems/models-refused"));
            problem.setProperty("dryRun", dryRun);
            problem.setProperty("deployed", false);
            problem.setProperty("errors", findings(outcome.report().errors()));
            problem.setProperty("warnings", findings(outcome.report().warnings()));
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dryRun", dryRun);
        body.put("deployed", outcome.deployed());
        body.put("summary", outcome.report().describe());
        if (outcome.deploymentId() != null) {
            body.put("deploymentId", outcome.deploymentId());
        }
        body.put("definitions", outcome.definitions());
        body.put("errors", List.of());
        body.put("warnings", findings(outcome.report().warnings()));
        return ResponseEntity.ok(body);
    }

    @Operation(
            summary = "Plan a migration",
            description = "Running cases of one version and how their activities map to "
                    + "another; `canMigrate` is false if it has problems or a case waits where nothing maps.")
    @ApiResponse(
            responseCode = "200",
            description = "The plan",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Migrations.Plan.class)))
    @ApiResponse(
            responseCode = "400",
            description = "`key`, `from` or `to` missing, or a version not a number",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not in process-owners",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "The process has no such version",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/migrations/plan")
    Migrations.Plan plan(@RequestParam String key, @RequestParam int from, @RequestParam int to) {
        ownerOnly("plan migrations");
        return migrations.plan(key, from, to);
    }

    @Operation(
            summary = "Migrate running cases",
            description = "Moves every running case of `from` to `to` (`dryRun`: done "
                    + "and rolled back), recorded in each case's chronology.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = MigrationRequest.class))))
    @ApiResponse(
            responseCode = "200",
            description = "Migrated (or, dry run, would be)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Migrations.Result.class)))
    @ApiResponse(
            responseCode = "400",
            description = "No `key`, or a version not 1 or more",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not in process-owners",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "The process has no such version",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "Not migrated: `problems` says why (the result, as JSON, not a problem)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Migrations.Result.class)))
    @PostMapping(path = "/migrations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Migrations.Result> migrate(@RequestBody JsonNode body) {
        ownerOnly("migrate running cases");
        List<FieldProblem> problems = new ArrayList<>();
        String key = body.path("key").asText("");
        if (key.isBlank()) {
            problems.add(new FieldProblem("key", "Name the process, for example cse-referral"));
        }
        int from = version(body, "from", problems);
        int to = version(body, "to", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean dryRun = body.path("dryRun").asBoolean(false);
        Migrations.Result result = migrations.migrate(key, from, to, dryRun, actors.current());
        return result.problems().isEmpty()
                ? ResponseEntity.ok(result)
                : ResponseEntity.status(HttpStatus.CONFLICT).body(result);
    }

    @Operation(
            summary = "Compare two versions of a pathway",
            description = "Elements added, removed and changed, and the " + "clocks and candidate groups that changed.")
    @ApiResponse(
            responseCode = "200",
            description = "The differences",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ModelDiff.Diff.class)))
    @ApiResponse(
            responseCode = "400",
            description = "`key`, `from` or `to` missing, or a version not a number",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not in process-owners",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "The process has no such version",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/models/diff")
    ModelDiff.Diff diff(@RequestParam String key, @RequestParam int from, @RequestParam int to) {
        ownerOnly("compare pathway versions");
        return diff.diff(key, from, to);
    }

    private static int version(JsonNode body, String field, List<FieldProblem> problems) {
        JsonNode v = body.path(field);
        if (!v.canConvertToInt() || v.asInt() < 1) {
            problems.add(new FieldProblem(field, "Give the version number (1 or more)"));
            return 0;
        }
        return v.asInt();
    }

    private static List<Map<String, String>> findings(List<Finding> findings) {
        List<Map<String, String>> list = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("field", f.where());
            m.put("file", f.fileName());
            if (f.elementId() != null) {
                m.put("element", f.elementId());
            }
            if (f.elementName() != null && !f.elementName().isBlank()) {
                m.put("elementName", f.elementName());
            }
            m.put("message", f.message());
            list.add(m);
        }
        return list;
    }

    private void ownerOnly(String action) {
        Authentication auth = identityService.getCurrentAuthentication();
        if (auth == null || !ProcessOwners.isOwner(auth.getGroupIds())) {
            throw new AccessDeniedException("Only process owners (group " + ProcessOwners.GROUP + ") may " + action);
        }
    }

    @Schema(name = "DeploymentUpload")
    record DeploymentUpload(
            @ArraySchema(
                    schema = @Schema(type = "string", format = "binary"),
                    arraySchema =
                            @Schema(description = "The .bpmn, .dmn and .form files, one part each (any part name)"))
            List<String> files) {}

    @Schema(name = "Finding", description = "One finding of the validation report")
    record FindingView(String field, String file, String element, String elementName, String message) {}

    @Schema(name = "DeploymentOutcome")
    record DeploymentOutcome(
            boolean dryRun,
            boolean deployed,
            String summary,
            String deploymentId,
            List<Deployments.Deployed> definitions,
            List<FindingView> errors,
            List<FindingView> warnings) {}

    @Schema(
            name = "ModelsRefused",
            description = "400: the models were refused (problem details); for no file at all, "
                    + "`errors` is `[{field: files, message}]` only")
    record ModelsRefused(
            String type,
            String title,
            int status,
            String detail,
            Boolean dryRun,
            Boolean deployed,
            List<FindingView> errors,
            List<FindingView> warnings) {}

    @Schema(name = "MigrationRequest")
    record MigrationRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "cse-referral")
            String key,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1")
            int from,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1")
            int to,

            @Schema(description = "Migrate and roll back") Boolean dryRun) {}
}
