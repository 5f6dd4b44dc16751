/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypedDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "21 Dec 2026; 2026-12-21", "21 December 2026; 2026-12-21", "21/12/2026; 2026-12-21",
            "2026-12-21; 2026-12-21", "29 Feb 2028; 2028-02-29", "29/02/2028; 2028-02-29", "  3 Sep 2026 ; 2026-09-03",
            "28 Feb 2026; 2026-02-28", "30 Apr 2026; 2026-04-30", "31/12/2026; 2026-12-31"})
    void aRealDateIsReadAsTheDayItNames(String typed, LocalDate expected) {
        assertThat(TypedDates.read(typed)).contains(expected);
        assertThat(TypedDates.impossible(typed)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "31 Feb 2026; 31 Feb 2026 is not a date: February 2026 has 28 days",
            "29 Feb 2025; 29 Feb 2025 is not a date: February 2025 has 28 days",
            "30 February 2028; 30 February 2028 is not a date: February 2028 has 29 days",
            "31 Apr 2026; 31 Apr 2026 is not a date: April 2026 has 30 days",
            "31/04/2026; 31/04/2026 is not a date: April 2026 has 30 days",
            "2026-02-31; 2026-02-31 is not a date: February 2026 has 28 days",
            "00 Jan 2026; 00 Jan 2026 is not a date: there is no day 0 in a month",
            "0/1/2026; 0/1/2026 is not a date: there is no day 0 in a month",
            "2026-13-01; 2026-13-01 is not a date: there is no month 13",
            "1/13/2026; 1/13/2026 is not a date: there is no month 13"})
    void anImpossibleDateIsRefusedSayingWhyNeverMovedToAnotherDay(String typed, String why) {
        assertThat(TypedDates.read(typed)).isEmpty();
        assertThat(TypedDates.impossible(typed)).contains(why);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"next Tuesday", "21 Dec", "Dec 2026", "21-12-2026x", "32"})
    void textThatIsNoDateAtAllIsNotReadAndLeavesTheCallerToSayHowToWriteOne(String typed) {
        assertThat(TypedDates.read(typed)).isEmpty();
        assertThat(TypedDates.impossible(typed)).isEmpty();
    }

    @Test
    void theUkFormatterItselfRefusesTheThirtyFirstOfFebruary() {
        // read leniently (SMART), this was 28 Feb 2026
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalDate.parse("31 Feb 2026", UkTime.DATE))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
        assertThat(LocalDate.parse("28 Feb 2026", UkTime.DATE)).isEqualTo(LocalDate.of(2026, 2, 28));
    }
}
