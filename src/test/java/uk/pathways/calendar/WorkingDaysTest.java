package uk.pathways.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Working-day arithmetic against the real England and Wales bank holiday file, in UK time. */
class WorkingDaysTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String CSV = "calendar/bank-holidays-england-and-wales.csv";

    private final BankHolidays holidays = BankHolidays.load(new ClassPathResource(CSV));
    private final WorkingDays workingDays = new WorkingDays(holidays, LONDON);

    private static ZonedDateTime london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON);
    }

    @Test
    void fridayAfternoonPlusOneWorkingDayIsMondayAtTheSameTime() {
        ZonedDateTime friday = london("2026-11-20T15:00");
        assertThat(friday.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);

        assertThat(workingDays.addWorkingDays(friday, 1)).isEqualTo(london("2026-11-23T15:00"));
    }

    @Test
    void midweekPlusOneWorkingDayIsTheNextDay() {
        assertThat(workingDays.addWorkingDays(london("2026-11-17T09:30"), 1)).isEqualTo(london("2026-11-18T09:30"));
    }

    @Test
    void saturdayOrSundayPlusOneWorkingDayIsMonday() {
        assertThat(workingDays.addWorkingDays(london("2026-11-21T10:00"), 1)).isEqualTo(london("2026-11-23T10:00"));
        assertThat(workingDays.addWorkingDays(london("2026-11-22T10:00"), 1)).isEqualTo(london("2026-11-23T10:00"));
    }

    @Test
    void zeroWorkingDaysIsTheSameMoment() {
        assertThat(workingDays.addWorkingDays(london("2026-11-21T10:00"), 0)).isEqualTo(london("2026-11-21T10:00"));
    }

    @Test
    void negativeWorkingDaysAreRefused() {
        assertThatThrownBy(() -> workingDays.addWorkingDays(LocalDate.of(2026, 11, 20), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void easter2026SkipsGoodFridayAndEasterMonday() {
        ZonedDateTime thursday = london("2026-04-02T11:00");

        assertThat(workingDays.addWorkingDays(thursday, 1)).isEqualTo(london("2026-04-07T11:00"));
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 4, 3)))
                .as("Good Friday")
                .isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 4, 6)))
                .as("Easter Monday")
                .isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 4, 7))).isTrue();
    }

    @Test
    void christmas2026SkipsChristmasDayAndTheSubstituteBoxingDay() {
        // 25 Dec 2026 is a Friday, so Boxing Day (Saturday) is substituted on Monday 28 Dec.
        assertThat(workingDays.addWorkingDays(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(holidays.nameOf(LocalDate.of(2026, 12, 28))).contains("Boxing Day");
    }

    @Test
    void christmas2027HasTwoSubstituteDays() {
        // 25 and 26 Dec 2027 fall on a weekend: Monday 27 and Tuesday 28 are the bank holidays.
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 12, 27))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 12, 28))).isFalse();
        assertThat(workingDays.addWorkingDays(LocalDate.of(2027, 12, 24), 1)).isEqualTo(LocalDate.of(2027, 12, 29));
        // ... and 1 Jan 2028 is a Saturday, substituted on Monday 3 Jan.
        assertThat(workingDays.addWorkingDays(LocalDate.of(2027, 12, 31), 1)).isEqualTo(LocalDate.of(2028, 1, 4));
    }

    @Test
    void threeWorkingDaysOverTheLateMayBankHoliday() {
        // Spring bank holiday 2026 is Monday 25 May.
        assertThat(workingDays.addWorkingDays(london("2026-05-22T16:45"), 3)).isEqualTo(london("2026-05-28T16:45"));
        // Without the bank holiday the same count from the Friday before would end on Wednesday.
        assertThat(workingDays.addWorkingDays(london("2026-05-15T16:45"), 3)).isEqualTo(london("2026-05-20T16:45"));
    }

    @Test
    void oneWorkingDayAcrossTheAutumnClockChangeKeepsTheWallClockTime() {
        // Clocks go back on Sunday 25 Oct 2026: Friday 15:00 is BST (UTC+1), Monday 15:00 is GMT (UTC+0).
        ZonedDateTime friday = london("2026-10-23T15:00");
        ZonedDateTime due = workingDays.addWorkingDays(friday, 1);

        assertThat(due.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-26T15:00"));
        assertThat(due.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(due.toInstant()).isEqualTo(java.time.Instant.parse("2026-10-26T15:00:00Z"));
        assertThat(Duration.between(friday, due)).isEqualTo(Duration.ofHours(73));
    }

    @Test
    void oneWorkingDayAcrossTheSpringClockChangeKeepsTheWallClockTime() {
        // Clocks go forward on Sunday 29 Mar 2026.
        ZonedDateTime due = workingDays.addWorkingDays(london("2026-03-27T15:00"), 1);

        assertThat(due.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-30T15:00"));
        assertThat(due.toInstant()).isEqualTo(java.time.Instant.parse("2026-03-30T14:00:00Z"));
    }

    @Test
    void aStartGivenInUtcIsCountedFromItsUkDate() {
        // 23:30 UTC on Friday 5 June 2026 is 00:30 on Saturday in London.
        ZonedDateTime lateFridayUtc = ZonedDateTime.of(2026, 6, 5, 23, 30, 0, 0, ZoneOffset.UTC);

        ZonedDateTime due = workingDays.addWorkingDays(lateFridayUtc, 1);

        assertThat(due).isEqualTo(london("2026-06-08T00:30"));
        assertThat(due.getZone()).isEqualTo(LONDON);
    }

    @Test
    void theFileCovers2024To2028() {
        assertThat(holidays.firstYear()).isEqualTo(Year.of(2024));
        assertThat(holidays.lastYear()).isEqualTo(Year.of(2028));
        assertThat(holidays.covers(LocalDate.of(2024, 1, 1))).isTrue();
        assertThat(holidays.covers(LocalDate.of(2028, 12, 31))).isTrue();
        assertThat(holidays.covers(LocalDate.of(2023, 12, 31))).isFalse();
        assertThat(holidays.covers(LocalDate.of(2029, 1, 1))).isFalse();
    }

    @Test
    void everyListedDateIsAWeekdayAndEveryYearHasItsEightBankHolidays() throws IOException {
        Map<LocalDate, String> listed = readCsv();

        assertThat(listed).isNotEmpty();
        assertThat(listed.keySet())
                .allSatisfy(date -> assertThat(date.getDayOfWeek())
                        .as(date.toString())
                        .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        Map<Integer, Long> perYear = listed.keySet().stream()
                .collect(Collectors.groupingBy(LocalDate::getYear, TreeMap::new, Collectors.counting()));
        assertThat(perYear).containsOnlyKeys(2024, 2025, 2026, 2027, 2028);
        assertThat(perYear.values()).containsOnly(8L);
        assertThat(listed.keySet()).allSatisfy(date -> {
            assertThat(holidays.isBankHoliday(date)).as(date.toString()).isTrue();
            assertThat(workingDays.isWorkingDay(date)).as(date.toString()).isFalse();
        });
    }

    @Test
    void weekendsAreNotWorkingDaysAndOrdinaryWeekdaysAre() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 11, 22))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue();
    }

    @Test
    void workingDaysBetweenCountsAfterTheFirstDateUpToAndIncludingTheLast() {
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 23)))
                .isEqualTo(1);
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23)))
                .isZero();
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30)))
                .isEqualTo(5);
        // Easter 2026: Wed 1 Apr to Wed 8 Apr is Thu, Tue, Wed (Good Friday and Easter Monday are off).
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 8)))
                .isEqualTo(3);
        // Christmas 2026: Thu 24 Dec to Thu 31 Dec is Tue 29, Wed 30, Thu 31.
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31)))
                .isEqualTo(3);
        // Backwards gives nothing.
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 23)))
                .isZero();
    }

    @Test
    void workingDaysBetweenUndoesAddWorkingDays() {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 3, 20); d.isBefore(LocalDate.of(2026, 6, 1)); d = d.plusDays(1)) {
            starts.add(d);
        }
        for (LocalDate start : starts) {
            for (int n = 1; n <= 10; n++) {
                LocalDate due = workingDays.addWorkingDays(start, n);
                assertThat(workingDays.workingDaysBetween(start, due))
                        .as(start + " + " + n)
                        .isEqualTo(n);
                assertThat(workingDays.isWorkingDay(due)).as(start + " + " + n).isTrue();
            }
        }
    }

    @Test
    void aYearOutsideTheFileCountsWeekendsOnly() {
        // 25 Dec 2029 is a Tuesday; the file does not list 2029, so it counts as a working day.
        assertThat(workingDays.isWorkingDay(LocalDate.of(2029, 12, 25))).isTrue();
        assertThat(workingDays.addWorkingDays(LocalDate.of(2029, 12, 21), 1)).isEqualTo(LocalDate.of(2029, 12, 24));
    }

    private static Map<LocalDate, String> readCsv() throws IOException {
        Map<LocalDate, String> dates = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new ClassPathResource(CSV).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("date,")) {
                    continue;
                }
                String[] cells = line.split(",", 2);
                dates.put(LocalDate.parse(cells[0].strip()), cells[1].strip());
            }
        }
        return dates;
    }
}
