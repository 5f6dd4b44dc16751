/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Time as the procedures mean it: local time in England and Wales. */
public final class UkTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** Dates as users read them: "21 Dec 2026". */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

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
