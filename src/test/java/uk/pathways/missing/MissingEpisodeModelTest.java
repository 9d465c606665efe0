package uk.pathways.missing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import uk.pathways.missing.process.MissingEpisodeProcess;

/** bpmn/missing-episode.bpmn keeps the house rules: contract groups, forms, clocks with escalation, ids the code names. */
class MissingEpisodeModelTest {

    private final BpmnModelInstance model =
            Bpmn.readModelFromStream(MissingEpisodeModelTest.class.getResourceAsStream("/bpmn/missing-episode.bpmn"));

    @Test
    void theProcessIsTheContractsMissingEpisodeKeptSevenYears() {
        Process process = model.getModelElementById(MissingEpisodeProcess.KEY);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P2555D");
    }

    @Test
    void everyUserTaskHasItsGroupFormDueDateAndAnEscalationClockOnTheDueDate() {
        Map<String, String> groups = Map.of(
                MissingEpisodeProcess.TASK_RETURN_HOME_INTERVIEW,
                "rhi-service",
                MissingEpisodeProcess.TASK_POLICE_INTELLIGENCE,
                "police");
        Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
        assertThat(tasks).extracting(UserTask::getId).containsExactlyInAnyOrderElementsOf(groups.keySet());
        for (UserTask task : tasks) {
            assertThat(task.getCamundaCandidateGroups()).isEqualTo(groups.get(task.getId()));
            assertThat(task.getCamundaFormRef()).isEqualTo(task.getId());
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("latest");
            assertThat(MissingEpisodeModelTest.class.getResource("/forms/" + task.getId() + ".form"))
                    .isNotNull();
            List<CamundaTaskListener> escalations =
                    task
                            .getExtensionElements()
                            .getElementsQuery()
                            .filterByType(CamundaTaskListener.class)
                            .list()
                            .stream()
                            .filter(l -> "timeout".equals(l.getCamundaEvent())
                                    && "${escalation}".equals(l.getCamundaDelegateExpression()))
                            .toList();
            assertThat(escalations)
                    .as(task.getId())
                    .singleElement()
                    .satisfies(l -> assertThat(l.getTimeouts()
                                    .iterator()
                                    .next()
                                    .getTimeDate()
                                    .getTextContent())
                            .isEqualTo(task.getCamundaDueDate()));
        }
    }

    @Test
    void theInterviewRemindsBeforeItEscalates() {
        UserTask interview = model.getModelElementById(MissingEpisodeProcess.TASK_RETURN_HOME_INTERVIEW);
        List<String> clocks =
                interview
                        .getExtensionElements()
                        .getElementsQuery()
                        .filterByType(CamundaTaskListener.class)
                        .list()
                        .stream()
                        .filter(l -> "timeout".equals(l.getCamundaEvent()))
                        .map(l -> l.getCamundaDelegateExpression() + " "
                                + l.getTimeouts()
                                        .iterator()
                                        .next()
                                        .getTimeDate()
                                        .getTextContent())
                        .toList();
        assertThat(clocks)
                .containsExactly(
                        "${escalation.reminder} ${clocks.dueFrom('return-home-interview-reminder', returnedAt)}",
                        "${escalation} ${clocks.dueFrom('return-home-interview', returnedAt)}");
    }

    @Test
    void everyIdTheCodeNamesIsInTheModelAndEveryVariableTheModelNamesIsDocumented() throws Exception {
        for (var field : MissingEpisodeProcess.class.getFields()) {
            String name = field.getName();
            if (name.startsWith("TASK_")
                    || name.startsWith("START_")
                    || name.startsWith("CALL_")
                    || name.startsWith("END_")
                    || name.startsWith("CATCH_")
                    || name.startsWith("BOUNDARY_")
                    || name.startsWith("TIMER_")
                    || name.startsWith("SUBPROCESS_")) {
                assertThat((Object) model.getModelElementById((String) field.get(null)))
                        .as(name)
                        .isInstanceOf(FlowNode.class);
            }
        }
        String xml = Bpmn.convertToString(model);
        Set<String> named = new HashSet<>();
        Matcher expression = Pattern.compile("[$#]\\{([^}]*)}").matcher(xml);
        while (expression.find()) {
            String code = expression.group(1).replaceAll("'[^']*'", "''");
            Matcher identifier =
                    Pattern.compile("(?<![.\\w])([a-zA-Z_]\\w*)(?!\\w*\\s*\\()").matcher(code);
            while (identifier.find()) {
                named.add(identifier.group(1));
            }
        }
        named.removeAll(Set.of("execution", "true", "false", "null", "clocks", "escalation", "processBusinessKey"));
        named.removeIf(n -> n.startsWith("record")
                || n.startsWith("tell")
                || n.startsWith("check")
                || n.startsWith("register")
                || n.startsWith("close")
                || n.startsWith("share")
                || n.startsWith("start"));
        assertThat(MissingEpisodeProcess.VARIABLES).containsAll(named);
    }

    @Test
    void timersCountFromTheTimesTheyAreAbout() {
        TimeDate missingClock = model.getModelElementsByType(TimeDate.class).stream()
                .filter(t -> t.getTextContent().contains("missing-strategy-meeting"))
                .findFirst()
                .orElseThrow();
        assertThat(missingClock.getTextContent())
                .isEqualTo("${clocks.dueFrom('missing-strategy-meeting', missingSince)}");
    }
}
