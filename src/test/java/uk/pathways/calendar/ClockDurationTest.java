package uk.pathways.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import uk.pathways.calendar.ClockDuration.Unit;

/** Clock lengths as process owners write them in configuration. */
class ClockDurationTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource({
        "1 working day,   1,  WORKING_DAYS",
        "3 working days,  3,  WORKING_DAYS",
        "10 working days, 10, WORKING_DAYS",
        "72 hours,        72, HOURS",
        "1 hour,          1,  HOURS",
        "6 weeks,         6,  WEEKS",
        "12 weeks,        12, WEEKS",
        "2 days,          2,  DAYS",
        "1 day,           1,  DAYS",
        "'  3 Working Days ', 3, WORKING_DAYS",
    })
    void parsesWhatAProcessOwnerWrites(String text, int amount, Unit unit) {
        assertThat(ClockDuration.parse(text)).isEqualTo(new ClockDuration(amount, unit));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(
            strings = {"soon", "-1 days", "", "   ", "3", "days", "1.5 days", "3 working", "72h", "P3D", "2 fortnights"
            })
    void refusesWhatIsNotAClockLength(String text) {
        assertThatThrownBy(() -> ClockDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a clock length: '" + text + "'")
                .hasMessageContaining("1 working day");
    }

    @ParameterizedTest
    @NullSource
    void refusesNothing(String text) {
        assertThatThrownBy(() -> ClockDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isoDurationOfElapsedTimeClocks() {
        assertThat(ClockDuration.parse("72 hours").isoDuration()).isEqualTo("PT72H");
        assertThat(ClockDuration.parse("2 days").isoDuration()).isEqualTo("P2D");
        assertThat(ClockDuration.parse("6 weeks").isoDuration()).isEqualTo("P42D");
        assertThat(ClockDuration.parse("12 weeks").isoDuration()).isEqualTo("P84D");
    }

    @Test
    void aWorkingDayClockHasNoFixedIsoDuration() {
        ClockDuration oneWorkingDay = ClockDuration.parse("1 working day");

        assertThatThrownBy(oneWorkingDay::isoDuration)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 working day");
    }

    @Test
    void readsBackAsWritten() {
        assertThat(ClockDuration.parse("1 working day")).hasToString("1 working day");
        assertThat(ClockDuration.parse("3 working days")).hasToString("3 working days");
        assertThat(ClockDuration.parse("72 hours")).hasToString("72 hours");
        assertThat(ClockDuration.parse("1 week")).hasToString("1 week");
        assertThat(ClockDuration.parse("2 days")).hasToString("2 days");
    }

    @Test
    void addsEachUnitToAMoment() {
        WorkingDays workingDays = new WorkingDays(
                BankHolidays.load(new ClassPathResource("calendar/bank-holidays-england-and-wales.csv")), LONDON);
        ZonedDateTime friday = LocalDateTime.parse("2026-11-20T15:00").atZone(LONDON);

        assertThat(ClockDuration.parse("1 working day").addTo(friday, workingDays))
                .isEqualTo(LocalDateTime.parse("2026-11-23T15:00").atZone(LONDON));
        assertThat(ClockDuration.parse("72 hours").addTo(friday, workingDays))
                .isEqualTo(LocalDateTime.parse("2026-11-23T15:00").atZone(LONDON));
        assertThat(ClockDuration.parse("2 days").addTo(friday, workingDays))
                .isEqualTo(LocalDateTime.parse("2026-11-22T15:00").atZone(LONDON));
        assertThat(ClockDuration.parse("6 weeks").addTo(friday, workingDays))
                .isEqualTo(LocalDateTime.parse("2027-01-01T15:00").atZone(LONDON));
    }

    @Test
    void hoursAreClockHoursAcrossTheAutumnClockChange() {
        WorkingDays workingDays = new WorkingDays(
                BankHolidays.load(new ClassPathResource("calendar/bank-holidays-england-and-wales.csv")), LONDON);
        // Saturday 24 Oct 2026 12:00 BST; the clocks go back an hour overnight, so 72 elapsed hours
        // later the wall clock reads 11:00 GMT on Tuesday.
        ZonedDateTime saturday = LocalDateTime.parse("2026-10-24T12:00").atZone(LONDON);

        assertThat(ClockDuration.parse("72 hours").addTo(saturday, workingDays).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-10-27T11:00"));
    }
}
