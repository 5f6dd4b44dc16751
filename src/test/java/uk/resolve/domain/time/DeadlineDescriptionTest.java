/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "N working days left" counts on the procedure's own calendar, as its deadlines are. */
class DeadlineDescriptionTest {

    private final WorkingCalendar all = new UkCalendar(UkCalendar.Region.ENGLAND_AND_WALES, List.of());

    @ParameterizedTest(name = "{0}: on {1}, due {2}: {3}")
    @CsvSource({
            // New Year 2027: Scotland's 2 January (a Saturday) is kept on Monday 4 January
            "england-and-wales, 2026-12-31, 2027-01-05, 2 working days left",
            "scotland,          2026-12-31, 2027-01-05, 1 working day left",
            "northern-ireland,  2026-12-31, 2027-01-05, 2 working days left",
            // Easter Monday 2027 is no holiday in Scotland
            "england-and-wales, 2027-03-25, 2027-03-31, 2 working days left",
            "scotland,          2027-03-25, 2027-03-31, 3 working days left",
            // St Patrick's Day, Wednesday 17 March 2027, in Northern Ireland only
            "northern-ireland,  2027-03-15, 2027-03-18, 2 working days left",
            "england-and-wales, 2027-03-15, 2027-03-18, 3 working days left"})
    void workingDaysLeftAreCountedOnTheProceduresCalendar(String calendar, LocalDate today, LocalDate due,
                                                          String text) {
        assertThat(Deadlines.describe(DueAt.endOf(due), LocalDateTime.of(today, java.time.LocalTime.NOON), all, calendar))
                .isEqualTo(text);
    }
}
