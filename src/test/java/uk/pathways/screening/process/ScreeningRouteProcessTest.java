package uk.pathways.screening.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ApplicationEventPublisher;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.screening.TestCatalogue;

/**
 * The fast tier: the screening route of bpmn/cse-referral.bpmn on an in-memory engine, with the real indicator
 * catalogue, the real cse-threshold table and the screening's own listeners, every other bean mocked. The screening
 * sends the child to universal services, early help or a strategy meeting; a professional judgement waits for a MASH
 * manager.
 */
class ScreeningRouteProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("pathways-engine-only.cfg.xml")
            .build();

    /** The clocks bean: due dates an hour on, durations and cycles of six weeks. */
    public static class Clocks {
        public Date due(String clock) {
            return Date.from(Instant.now().plus(Duration.ofHours(1)));
        }

        public Date dueFrom(String clock, Object from) {
            return due(clock);
        }

        public Date strategyMeetingDue(boolean urgent) {
            return Date.from(Instant.now().plus(Duration.ofDays(urgent ? 1 : 3)));
        }

        public String isoDuration(String clock) {
            return "P42D";
        }

        public String cycle(String clock) {
            return "R/P42D";
        }
    }

    /** The escalation and milestone beans: listeners that do nothing here. */
    public static class Quiet implements TaskListener, ExecutionListener {
        @Override
        public void notify(DelegateTask task) {}

        @Override
        public void notify(org.camunda.bpm.engine.delegate.DelegateExecution execution) {}

        public Quiet getReminder() {
            return this;
        }
    }

    final Actors actors = mock(Actors.class);

    @BeforeEach
    void beans() {
        when(actors.current(anyList())).thenReturn(new Actor("mash-worker", "mash"));
        Mocks.register("clocks", new Clocks());
        Mocks.register("escalation", new Quiet());
        Mocks.register("milestone", new Quiet());
        Mocks.register("scoreScreening", new ScoreScreening(TestCatalogue.real()));
        Mocks.register(
                "recordThresholdDecision", new RecordThresholdDecision(mock(ApplicationEventPublisher.class), actors));
        Mocks.register("screeningJudgement", new ScreeningJudgement());
        Mocks.register("applyJudgement", new ApplyJudgement(mock(ApplicationEventPublisher.class), actors));
        Mocks.register("concludeReferral", mock(ExecutionListener.class));
        Mocks.register("registerMessageReferral", mock(ExecutionListener.class));
        Mocks.register("openRiseSupport", mock(JavaDelegate.class));
        Mocks.register("recordAllocation", mock(TaskListener.class));
        Mocks.register("recordOutreachContact", mock(TaskListener.class));
        Mocks.register("recordOutcomeWheel", mock(TaskListener.class));
        // the strategy meeting the referral calls
        Mocks.register("strategyMeetingAgencies", new Object() {
            public List<String> asked() {
                return List.of("police");
            }

            public List<String> invitedTo(String meetingId) {
                return asked();
            }
        });
        Mocks.register("recordMeetingScheduled", mock(TaskListener.class));
        Mocks.register("recordMeetingOutcome", mock(TaskListener.class));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance refer(int age) {
        return engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "cse-referral",
                        "REF-2026-000001",
                        Map.of(
                                "caseId",
                                "CASE-2026-000001",
                                "reference",
                                "REF-2026-000001",
                                "childDisplayName",
                                "Alex E. (" + age + ")",
                                "age",
                                age));
    }

    private List<String> open(ProcessInstance instance) {
        return engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(instance.getBusinessKey())
                .list()
                .stream()
                .map(Task::getTaskDefinitionKey)
                .sorted()
                .toList();
    }

    @ParameterizedTest(name = "{0} (age {1}, disclosure {2}): {3}")
    @CsvSource({
        "'', 14, false, ''",
        "'OLDER_PARTNER,SUBSTANCE_MISUSE', 14, false, early-help-plan",
        "'', 15, true, schedule-strategy-meeting",
        "'OLDER_PARTNER,CONTROLLED_BY_OTHERS,UNEXPLAINED_GIFTS', 15, false, schedule-strategy-meeting"
    })
    @Deployment(resources = {"bpmn/cse-referral.bpmn", "bpmn/cse-threshold.dmn", "bpmn/strategy-meeting.bpmn"})
    void theScreeningSendsTheChildWhereTheThresholdSays(String indicators, int age, boolean disclosure, String next) {
        ProcessInstance referral = refer(age);
        Task screening = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(referral.getId())
                .taskDefinitionKey("screening")
                .singleResult();
        engine.getTaskService()
                .complete(
                        screening.getId(),
                        Map.of(
                                "indicators",
                                indicators.isEmpty() ? List.of() : List.of(indicators.split(",")),
                                "disclosure",
                                disclosure,
                                "learningDisability",
                                false));
        assertThat(open(referral)).as("after screening").isEqualTo(next.isEmpty() ? List.of() : List.of(next));
    }

    @ParameterizedTest(name = "judged HIGH, manager agrees: {0}")
    @CsvSource({"true, schedule-strategy-meeting", "false, early-help-plan"})
    @Deployment(resources = {"bpmn/cse-referral.bpmn", "bpmn/cse-threshold.dmn", "bpmn/strategy-meeting.bpmn"})
    void aDifferentJudgementWaitsForAMashManager(boolean agreed, String next) {
        ProcessInstance referral = refer(14);
        Task screening = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(referral.getId())
                .taskDefinitionKey("screening")
                .singleResult();
        // the reason comes with the form (the gate's submission); without the gate a listener sees none, so the
        // judgement is set straight on the process here
        engine.getRuntimeService().setVariable(referral.getId(), "overrideRiskLevel", "HIGH");
        Mocks.register("screeningJudgement", mock(TaskListener.class));
        engine.getTaskService()
                .complete(
                        screening.getId(),
                        Map.of(
                                "indicators",
                                List.of("OLDER_PARTNER", "SUBSTANCE_MISUSE"),
                                "disclosure",
                                false,
                                "learningDisability",
                                false));
        assertThat(open(referral)).containsExactly("approve-override");
        Task approval = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(referral.getId())
                .taskDefinitionKey("approve-override")
                .singleResult();
        assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("mash-managers"));
        engine.getTaskService().complete(approval.getId(), Map.of("overrideAgreed", agreed));
        assertThat(open(referral)).containsExactly(next);
        assertThat(engine.getRuntimeService().getVariable(referral.getId(), "riskLevel"))
                .isEqualTo(agreed ? "HIGH" : "LOW");
    }
}
