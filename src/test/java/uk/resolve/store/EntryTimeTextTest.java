/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Times stored as text are read back as the same instant, whatever form they were written in. */
class EntryTimeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T12:00:00Z", "2026-11-25T12:00:00.1Z", "2026-11-25T12:00:00.123Z",
            "2026-11-25T12:00:00.123456Z", "2026-11-25T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
            "2028-02-29T08:30:00Z", "2026-03-29T01:00:00+01:00", "2026-11-25T12:00:00.Z", "2026-11-25T12:00Z", "+12026-01-01T00:00:00Z"})
    void aStoredTimeIsReadAsTheInstantItNames(String text) {
        assertThat(EntryStore.instant(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @CsvSource({"2026-02-30T12:00:00Z", "2026-13-01T12:00:00Z", "2026-11-25T24:00:00Z",
            "2026-11-25 12:00:00Z", "2026-11-25T12:00:0xZ"})
    void anImpossibleTimeIsRefused(String text) {
        assertThatThrownBy(() -> EntryStore.instant(text)).isInstanceOf(DateTimeException.class);
    }
}
