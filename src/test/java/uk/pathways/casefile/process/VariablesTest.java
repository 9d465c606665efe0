package uk.pathways.casefile.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/** The engine glue's typed reads: text or null, numbers the pathway always sets, decision flags. */
class VariablesTest {

    private final DelegateTask task = mock(DelegateTask.class);

    @Test
    void readsTheCaseTextNumbersAndFlags() {
        when(task.getVariable("caseId")).thenReturn("CASE-2026-000001");
        when(task.getVariable("age")).thenReturn(14L);
        when(task.getVariable("ticked")).thenReturn(true);
        when(task.getVariable("typed")).thenReturn("true");
        when(task.getVariable("unticked")).thenReturn("false");

        assertThat(Variables.caseId(task)).isEqualTo("CASE-2026-000001");
        assertThat(Variables.reference(task)).isNull();
        assertThat(Variables.number(task, "age")).isEqualTo(14);
        assertThat(Variables.flag(task, "ticked")).isTrue();
        assertThat(Variables.flag(task, "typed")).isTrue();
        assertThat(Variables.flag(task, "unticked")).isFalse();
        assertThat(Variables.flag(task, "absent")).isFalse();
    }

    @Test
    void aMissingNumberIsAClearFailureNotANullPointer() {
        assertThatThrownBy(() -> Variables.number(task, "screeningScore"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("screeningScore");
    }
}
