/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.EnglandWalesCalendar;

class DueSoonTest {

    @ParameterizedTest(name = "at {0}, due {1}, {2} working days ahead: {3}")
    @CsvSource({
            "2026-12-21T09:00, 2026-12-18, 1, OVERDUE",
            "2026-12-21T09:00, 2026-12-21, 1, TODAY",
            "2026-12-21T09:00, 2026-12-22, 1, SOON",
            "2026-12-21T09:00, 2026-12-23, 1, NONE",
            "2026-12-21T09:00, 2026-12-23, 2, SOON",
            // Friday 18 Dec: the next working day is Monday, so the weekend and Monday are soon
            "2026-12-18T09:00, 2026-12-21, 1, SOON",
            "2026-12-18T09:00, 2026-12-22, 1, NONE",
            // Thursday 24 Dec: Christmas, the weekend and the Boxing Day substitute are skipped to 29 Dec
            "2026-12-24T09:00, 2026-12-29, 1, SOON",
            "2026-12-24T09:00, 2026-12-30, 1, NONE",
            // only today's and the overdue ones with 0 ahead
            "2026-12-21T09:00, 2026-12-22, 0, NONE",
    })
    void deadlinesAreRemindedWhenOverdueTodayOrWithinTheWorkingDaysAhead(String now, String due, int ahead,
                                                                       String expected) {
        var urgency = DueSoon.urgency(DueAt.endOf(LocalDate.parse(due)), LocalDateTime.parse(now),
                new EnglandWalesCalendar(), ahead);
        assertThat(urgency.map(Enum::name).orElse("NONE")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} at {1}: quiet {2}")
    @CsvSource({
            "22:00-07:00, 23:30, true",
            "22:00-07:00, 06:59, true",
            "22:00-07:00, 07:00, false",
            "22:00-07:00, 12:00, false",
            "12:00-13:30, 12:00, true",
            "12:00-13:30, 13:30, false",
            "'', 03:00, false",
            "not hours, 03:00, false",
    })
    void quietHoursMayRunOverMidnight(String hours, String at, boolean quiet) {
        assertThat(DueSoon.QuietHours.parse(hours).contains(LocalTime.parse(at))).isEqualTo(quiet);
    }

    @ParameterizedTest
    @CsvSource({"2026-12-21T10:30, 2026-12-21T10:00, OVERDUE", "2026-12-21T10:30, 2026-12-21T11:00, TODAY"})
    void anHourDeadlinePassedEarlierTodayIsOverdue(String now, String due, String expected) {
        assertThat(DueSoon.urgency(DueAt.at(LocalDateTime.parse(due)), LocalDateTime.parse(now),
                new EnglandWalesCalendar(), 1).orElseThrow().name()).isEqualTo(expected);
    }
}
