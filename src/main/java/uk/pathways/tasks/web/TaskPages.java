package uk.pathways.tasks.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.pathways.agency.Actors;
import uk.pathways.agency.ClosedTasks;
import uk.pathways.agency.Privileged;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.casefile.CaseView;
import uk.pathways.casefile.TaskBriefing;
import uk.pathways.gate.OptionSource;
import uk.pathways.gate.TaskInputRefused;
import uk.pathways.sharing.ConsentPosition;
import uk.pathways.sharing.SharingConsent;
import uk.pathways.web.Display;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.FormErrors;
import uk.pathways.web.FormWording;
import uk.pathways.web.PageLink;
import uk.pathways.web.PathwaysPage;

/**
 * Practitioners' task work in the Pathways pages. {@code /tasks}: the agency's inbox (its tasks, escalated ones, those
 * due today), read with the user's own engine authorizations, 50 to a page and never counted. {@code /tasks/{id}}:
 * the task's deployed form ({@code forms/<key>.form}) in GOV.UK components, and beside it what the task needs from the
 * case record ({@link TaskBriefing}), read as the user and audited. Posting the form completes the task through
 * {@link FormService#submitTaskForm}, so the completion gate checks it as at every other door; its refusals come back
 * as the page's error summary.
 */
@Controller
@PathwaysPage
class TaskPages {

    static final int PAGE_SIZE = 50;
    private static final String DOOR = "PAGE";

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final FormService formService;
    private final ClosedTasks closedTasks;
    private final Privileged privileged;
    private final Actors actors;
    private final CaseAccess access;
    private final TaskBriefing briefing;
    private final FormWording wording;
    private final Display display;
    private final List<OptionSource> optionSources;
    private final ObjectMapper json;
    private final uk.pathways.casefile.PossibleDuplicates duplicates;
    private final SharingConsent consent;

    /** Tasks that share the case's information with other agencies: their practitioner sees the consent position. */
    static final Set<String> SHARING_TASKS = Set.of("agency-information", "strategy-meeting");

    TaskPages(
            TaskService taskService,
            RuntimeService runtimeService,
            FormService formService,
            ClosedTasks closedTasks,
            Privileged privileged,
            Actors actors,
            CaseAccess access,
            TaskBriefing briefing,
            FormWording wording,
            Display display,
            List<OptionSource> optionSources,
            ObjectMapper json,
            uk.pathways.casefile.PossibleDuplicates duplicates,
            SharingConsent consent) {
        this.duplicates = duplicates;
        this.consent = consent;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.formService = formService;
        this.closedTasks = closedTasks;
        this.privileged = privileged;
        this.actors = actors;
        this.access = access;
        this.briefing = briefing;
        this.wording = wording;
        this.display = display;
        this.optionSources = optionSources;
        this.json = json;
    }

    /** A row of the inbox. */
    public record Row(
            String id,
            String name,
            String child,
            String reference,
            String caseId,
            String agency,
            String assignee,
            boolean mine,
            Date due,
            boolean overdue,
            boolean dueToday,
            boolean escalated) {}

    // ---- the inbox ----

    /** The tasks of an inbox tab (no count: one page and one more row tells whether there is a next page). */
    private TaskQuery inboxQuery(String tab, String user, List<String> groups) {
        TaskQuery query = taskService.createTaskQuery().active();
        return switch (tab) {
            case "mine" -> query.taskAssignee(user);
            case "escalated" ->
                query.taskCandidateGroupIn(groups).includeAssignedTasks().taskVariableValueEquals("escalated", true);
            case "today" ->
                query.taskCandidateGroupIn(groups)
                        .includeAssignedTasks()
                        .dueBefore(Date.from(Now.today()
                                .plusDays(1)
                                .atTime(LocalTime.MIDNIGHT)
                                .atZone(Now.UK)
                                .toInstant()));
            default -> query.taskCandidateGroupIn(groups).includeAssignedTasks();
        };
    }

    @GetMapping("/tasks")
    String inbox(
            @RequestParam(defaultValue = "agency") String show,
            @RequestParam(defaultValue = "0") int from,
            Principal principal,
            Model model) {
        String user = principal.getName();
        List<String> groups = List.copyOf(actors.groupsOf(user));
        int first = Math.max(0, Math.min(from, 100_000));
        String tab = switch (show) {
            case "mine", "escalated", "today" -> show;
            default -> "agency";
        };
        // a practitioner in no group (just removed from their agency, say) has no agency's tasks: an empty inbox
        List<Task> page = groups.isEmpty() && !"mine".equals(tab)
                ? List.of()
                : inboxQuery(tab, user, groups)
                        .orderByDueDate()
                        .asc()
                        .orderByTaskCreateTime()
                        .asc()
                        .listPage(first, PAGE_SIZE + 1);
        List<Task> shown = page.size() > PAGE_SIZE ? page.subList(0, PAGE_SIZE) : page;
        Map<String, Map<String, Object>> shownVariables = variablesOf(shown);
        // a user of one agency group sees only that agency's tasks: its name once, not a look-up per row
        List<String> agencyGroups = groups.stream()
                .filter(g -> uk.pathways.agency.Agency.ofGroup(g).isPresent())
                .toList();
        String onlyAgency =
                agencyGroups.size() == 1 && !"mine".equals(tab) ? display.agency(agencyGroups.get(0)) : null;
        List<Row> rows = new ArrayList<>();
        for (Task t : shown) {
            Map<String, Object> v = shownVariables.getOrDefault(t.getId(), Map.of());
            rows.add(new Row(
                    t.getId(),
                    t.getName(),
                    text(v.get(CaseVariables.CHILD_DISPLAY_NAME)),
                    text(v.get(CaseVariables.REFERENCE)),
                    text(v.get(CaseVariables.CASE_ID)),
                    onlyAgency != null ? onlyAgency : agencyOfRow(t),
                    t.getAssignee(),
                    user.equals(t.getAssignee()),
                    t.getDueDate(),
                    display.overdue(t.getDueDate()),
                    dueToday(t.getDueDate()),
                    Boolean.TRUE.equals(v.get("escalated"))));
        }
        model.addAttribute("tab", tab);
        model.addAttribute("rows", rows);
        model.addAttribute("from", first);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("hasNext", page.size() > PAGE_SIZE);
        return "tasks/inbox";
    }

    /**
     * The case, child and escalation of the tasks shown, in two variable queries for the whole page (the tasks'
     * local copies, then their processes' case ids), so that a page costs the same however many tasks are open.
     */
    private Map<String, Map<String, Object>> variablesOf(List<Task> tasks) {
        Map<String, Map<String, Object>> byTask = new HashMap<>();
        if (tasks.isEmpty()) {
            return byTask;
        }
        // the user may read these tasks (the query above ran with their authorizations); their case ids and names are
        // read for the rows, never anything else of the case
        privileged.run(() -> {
            Map<String, List<String>> tasksOfProcess = new HashMap<>();
            for (Task t : tasks) {
                byTask.put(t.getId(), new HashMap<>());
                tasksOfProcess
                        .computeIfAbsent(t.getProcessInstanceId(), p -> new ArrayList<>())
                        .add(t.getId());
            }
            for (VariableInstance v : runtimeService
                    .createVariableInstanceQuery()
                    .taskIdIn(byTask.keySet().toArray(String[]::new))
                    .variableNameIn(CaseVariables.CHILD_DISPLAY_NAME, CaseVariables.REFERENCE, "escalated")
                    .list()) {
                byTask.get(v.getTaskId()).put(v.getName(), v.getValue());
            }
            for (VariableInstance v : runtimeService
                    .createVariableInstanceQuery()
                    .processInstanceIdIn(tasksOfProcess.keySet().toArray(String[]::new))
                    .variableName(CaseVariables.CASE_ID)
                    .list()) {
                if (v.getTaskId() == null && v.getExecutionId().equals(v.getProcessInstanceId())) {
                    tasksOfProcess
                            .get(v.getProcessInstanceId())
                            .forEach(id -> byTask.get(id).put(CaseVariables.CASE_ID, v.getValue()));
                }
            }
        });
        return byTask;
    }

    private String agencyOf(Task task) {
        return privileged.call(() -> taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> l.getGroupId() != null)
                .map(l -> display.agency(l.getGroupId()))
                .findFirst()
                .orElse(""));
    }

    /**
     * The agency of an inbox row; none if a colleague completed the task since the inbox listed it (the engine then
     * fails the identity-link read, with a NullPointerException if the process moved on meanwhile): its row is gone
     * at the next look, and the inbox is not a 500. The task page keeps the strict {@link #agencyOf}, so that a task
     * completed while its page is made is reported as such.
     */
    String agencyOfRow(Task task) {
        try {
            return agencyOf(task);
        } catch (ProcessEngineException | NullPointerException gone) {
            if (!stillOpen(task.getId())) {
                return "";
            }
            throw gone;
        }
    }

    private static boolean dueToday(Date due) {
        return due != null && due.toInstant().atZone(Now.UK).toLocalDate().equals(Now.today());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String back,
            Principal principal,
            RedirectAttributes redirect) {
        Task task = open(id);
        if (task == null) {
            return closedSince(id, principal.getName(), redirect, ClosedTasks.BEFORE_YOUR_CLAIM);
        }
        if (task.getAssignee() == null) {
            try {
                taskService.claim(id, principal.getName());
                redirect.addFlashAttribute("notice", "You have claimed \"" + task.getName() + "\".");
            } catch (RuntimeException raced) {
                // claimed (or completed) by someone at the same moment
                Task now = open(id);
                if (now == null || now.getAssignee() == null) {
                    throw raced;
                }
                redirect.addFlashAttribute(
                        principal.getName().equals(now.getAssignee()) ? "notice" : "warning",
                        principal.getName().equals(now.getAssignee())
                                ? "You have claimed \"" + task.getName() + "\"."
                                : "\"" + task.getName() + "\" was claimed by " + now.getAssignee()
                                        + " just before you.");
            }
        }
        return "redirect:" + (back.equals("inbox") ? "/tasks" : "/tasks/" + id);
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String back,
            Principal principal,
            RedirectAttributes redirect) {
        Task task = open(id);
        if (task == null) {
            return closedSince(id, principal.getName(), redirect, AND_NO_LONGER_OPEN);
        }
        taskService.setAssignee(id, null);
        redirect.addFlashAttribute("notice", "\"" + task.getName() + "\" is back with your agency.");
        return "redirect:" + (back.equals("inbox") ? "/tasks" : "/tasks/" + id);
    }

    // ---- one task ----

    @GetMapping("/tasks/{id}")
    String task(@PathVariable String id, Principal principal, Model model, RedirectAttributes redirect) {
        Task task = open(id);
        if (task == null) {
            return closedSince(id, principal.getName(), redirect, AND_NO_LONGER_OPEN);
        }
        try {
            return show(task, principal.getName(), model, null, FormErrors.none());
        } catch (org.camunda.bpm.engine.ProcessEngineException | NullPointerException | NoSuchElementException gone) {
            // completed while the page was being made (B6 saw 5 in 600 s on two nodes): answered as a task that closed
            // before it was opened
            if (!stillOpen(id)) {
                return closedSince(id, principal.getName(), redirect, AND_NO_LONGER_OPEN);
            }
            throw gone;
        }
    }

    @PostMapping("/tasks/{id}")
    String complete(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        String user = principal.getName();
        Task task = open(id);
        if (task == null) {
            // the usual way a form is lost to a colleague (B6): theirs was sent while this one was being filled in
            return closedSince(id, user, redirect, ClosedTasks.BEFORE_YOUR_FORM);
        }
        JsonNode deployed;
        String caseId;
        try {
            deployed = deployedForm(task);
            caseId = caseIdOf(task);
        } catch (RuntimeException gone) {
            // a colleague completed it between the look-up above and these reads (seen under load in B6)
            return completedMeanwhile(id, user, gone, redirect);
        }
        TaskForm form = TaskForm.of(deployed, dynamicOptions(), params);
        FormErrors errors = new FormErrors();
        Map<String, Object> variables = form.variables(errors);
        if (errors.any()) {
            return showUnlessGone(id, user, model, params, errors, redirect);
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            return showUnlessGone(
                    id,
                    user,
                    model,
                    params,
                    new FormErrors()
                            .add(
                                    "task",
                                    "This task is claimed by " + task.getAssignee()
                                            + ". Ask them, or your manager, to pass it to you"),
                    redirect);
        }
        try {
            if (task.getAssignee() == null) {
                taskService.claim(id, user);
            }
            formService.submitTaskForm(id, variables);
        } catch (TaskInputRefused refused) {
            FormErrors gate = new FormErrors();
            for (FieldProblem p : refused.problems()) {
                gate.add(p.field(), p.message());
            }
            return showUnlessGone(id, user, model, params, gate, redirect);
        } catch (RuntimeException raced) {
            // a lost race (someone completed or claimed it at the same moment): the engine's answer is not the user's
            if (!stillOpen(id)) {
                return closedMeanwhile(id, user, redirect);
            }
            if (raced instanceof org.springframework.security.access.AccessDeniedException
                    || raced instanceof org.camunda.bpm.engine.AuthorizationException) {
                throw raced;
            }
            return showUnlessGone(
                    id,
                    user,
                    model,
                    params,
                    new FormErrors()
                            .add(
                                    "task",
                                    "This task changed while you were completing it"
                                            + " (someone claimed or completed it at the same moment). Check it and complete it again"),
                    redirect);
        }
        redirect.addFlashAttribute("notice", "\"" + task.getName() + "\" is done. What you recorded is on the case.");
        redirect.addFlashAttribute("caseId", caseId);
        return "redirect:/tasks";
    }

    /**
     * The task's page again with what went wrong; or, when a colleague completed the task while it was being shown
     * (the engine no longer knows it), the inbox with a notice: a lost race is never a 500.
     */
    private String showUnlessGone(
            String id,
            String user,
            Model model,
            MultiValueMap<String, String> posted,
            FormErrors errors,
            RedirectAttributes redirect) {
        try {
            return show(readable(id), user, model, posted, errors);
        } catch (ProcessEngineException | NullPointerException | NoSuchElementException gone) {
            return completedMeanwhile(id, user, gone, redirect);
        }
    }

    /** The inbox with a warning if the task was completed meanwhile; otherwise the failure stands. */
    private String completedMeanwhile(String id, String user, RuntimeException failure, RedirectAttributes redirect) {
        if (stillOpen(id)) {
            throw failure;
        }
        return closedMeanwhile(id, user, redirect);
    }

    /** A task the user was working on (their access was checked) closed while their form was being handled. */
    private String closedMeanwhile(String id, String user, RedirectAttributes redirect) {
        return closed(id, user, redirect, "just " + ClosedTasks.BEFORE_YOUR_FORM, true);
    }

    private boolean stillOpen(String id) {
        return open(id) != null;
    }

    private String show(Task task, String user, Model model, MultiValueMap<String, String> posted, FormErrors errors) {
        String caseId = caseIdOf(task);
        List<CaseView.RecordEntry> needed = List.of();
        if (caseId != null) {
            access.checkRead(user, caseId, DOOR, "task page " + task.getTaskDefinitionKey());
            needed = briefing.forTask(
                    caseId,
                    task.getTaskDefinitionKey(),
                    task.getProcessInstanceId(),
                    text(privileged.call(() -> taskService.getVariable(task.getId(), CaseVariables.REFERENCE))),
                    user);
        } else {
            needed = briefing.forTaskWithoutCase(task.getTaskDefinitionKey(), task.getProcessInstanceId(), user);
        }
        Map<String, Object> local = privileged.call(() -> taskService.getVariablesLocal(
                task.getId(), List.of(CaseVariables.CHILD_DISPLAY_NAME, CaseVariables.REFERENCE, "escalated")));
        // MASH and the strategy review check whether the child has another record
        model.addAttribute(
                "duplicates",
                caseId != null && Set.of("screening", "strategy-review").contains(task.getTaskDefinitionKey())
                        ? duplicates.of(caseId)
                        : List.of());
        // about to share: the case's consent position for sharing, beside the form (read under the case read above)
        ConsentPosition position =
                caseId != null && SHARING_TASKS.contains(task.getTaskDefinitionKey()) ? consent.inForce(caseId) : null;
        model.addAttribute("consent", position);
        model.addAttribute("task", task);
        model.addAttribute("caseId", caseId);
        model.addAttribute("child", text(local.get(CaseVariables.CHILD_DISPLAY_NAME)));
        model.addAttribute("reference", text(local.get(CaseVariables.REFERENCE)));
        model.addAttribute("escalated", Boolean.TRUE.equals(local.get("escalated")));
        model.addAttribute("agency", agencyOf(task));
        model.addAttribute("mine", user.equals(task.getAssignee()));
        model.addAttribute("form", TaskForm.of(deployedForm(task), dynamicOptions(), posted));
        model.addAttribute("errors", errors);
        List<String> ids = new ArrayList<>(
                needed.stream().map(CaseView.RecordEntry::recordedBy).toList());
        if (position != null && position.recorded()) {
            ids.add(position.recordedBy());
        }
        Map<String, String> people = actors.namesOf(ids);
        model.addAttribute("people", people);
        model.addAttribute(
                "briefing",
                needed.stream()
                        .map(e -> new Briefed(
                                wording.task(e.kind()),
                                display.agency(e.agency()),
                                people.getOrDefault(e.recordedBy(), e.recordedBy()),
                                display.dateTime(e.recordedAt()),
                                wording.fields(e.kind(), e.fields())))
                        .toList());
        return "tasks/task";
    }

    /** An entry of the record shown beside the form. */
    public record Briefed(
            String task, String agency, String who, String when, List<Map.Entry<String, String>> fields) {}

    /** The task if the user may read it (their own engine authorizations); otherwise a 404 as for no such task. */
    private Task readable(String id) {
        Task task = open(id);
        if (task == null) {
            throw new NoSuchElementException("No open task " + id + " for you");
        }
        return task;
    }

    /** The open task {@code id} the signed-in user's authorizations show, or null. */
    private Task open(String id) {
        return taskService.createTaskQuery().taskId(id).active().singleResult();
    }

    private static final String AND_NO_LONGER_OPEN = "and is no longer open.";

    /**
     * The task {@code id} is not open for the user. If it was offered to them (their agency's, or assigned to them) and
     * has closed since they listed or opened it, the inbox warns them so ("... was completed by someone else before you
     * sent your form"), and nothing they sent is recorded. To anyone else, as for an id that never was, there is no such
     * task (404): a closed task of another agency is not disclosed.
     */
    private String closedSince(String id, String user, RedirectAttributes redirect, String tail) {
        return closed(id, user, redirect, tail, false);
    }

    private String closed(String id, String user, RedirectAttributes redirect, String tail, boolean accessChecked) {
        HistoricTaskInstance closed = (accessChecked
                        ? closedTasks.closed(id)
                        : closedTasks.closedAndOfferedTo(id, user, actors.groupsOf(user)))
                .orElseThrow(() -> new NoSuchElementException("No open task " + id + " for you"));
        redirect.addFlashAttribute("warning", closedTasks.told(closed, user, tail));
        return "redirect:/tasks";
    }

    private String caseIdOf(Task task) {
        return text(privileged.call(() -> taskService.getVariable(task.getId(), CaseVariables.CASE_ID)));
    }

    private JsonNode deployedForm(Task task) {
        try (InputStream in = privileged.call(() -> formService.getDeployedTaskForm(task.getId()))) {
            return json.readTree(in);
        } catch (IOException | ProcessEngineException e) {
            return json.createObjectNode();
        }
    }

    private Map<String, List<TaskForm.Option>> dynamicOptions() {
        Map<String, List<TaskForm.Option>> options = new HashMap<>();
        for (OptionSource source : optionSources) {
            options.put(
                    source.key(),
                    source.options().entrySet().stream()
                            .map(e -> new TaskForm.Option(e.getKey(), e.getValue(), false))
                            .toList());
        }
        return options;
    }

    @Bean
    static PageLink tasksLink() {
        // for the agencies' people: the performance group and process owners have no tasks
        return new PageLink(
                "Tasks",
                "/tasks",
                5,
                groups -> groups.stream()
                        .anyMatch(g -> uk.pathways.agency.Agency.ofGroup(g).isPresent()));
    }
}
