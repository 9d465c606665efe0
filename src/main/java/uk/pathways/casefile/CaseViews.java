package uk.pathways.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.pathways.agency.Privileged;
import uk.pathways.calendar.Now;

/** Puts a case's record and its open work in the engine together as one view. */
@Component
public class CaseViews {

    private final CaseFile caseFile;
    private final TaskService taskService;
    private final ObjectProvider<CaseViewSection> sections;
    private final Privileged privileged;

    CaseViews(CaseFile caseFile, TaskService taskService, ObjectProvider<CaseViewSection> sections, Privileged privileged) {
        this.privileged = privileged;
        this.caseFile = caseFile;
        this.taskService = taskService;
        this.sections = sections;
    }

    @Transactional(readOnly = true)
    public Optional<CaseView> view(String caseId, String readerUserId) {
        return caseFile.find(caseId).map(summary -> {
            ChildDetails c = summary.child();
            CaseView.Child child = new CaseView.Child(c.firstName(), c.lastName(), c.displayName(), c.dateOfBirth(),
                    c.ageOn(Now.today()), c.gender(), c.ethnicity(), c.district(), c.lookedAfter(), c.placingAuthority());
            List<CaseView.Referral> referrals = caseFile.referrals(caseId).stream()
                    .map(r -> new CaseView.Referral(r.reference(), r.receivedAt(), r.source(), r.referrerAgency(),
                            r.referrerName(), r.concerns(), r.indicators(), r.status(), r.outcome(), r.processInstanceId()))
                    .toList();
            List<CaseView.Decision> decisions = caseFile.decisions(caseId).stream()
                    .map(d -> new CaseView.Decision(d.kind(), d.reference(), d.decidedAt(), d.decidedBy().userId(),
                            d.decidedBy().agency(), d.age(), d.screeningScore(), d.indicators(), d.disclosure(),
                            d.learningDisability(), d.riskLevel(), d.pathway(), d.outcome()))
                    .toList();
            List<Object> missing = new ArrayList<>();
            for (CaseViewSection section : sections) {
                if ("missingEpisodes".equals(section.name())) {
                    missing.addAll(section.items(caseId));
                }
            }
            return new CaseView(caseId, child, summary.status(), summary.riskLevel(), summary.pathway(), summary.stage(),
                    caseFile.involvedAgencies(caseId), openTasks(caseId), referrals, missing, decisions,
                    caseFile.chronology(caseId));
        });
    }

    /** Every open task of the case, whichever agency it is for: callers have checked that the reader may read the case. */
    public List<CaseView.OpenTask> openTasks(String caseId) {
        return privileged.call(() -> openTasksOf(caseId));
    }

    private List<CaseView.OpenTask> openTasksOf(String caseId) {
        List<CaseView.OpenTask> open = new ArrayList<>();
        for (Task task : taskService.createTaskQuery().processVariableValueEquals(CaseVariables.CASE_ID, caseId)
                .orderByDueDate().asc().orderByTaskCreateTime().asc().list()) {
            List<String> groups = new ArrayList<>();
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
            Object escalated = taskService.getVariableLocal(task.getId(), "escalated");
            open.add(new CaseView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), groups,
                    task.getAssignee(), task.getDueDate(), Boolean.TRUE.equals(escalated), task.getProcessInstanceId()));
        }
        return open;
    }
}
