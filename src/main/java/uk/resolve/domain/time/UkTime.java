/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Map;
import java.util.Locale;

/** Time as the procedures mean it: local time in England and Wales. */
public final class UkTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** Month abbreviations as the UK writes them on forms; Java's UK locale data gives "Sept". */
    private static final Map<Long, String> MONTHS = Map.ofEntries(Map.entry(1L, "Jan"), Map.entry(2L, "Feb"),
            Map.entry(3L, "Mar"), Map.entry(4L, "Apr"), Map.entry(5L, "May"), Map.entry(6L, "Jun"),
            Map.entry(7L, "Jul"), Map.entry(8L, "Aug"), Map.entry(9L, "Sep"), Map.entry(10L, "Oct"),
            Map.entry(11L, "Nov"), Map.entry(12L, "Dec"));
    /** Dates as users read them: "21 Dec 2026". Read strictly: "31 Feb 2026" is no date, not 28 Feb. */
    public static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.DAY_OF_MONTH).appendLiteral(' ')
            .appendText(ChronoField.MONTH_OF_YEAR, MONTHS).appendLiteral(' ')
            .appendValue(ChronoField.YEAR, 4).toFormatter(Locale.UK).withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder().append(DATE)
            .appendPattern(", HH:mm").toFormatter(Locale.UK).withResolverStyle(ResolverStyle.STRICT);

    private UkTime() {
    }

    public static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }

    public static LocalDate date(Instant instant) {
        return local(instant).toLocalDate();
    }

    public static Instant instant(LocalDateTime local) {
        return local.atZone(ZONE).toInstant();
    }

    public static String formatDate(LocalDate date) {
        return DATE.format(date);
    }

    public static String format(Instant instant) {
        return DATE_TIME.format(local(instant));
    }

    /** "21 Dec 2026" for a whole-day deadline, "21 Dec 2026, 10:30" for a moment. */
    public static String format(DueAt due) {
        return due.wholeDay() ? DATE.format(due.date()) : DATE_TIME.format(due.moment());
    }
}
