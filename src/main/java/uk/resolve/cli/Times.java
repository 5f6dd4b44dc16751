/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.UkTime;

/** Reads the dates and times people type: ISO-8601, or the UK's day/month/year. */
final class Times {

    private static final List<DateTimeFormatter> UK_DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm"), DateTimeFormatter.ofPattern("d/M/uuuu HH:mm"));
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private Times() {
    }

    /** An event time; a date alone means the start of that day, UK time. */
    static Instant instant(String text, String option) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // not with an offset; try the local forms below
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // likewise
        }
        LocalDateTime local = localDateTime(t);
        if (local != null) {
            return UkTime.instant(local);
        }
        LocalDate date = date(t);
        if (date != null) {
            return UkTime.instant(date.atStartOfDay());
        }
        throw new UserError(option + ": '" + text + "' is not a date and time Resolve understands. Use, for example,"
                + " 2026-12-21T14:30 or 21/12/2026 14:30 (UK time), or a date alone such as 2026-12-21.");
    }

    /** A deadline: a date (end of that day) or a date and time. */
    static DueAt due(String text, String option) {
        String t = text.strip();
        LocalDateTime local = localDateTime(t);
        if (local != null) {
            return DueAt.at(local);
        }
        LocalDate date = date(t);
        if (date != null) {
            return DueAt.endOf(date);
        }
        throw new UserError(option + ": '" + text + "' is not a date Resolve understands. Use, for example,"
                + " 2026-12-21 or 21/12/2026, or 2026-12-21T14:30 for a time of day.");
    }

    private static LocalDateTime localDateTime(String t) {
        try {
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the UK forms
        }
        for (DateTimeFormatter f : UK_DATE_TIMES) {
            try {
                return LocalDateTime.parse(t, f);
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        return null;
    }

    private static LocalDate date(String t) {
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the UK form
        }
        try {
            return LocalDate.parse(t, UK_DATE);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
