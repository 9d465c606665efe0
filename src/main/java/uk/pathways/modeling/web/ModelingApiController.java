package uk.pathways.modeling.web;

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

import com.fasterxml.jackson.databind.JsonNode;

import uk.pathways.agency.Actors;
import uk.pathways.modeling.Deployments;
import uk.pathways.modeling.Finding;
import uk.pathways.modeling.Migrations;
import uk.pathways.modeling.ModelDiff;
import uk.pathways.modeling.ProcessOwners;
import uk.pathways.modeling.ValidationReport;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * The process owners' API: {@code POST /api/deployments} (multipart; {@code ?dryRun=true} only checks),
 * {@code GET /api/migrations/plan}, {@code POST /api/migrations} and {@code GET /api/models/diff}.
 * Anyone not in {@code process-owners} gets 403.
 */
@RestController
@RequestMapping("/api")
class ModelingApiController {

    private final Deployments deployments;
    private final Migrations migrations;
    private final ModelDiff diff;
    private final IdentityService identityService;
    private final Actors actors;

    ModelingApiController(Deployments deployments, Migrations migrations, ModelDiff diff, IdentityService identityService,
                          Actors actors) {
        this.deployments = deployments;
        this.migrations = migrations;
        this.diff = diff;
        this.identityService = identityService;
        this.actors = actors;
    }

    @PostMapping(path = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> deploy(MultipartHttpServletRequest request,
                             @RequestParam(defaultValue = "false") boolean dryRun,
                             @RequestParam(name = "deployment-name", required = false) String name) throws IOException {
        ownerOnly("deploy pathways");
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (MultipartFile file : request.getFileMap().values()) {
            String fileName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? file.getName() : file.getOriginalFilename();
            files.put(fileName, file.getBytes());
        }
        if (files.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("files", "Upload at least one .bpmn, .dmn or .form file")));
        }
        Deployments.Outcome outcome = deployments.deploy(name == null || name.isBlank() ? "Pathways upload" : name, files, dryRun);
        if (!outcome.report().ok()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, outcome.report().describe());
            problem.setTitle("Models refused");
            problem.setType(URI.create("https://pathways.example/problems/models-refused"));
            problem.setProperty("dryRun", dryRun);
            problem.setProperty("deployed", false);
            problem.setProperty("errors", findings(outcome.report().errors()));
            problem.setProperty("warnings", findings(outcome.report().warnings()));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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

    @GetMapping("/migrations/plan")
    Migrations.Plan plan(@RequestParam String key, @RequestParam int from, @RequestParam int to) {
        ownerOnly("plan migrations");
        return migrations.plan(key, from, to);
    }

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
        return result.problems().isEmpty() ? ResponseEntity.ok(result) : ResponseEntity.status(HttpStatus.CONFLICT).body(result);
    }

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
}
