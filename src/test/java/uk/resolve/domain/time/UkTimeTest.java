/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UkTimeTest {

    @ParameterizedTest
    @CsvSource({"2026-12-21, 21 Dec 2026", "2026-09-03, 3 Sep 2026", "2027-06-30, 30 Jun 2027", "2026-05-01, 1 May 2026"})
    void datesReadAsTheyAreWrittenInTheUk(LocalDate date, String expected) {
        assertThat(UkTime.formatDate(date)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"2026-07-01T09:30; 1 Jul 2026, 09:30", "2026-12-21T14:05; 21 Dec 2026, 14:05"})
    void momentsShowTheTimeInTwentyFourHours(LocalDateTime local, String expected) {
        // a summer date: UK time is an hour ahead of UTC
        assertThat(UkTime.format(UkTime.instant(local))).isEqualTo(expected);
    }
}
