/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnglandWalesCalendarTest {

    private final EnglandWalesCalendar calendar = new EnglandWalesCalendar();

    @ParameterizedTest(name = "{0} is a bank holiday in England and Wales ({1})")
    @CsvSource({
            "2026-12-25, Christmas Day (Friday)",
            "2026-12-28, Boxing Day substitute (26th is a Saturday)",
            "2027-01-01, New Year's Day (Friday)",
            "2027-03-26, Good Friday 2027",
            "2027-03-29, Easter Monday 2027",
            "2027-12-27, Christmas Day substitute (25th is a Saturday)",
            "2027-12-28, Boxing Day substitute (26th is a Sunday)",
            "2028-01-03, New Year's Day substitute (1st is a Saturday)",
            "2026-04-03, Good Friday 2026",
            "2026-04-06, Easter Monday 2026",
            "2026-05-04, Early May bank holiday",
            "2026-05-25, Spring bank holiday",
            "2026-08-31, Summer bank holiday (England, not Scotland)"})
    void bankHolidaysAreNotWorkingDays(LocalDate date, String why) {
        assertThat(calendar.isWorkingDay(date)).as(why).isFalse();
        assertThat(calendar.holidayName(date)).as(why).isNotBlank();
    }

    @ParameterizedTest(name = "{0} is a working day ({1})")
    @CsvSource({
            "2026-12-24, Christmas Eve is a working day",
            "2026-12-29, the Tuesday after the substitute day",
            "2027-01-04, first Monday of 2027",
            "2026-08-03, first Monday of August is a holiday in Scotland only",
            "2026-11-30, St Andrew's Day is a holiday in Scotland only",
            "2026-03-17, St Patrick's Day is a holiday in Northern Ireland only"})
    void ordinaryWeekdaysAreWorkingDays(LocalDate date, String why) {
        assertThat(calendar.isWorkingDay(date)).as(why).isTrue();
    }

    @ParameterizedTest(name = "{1} working days after {0} is {2}")
    @CsvSource({
            // across Christmas and New Year 2026: 25, 28 Dec and 1 Jan are holidays
            "2026-12-21, 7, 2027-01-04",
            "2026-12-23, 1, 2026-12-24",
            "2026-12-24, 1, 2026-12-29",
            "2026-12-24, 3, 2026-12-31",
            "2026-12-24, 4, 2027-01-04",
            // a Friday: one working day is the Monday
            "2026-11-27, 1, 2026-11-30",
            // across Easter 2027: Good Friday 26 Mar and Easter Monday 29 Mar
            "2027-03-25, 1, 2027-03-30",
            "2027-03-24, 5, 2027-04-02",
            // from a Saturday: counting starts on the next working day
            "2026-11-28, 1, 2026-11-30",
            // zero is the day itself
            "2026-11-25, 0, 2026-11-25"})
    void addingWorkingDaysSkipsWeekendsAndBankHolidays(LocalDate from, int n, LocalDate expected) {
        assertThat(calendar.addWorkingDays(from, n)).isEqualTo(expected);
        if (n > 0) {
            assertThat(calendar.workingDaysBetween(from, expected)).isEqualTo(n);
        }
    }

    @Test
    void anAdministratorsOverrideAddsAHolidayAndCanRemoveOne() {
        var extra = new CalendarOverride(LocalDate.of(2026, 12, 30), "Council closure day", false);
        var removed = new CalendarOverride(LocalDate.of(2026, 12, 28), "Substitute day worked", true);
        var withOverrides = new EnglandWalesCalendar(List.of(extra, removed));

        assertThat(withOverrides.isWorkingDay(LocalDate.of(2026, 12, 30))).isFalse();
        assertThat(withOverrides.holidayName(LocalDate.of(2026, 12, 30))).isEqualTo("Council closure day");
        assertThat(withOverrides.isWorkingDay(LocalDate.of(2026, 12, 28))).isTrue();
        // 24 Dec + 2 working days: 28 Dec now counts, 30 Dec does not
        assertThat(withOverrides.addWorkingDays(LocalDate.of(2026, 12, 24), 2)).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(withOverrides.addWorkingDays(LocalDate.of(2026, 12, 24), 3)).isEqualTo(LocalDate.of(2026, 12, 31));
    }
}
