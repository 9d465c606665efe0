package uk.pathways.modeling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.pathways.agency.Actor;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseVariables;

/**
 * Moving running cases from one version of a pathway to another with the engine's migration API: the generated
 * plan (equal element ids map to each other; running clocks keep their due dates), what cannot be mapped, a dry run
 * (the migration done and rolled back), and the real migration, recorded in each case's chronology.
 */
@Service
public class Migrations {

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ProcessEngineConfigurationImpl configuration;

    Migrations(
            RepositoryService repositoryService,
            RuntimeService runtimeService,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public record Mapping(String from, String to, boolean updateEventTrigger) {}

    /** An element of the old version with no counterpart in the new one, and how many running cases wait there. */
    public record Unmapped(String elementId, String name, String type, long runningCases) {}

    /** The generated plan; {@code canMigrate} is false if it has problems or a case waits where nothing maps. */
    public record Plan(
            String key,
            int fromVersion,
            int toVersion,
            long runningCases,
            boolean canMigrate,
            List<Mapping> mappings,
            List<Unmapped> unmapped,
            List<String> problems) {}

    public record CaseMoved(String processInstanceId, String reference, String caseId) {}

    public record Result(
            String key,
            int fromVersion,
            int toVersion,
            boolean dryRun,
            boolean migrated,
            List<CaseMoved> cases,
            List<String> problems) {}

    public Plan plan(String key, int from, int to) {
        ProcessDefinition source = definition(key, from);
        ProcessDefinition target = definition(key, to);
        long running = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionId(source.getId())
                .count();
        List<String> problems = new ArrayList<>();
        List<Mapping> mappings = new ArrayList<>();
        MigrationPlan plan = null;
        try {
            plan = build(source, target);
            for (MigrationInstruction i : plan.getInstructions()) {
                mappings.add(new Mapping(i.getSourceActivityId(), i.getTargetActivityId(), i.isUpdateEventTrigger()));
            }
        } catch (MigrationPlanValidationException e) {
            for (MigrationInstructionValidationReport report :
                    e.getValidationReport().getInstructionReports()) {
                MigrationInstruction i = report.getMigrationInstruction();
                report.getFailures()
                        .forEach(f ->
                                problems.add(i.getSourceActivityId() + " -> " + i.getTargetActivityId() + ": " + f));
            }
            e.getValidationReport()
                    .getVariableReports()
                    .forEach((name, r) -> r.getFailures().forEach(f -> problems.add("variable " + name + ": " + f)));
        }
        Set<String> mapped = mappings.stream().map(Mapping::from).collect(Collectors.toSet());
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(source.getId());
        BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
        List<Unmapped> unmapped = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            // a case can only be somewhere it waits; elements it passes straight through need no instruction
            boolean gone = targetModel.getModelElementById(node.getId()) == null;
            if (!mapped.contains(node.getId()) && (gone || waitsThere(node))) {
                long waiting = running == 0
                        ? 0
                        : runtimeService
                                .createProcessInstanceQuery()
                                .processDefinitionId(source.getId())
                                .activityIdIn(node.getId())
                                .count();
                unmapped.add(new Unmapped(
                        node.getId(), node.getName(), node.getElementType().getTypeName(), waiting));
            }
        }
        unmapped.sort(java.util.Comparator.comparing(Unmapped::elementId));
        boolean canMigrate = problems.isEmpty() && unmapped.stream().allMatch(u -> u.runningCases() == 0);
        return new Plan(key, from, to, running, canMigrate, mappings, unmapped, problems);
    }

    /**
     * Migrates every running case of version {@code from} to version {@code to}, all or none. A dry run does the
     * whole migration and rolls it back, so it finds every case that could not move.
     */
    public Result migrate(String key, int from, int to, boolean dryRun, Actor actor) {
        ProcessDefinition source = definition(key, from);
        ProcessDefinition target = definition(key, to);
        List<String> problems = new ArrayList<>();
        List<CaseMoved> cases = new ArrayList<>();
        boolean[] migrated = {false};
        try {
            transactions.executeWithoutResult(status -> {
                MigrationPlan plan = build(source, target);
                List<ProcessInstance> instances = runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionId(source.getId())
                        .list();
                if (instances.isEmpty()) {
                    return;
                }
                Map<String, String> caseIds = new LinkedHashMap<>();
                for (ProcessInstance instance : instances) {
                    Object caseId = runtimeService.getVariable(instance.getId(), CaseVariables.CASE_ID);
                    caseIds.put(instance.getId(), caseId == null ? null : caseId.toString());
                    cases.add(
                            new CaseMoved(instance.getId(), instance.getBusinessKey(), caseIds.get(instance.getId())));
                }
                // One case at a time, re-reading the new version between cases: Camunda 7.24's migration removes a
                // user task's timeout-listener declarations from the cached target definition as it migrates a task
                // (camunda-bpm-platform#4633), so a second case, and every task created later, would lose its clock.
                for (String processInstanceId : caseIds.keySet()) {
                    try {
                        runtimeService
                                .newMigration(plan)
                                .processInstanceIds(processInstanceId)
                                .execute();
                    } finally {
                        forget(target);
                    }
                }
                for (ProcessInstance instance : instances) {
                    events.publishEvent(new PathwayMigrated(
                            caseIds.get(instance.getId()),
                            instance.getBusinessKey(),
                            key,
                            from,
                            to,
                            instance.getId(),
                            actor,
                            Now.instant()));
                }
                migrated[0] = !dryRun;
                if (dryRun) {
                    status.setRollbackOnly();
                }
            });
        } catch (MigrationPlanValidationException e) {
            cases.clear();
            problems.add("The plan cannot be built: " + e.getMessage());
        } catch (MigratingProcessInstanceValidationException e) {
            migrated[0] = false;
            problems.addAll(describe(e.getValidationReport()));
        } finally {
            forget(target);
        }
        return new Result(key, from, to, dryRun, migrated[0], List.copyOf(cases), problems);
    }

    private static boolean waitsThere(FlowNode node) {
        return node instanceof UserTask
                || node instanceof ReceiveTask
                || node instanceof CallActivity
                || node instanceof SubProcess
                || node instanceof IntermediateCatchEvent
                || (node instanceof BoundaryEvent b
                        && b.getEventDefinitions().stream()
                                .anyMatch(d -> d instanceof TimerEventDefinition
                                        || d instanceof MessageEventDefinition
                                        || d instanceof SignalEventDefinition
                                        || d instanceof ConditionalEventDefinition))
                || node instanceof EventBasedGateway
                || node.isCamundaAsyncBefore()
                || node.isCamundaAsyncAfter();
    }

    private List<String> describe(MigratingProcessInstanceValidationReport report) {
        List<String> lines = new ArrayList<>();
        String instance = report.getProcessInstanceId();
        report.getFailures().forEach(f -> lines.add("case " + instance + ": " + f));
        for (MigratingActivityInstanceValidationReport a : report.getActivityInstanceReports()) {
            a.getFailures().forEach(f -> lines.add("case " + instance + ", " + a.getSourceScopeId() + ": " + f));
        }
        for (MigratingTransitionInstanceValidationReport t : report.getTransitionInstanceReports()) {
            t.getFailures().forEach(f -> lines.add("case " + instance + ", " + t.getSourceScopeId() + ": " + f));
        }
        return lines;
    }

    /**
     * Equal element ids map to each other. Event triggers are not updated: a running clock keeps its due date (a
     * changed clock length applies to tasks and timers created after the migration).
     */
    private MigrationPlan build(ProcessDefinition source, ProcessDefinition target) {
        return runtimeService
                .createMigrationPlan(source.getId(), target.getId())
                .mapEqualActivities()
                .build();
    }

    /** Drops the engine's cached copy of a definition, so that it is read again whole from the database. */
    private void forget(ProcessDefinition definition) {
        configuration.getDeploymentCache().removeProcessDefinition(definition.getId());
    }

    ProcessDefinition definition(String key, int version) {
        ProcessDefinition d = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .processDefinitionVersion(version)
                .singleResult();
        if (d == null) {
            throw new NoSuchElementException("Process " + key + " has no version " + version);
        }
        return d;
    }

    /** The versions of a process, newest last. */
    public Map<Integer, String> versions(String key) {
        Map<Integer, String> versions = new TreeMap<>();
        repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .list()
                .forEach(d -> versions.put(d.getVersion(), d.getId()));
        return versions;
    }
}
