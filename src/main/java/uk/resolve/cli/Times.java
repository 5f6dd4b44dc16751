/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.UkTime;

/** Reads the dates and times people type: ISO-8601, or the UK's day/month/year. */
final class Times {

    // STRICT: 31/02 is refused, never moved to 28 February
    private static final List<DateTimeFormatter> UK_DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu HH:mm").withResolverStyle(ResolverStyle.STRICT));
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final java.util.regex.Pattern DATE_PART =
            java.util.regex.Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})|^(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private Times() {
    }

    /** An event time; a date alone means the start of that day, UK time. */
    static Instant instant(String text, String option) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        impossible(t, option);
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
        impossible(t, option);
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

    /** Refuses a date that looks like one but does not exist (31/02/2027, 2027-13-01), naming it. */
    static void impossible(String t, String option) {
        java.util.regex.Matcher m = DATE_PART.matcher(t);
        if (!m.find()) {
            return;
        }
        int y = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(6));
        int mo = Integer.parseInt(m.group(1) != null ? m.group(2) : m.group(5));
        int d = Integer.parseInt(m.group(1) != null ? m.group(3) : m.group(4));
        try {
            LocalDate.of(y, mo, d);
        } catch (java.time.DateTimeException e) {
            throw new UserError(option + ": '" + t + "' is not a real date (" + (mo < 1 || mo > 12
                    ? "there is no month " + mo : java.time.Month.of(mo).getDisplayName(java.time.format.TextStyle.FULL,
                    java.util.Locale.UK) + " " + y + " has no day " + d) + "). Check the date and give it again.");
        }
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
