package uk.pathways.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/** The named pathway clocks that BPMN calls, timed by the engine's clock. */
class ClocksTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final WorkingDays workingDays = new WorkingDays(
            BankHolidays.load(new ClassPathResource("calendar/bank-holidays-england-and-wales.csv")), LONDON);

    private final Clocks clocks = new Clocks(
            Map.of(
                    "screening", "1 working day",
                    "strategy-meeting-urgent", "1 working day",
                    "strategy-meeting-standard", "3 working days",
                    "strategy-review", "6 weeks",
                    "return-home-interview", "72 hours",
                    "early-help-review", "12 weeks"),
            workingDays);

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    private static Date london(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant());
    }

    @Test
    void dueCountsFromTheEngineClock() {
        ClockUtil.setCurrentTime(london("2026-11-20T15:00")); // a Friday

        assertThat(clocks.due("screening")).isEqualTo(london("2026-11-23T15:00"));
        assertThat(clocks.due("strategy-meeting-standard")).isEqualTo(london("2026-11-25T15:00"));
        assertThat(clocks.due("return-home-interview")).isEqualTo(london("2026-11-23T15:00"));
    }

    @Test
    void movingTheEngineClockMovesTheDueDate() {
        ClockUtil.setCurrentTime(london("2026-04-02T10:00")); // Thursday before Easter
        assertThat(clocks.due("screening")).isEqualTo(london("2026-04-07T10:00"));

        ClockUtil.setCurrentTime(london("2026-04-07T10:00"));
        assertThat(clocks.due("screening")).isEqualTo(london("2026-04-08T10:00"));
    }

    @Test
    void dueFromAGivenStartIgnoresTheEngineClock() {
        ClockUtil.setCurrentTime(london("2026-01-05T09:00"));

        assertThat(clocks.dueFrom("strategy-meeting-standard", london("2026-12-23T12:00")))
                .isEqualTo(london("2026-12-30T12:00"));
    }

    @Test
    void dueFromWithoutAStartCountsFromNow() {
        ClockUtil.setCurrentTime(london("2026-11-20T15:00"));

        assertThat(clocks.dueFrom("screening", null)).isEqualTo(london("2026-11-23T15:00"));
    }

    @Test
    void strategyMeetingDuePicksTheUrgentOrStandardClock() {
        ClockUtil.setCurrentTime(london("2026-11-20T15:00"));

        assertThat(clocks.strategyMeetingDue(true)).isEqualTo(london("2026-11-23T15:00"));
        assertThat(clocks.strategyMeetingDue(false)).isEqualTo(london("2026-11-25T15:00"));
        assertThat(clocks.strategyMeetingDue(null)).isEqualTo(london("2026-11-25T15:00"));
    }

    @Test
    void aSixWeekClockIsARepeatingTimerCycle() {
        assertThat(clocks.cycle("strategy-review")).isEqualTo("R/P42D");
    }

    @Test
    void elapsedTimeClocksGiveIsoDurations() {
        assertThat(clocks.isoDuration("return-home-interview")).isEqualTo("PT72H");
        assertThat(clocks.isoDuration("early-help-review")).isEqualTo("P84D");
    }

    @Test
    void aWorkingDayClockCannotBeATimerCycle() {
        assertThatThrownBy(() -> clocks.cycle("screening")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnknownClockIsAClearError() {
        assertThatThrownBy(() -> clocks.due("screning"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no clock named 'screning': set pathways.clocks.screning");
        assertThat(clocks.has("screning")).isFalse();
        assertThat(clocks.has("screening")).isTrue();
    }

    @Test
    void aBadClockLengthIsRefusedAtStartNamingTheProperty() {
        assertThatThrownBy(() -> new Clocks(Map.of("screening", "soon"), workingDays))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("pathways.clocks.screening: not a clock length: 'soon'");
    }

    @Test
    void everyClockConfiguredInApplicationYmlParses() throws IOException {
        Map<String, String> configured = configuredClocks();

        assertThat(configured).as("pathways.clocks in application.yml").isNotEmpty();
        Clocks fromConfig = new Clocks(configured, workingDays);
        assertThat(fromConfig.all()).containsOnlyKeys(configured.keySet());
        configured.forEach(
                (name, text) -> assertThat(ClockDuration.parse(text)).as(name).isEqualTo(fromConfig.duration(name)));
    }

    @Test
    void applicationYmlHasTheContractDefaultsForTheClocksTheCodeNames() throws IOException {
        Map<String, String> configured = configuredClocks();

        // Contract section 4; the strategy meeting clocks are called by Clocks.strategyMeetingDue.
        assertThat(configured)
                .containsKeys("screening", "strategy-meeting-urgent", "strategy-meeting-standard", "strategy-review");
        assertThat(ClockDuration.parse(configured.get("screening"))).isEqualTo(ClockDuration.parse("1 working day"));
        assertThat(ClockDuration.parse(configured.get("strategy-meeting-urgent")))
                .isEqualTo(ClockDuration.parse("1 working day"));
        assertThat(ClockDuration.parse(configured.get("strategy-meeting-standard")))
                .isEqualTo(ClockDuration.parse("3 working days"));
        assertThat(ClockDuration.parse(configured.get("strategy-review"))).isEqualTo(ClockDuration.parse("6 weeks"));
        assertThat(new Clocks(configured, workingDays).cycle("strategy-review")).isEqualTo("R/P42D");
    }

    /** {@code pathways.clocks} of the default (no profile) documents of application.yml, as Spring would bind them. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> configuredClocks() throws IOException {
        Map<String, String> clocks = new LinkedHashMap<>();
        try (InputStream in = new ClassPathResource("application.yml").getInputStream()) {
            for (Object document : new Yaml().loadAll(in)) {
                if (!(document instanceof Map<?, ?> root) || hasProfile((Map<String, Object>) root)) {
                    continue;
                }
                if (root.get("pathways") instanceof Map<?, ?> pathways
                        && pathways.get("clocks") instanceof Map<?, ?> map) {
                    map.forEach((name, text) -> clocks.put(String.valueOf(name), String.valueOf(text)));
                }
            }
        }
        return clocks;
    }

    private static boolean hasProfile(Map<String, Object> root) {
        return root.get("spring") instanceof Map<?, ?> spring
                && spring.get("config") instanceof Map<?, ?> config
                && config.get("activate") != null;
    }
}
