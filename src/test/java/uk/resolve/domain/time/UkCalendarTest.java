/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Working days in the three UK calendars, and deadlines across holidays and clock changes. */
class UkCalendarTest {

    private final WorkingCalendar base = new EnglandWalesCalendar();

    @ParameterizedTest(name = "{0}: {2} working day(s) after {1} is {3}")
    @CsvSource({
            // Christmas 2026: Boxing Day is a Saturday, its substitute Monday 28 December, in all three
            "england-and-wales, 2026-12-24, 1, 2026-12-29",
            "scotland,          2026-12-24, 1, 2026-12-29",
            "northern-ireland,  2026-12-24, 1, 2026-12-29",
            // New Year 2027: Scotland's 2 January is a Saturday, its substitute Monday 4 January
            "england-and-wales, 2026-12-31, 1, 2027-01-04",
            "scotland,          2026-12-31, 1, 2027-01-05",
            "northern-ireland,  2026-12-31, 1, 2027-01-04",
            // Easter 2027: Good Friday 26 March everywhere, Easter Monday 29 March not in Scotland
            "england-and-wales, 2027-03-25, 1, 2027-03-30",
            "scotland,          2027-03-25, 1, 2027-03-29",
            "northern-ireland,  2027-03-25, 1, 2027-03-30",
            "england-and-wales, 2027-03-25, 7, 2027-04-07",
            "scotland,          2027-03-25, 7, 2027-04-06",
            // St Patrick's Day, Wednesday 17 March 2027, in Northern Ireland only
            "northern-ireland,  2027-03-16, 1, 2027-03-18",
            "england-and-wales, 2027-03-16, 1, 2027-03-17",
            // St Andrew's Day 2025 is a Sunday: substitute Monday 1 December, in Scotland only
            "scotland,          2025-11-28, 1, 2025-12-02",
            "england-and-wales, 2025-11-28, 1, 2025-12-01",
            // St Andrew's Day 2026 is a Monday
            "scotland,          2026-11-27, 1, 2026-12-01",
            // 12 July 2027 (Battle of the Boyne) is a Monday in Northern Ireland
            "northern-ireland,  2027-07-09, 1, 2027-07-13",
            "england-and-wales, 2027-07-09, 1, 2027-07-12",
    })
    void workingDaysFollowTheProceduresCalendar(String calendar, LocalDate from, int n, LocalDate expected) {
        assertThat(base.forCalendar(calendar).addWorkingDays(from, n)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {3} working days after {1} up to {2}")
    @CsvSource({
            "england-and-wales, 2026-12-24, 2026-12-29, 1",
            "england-and-wales, 2026-12-31, 2027-01-04, 1",
            "scotland,          2026-12-31, 2027-01-05, 1",
            "england-and-wales, 2027-03-25, 2027-04-07, 7",
            "england-and-wales, 2026-01-05, 2026-01-05, 0",
            "england-and-wales, 2026-01-09, 2026-01-05, 0",
            // across whole years: 2026 has 261 weekdays less 8 bank holidays in England and Wales
            "england-and-wales, 2025-12-31, 2026-12-31, 253",
            "england-and-wales, 2024-12-31, 2027-01-01, 506",
    })
    void workingDaysBetweenTwoDatesAreCountedAsDayByDay(String calendar, LocalDate from, LocalDate to, int expected) {
        WorkingCalendar c = base.forCalendar(calendar);
        assertThat(c.workingDaysBetween(from, to)).isEqualTo(expected);
        int dayByDay = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            dayByDay += c.isWorkingDay(d) ? 1 : 0;
        }
        assertThat(c.workingDaysBetween(from, to)).isEqualTo(dayByDay);
    }

    @Test
    void anOverrideCountsInTheRunningTotalOfWorkingDays() {
        WorkingCalendar closed = new UkCalendar(UkCalendar.Region.ENGLAND_AND_WALES, List.of(
                new CalendarOverride(LocalDate.of(2026, 12, 24), "Office closed", false, null),
                new CalendarOverride(LocalDate.of(2026, 12, 27), "Sunday opening", true, null)));
        // 21 Dec (Mon) .. 31 Dec: 22, 23, 24, 29, 30, 31 working; 24th closed, Sunday 27th open
        assertThat(closed.workingDaysBetween(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 31))).isEqualTo(6);
        assertThat(base.workingDaysBetween(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 31))).isEqualTo(6);
        assertThat(closed.workingDaysBetween(LocalDate.of(2026, 12, 23), LocalDate.of(2026, 12, 28))).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} from {1} is due {2}")
    @CsvSource({
            // spring forward, Sunday 28 March 2027: 72 real hours end at 11:00 on the Monday's clock
            "72, 2027-03-26T10:00, 2027-03-29T11:00",
            "24, 2027-03-27T12:00, 2027-03-28T13:00",
            // fall back, Sunday 31 October 2027: 24 real hours end an hour earlier on the clock
            "24, 2027-10-30T12:00, 2027-10-31T11:00",
            "48, 2027-10-29T09:30, 2027-10-31T08:30",
            // no clock change
            "24, 2027-06-10T16:45, 2027-06-11T16:45",
    })
    void hoursAreElapsedTimeAcrossClockChanges(int hours, LocalDateTime from, LocalDateTime expected) {
        DueAt due = Deadlines.due(UkTime.instant(from), new TimeSpan(hours, TimeUnit.HOURS), base);
        assertThat(due.wholeDay()).isFalse();
        assertThat(due.moment()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} timescale from {1} is due {2}")
    @CsvSource({
            // working days count whole local days; the clock change does not move them
            "england-and-wales, 2027-03-26T10:00, 2027-03-30",
            "scotland,          2027-03-26T10:00, 2027-03-29",
            "england-and-wales, 2027-10-29T17:00, 2027-11-01",
    })
    void workingDaysAreCountedOnTheLocalCalendar(String calendar, LocalDateTime from, LocalDate expected) {
        DueAt due = Deadlines.due(UkTime.instant(from), TimeSpan.workingDays(1), base.forCalendar(calendar));
        assertThat(due).isEqualTo(DueAt.endOf(expected));
    }

    @ParameterizedTest(name = "immediately from {1} ({0}) is overdue only after {2}")
    @CsvSource({
            "england-and-wales, 2026-12-23T15:00, 2026-12-23",
            // Christmas Eve is a working day
            "england-and-wales, 2026-12-24T18:30, 2026-12-24",
            // raised on Christmas Day: the end of the next working day
            "england-and-wales, 2026-12-25T09:00, 2026-12-29",
            "scotland,          2027-01-02T09:00, 2027-01-05",
            "england-and-wales, 2027-01-02T09:00, 2027-01-04",
            "england-and-wales, 2027-03-28T02:30, 2027-03-30",
    })
    void immediatelyIsOverdueOnlyAfterTheEndOfThatWorkingDay(String calendar, LocalDateTime from, LocalDate lastDay) {
        DueAt due = Deadlines.due(UkTime.instant(from), TimeSpan.immediately(), base.forCalendar(calendar));
        assertThat(due.isPast(lastDay.atTime(23, 59))).isFalse();
        assertThat(due.isPast(lastDay.plusDays(1).atStartOfDay())).isTrue();
    }

    @Test
    void anOverrideChangesOnlyTheCalendarItNames() {
        var extra = new CalendarOverride(LocalDate.of(2027, 3, 3), "Council closure", false, UkCalendar.Region.SCOTLAND);
        WorkingCalendar ew = new EnglandWalesCalendar(List.of(extra));
        assertThat(ew.isWorkingDay(LocalDate.of(2027, 3, 3))).isTrue();
        assertThat(ew.forCalendar("scotland").isWorkingDay(LocalDate.of(2027, 3, 3))).isFalse();
        assertThat(ew.forCalendar("scotland").holidayName(LocalDate.of(2027, 3, 3))).isEqualTo("Council closure");
        assertThat(ew.forCalendar("northern-ireland").isWorkingDay(LocalDate.of(2027, 3, 3))).isTrue();
    }
}
