/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates as people type them: "21 Dec 2026", "21 December 2026", 21/12/2026 or 2026-12-21. Read strictly: a day
 * the month does not have (31 Feb) is refused, never moved to the month's last day.
 */
public final class TypedDates {

    // STRICT with uuuu (proleptic year): SMART would read 31 Feb 2026 as 28 Feb 2026
    private static final List<DateTimeFormatter> FORMS = List.of(UkTime.DATE,
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT));

    private TypedDates() {
    }

    /** The date {@code text} names, or empty when it names none (blank, not a date, or a day that does not exist). */
    public static Optional<LocalDate> read(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        for (DateTimeFormatter f : FORMS) {
            try {
                return Optional.of(LocalDate.parse(t, f));
            } catch (DateTimeParseException ignored) {
                // try the next way of writing it
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code text}, written as a date, names no day: "31 Feb 2026 is not a date: February 2026 has 28 days".
     * Empty when it is a date, or is not written as one at all (the caller then says how to write one).
     */
    public static Optional<String> impossible(String text) {
        if (text == null || text.isBlank() || read(text).isPresent()) {
            return Optional.empty();
        }
        String t = text.strip();
        for (DateTimeFormatter f : FORMS) {
            ParsePosition at = new ParsePosition(0);
            TemporalAccessor raw = f.parseUnresolved(t, at);
            if (raw == null || at.getErrorIndex() >= 0 || at.getIndex() != t.length()
                    || !raw.isSupported(ChronoField.YEAR) || !raw.isSupported(ChronoField.MONTH_OF_YEAR)
                    || !raw.isSupported(ChronoField.DAY_OF_MONTH)) {
                continue;
            }
            Optional<String> why = why(raw.getLong(ChronoField.YEAR), raw.getLong(ChronoField.MONTH_OF_YEAR),
                    raw.getLong(ChronoField.DAY_OF_MONTH));
            if (why.isPresent()) {
                return Optional.of(t + " is not a date: " + why.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> why(long year, long month, long day) {
        if (month < 1 || month > 12) {
            return Optional.of("there is no month " + month);
        }
        if (day < 1) {
            return Optional.of("there is no day " + day + " in a month");
        }
        try {
            int y = ChronoField.YEAR.checkValidIntValue(year);
            int length = Month.of((int) month).length(Year.isLeap(y));
            if (day > length) {
                return Optional.of(Month.of((int) month).getDisplayName(TextStyle.FULL, Locale.UK) + " " + y
                        + " has " + length + " days");
            }
        } catch (DateTimeException e) {
            return Optional.of("there is no year " + year);
        }
        return Optional.empty();
    }
}
