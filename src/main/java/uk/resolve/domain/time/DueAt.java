/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * When something is due. Day-based timescales are due by the end of a date; hour-based and
 * "immediately" ones at a moment. Times are local to England and Wales.
 *
 * @param moment the local date and time (for a whole-day deadline, the start of that day)
 * @param wholeDay true when the deadline is the end of {@code moment}'s date
 */
public record DueAt(LocalDateTime moment, boolean wholeDay) implements Comparable<DueAt> {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final Comparator<DueAt> ORDER = Comparator.comparing(DueAt::lastMoment);

    public static DueAt endOf(LocalDate date) {
        return new DueAt(date.atStartOfDay(), true);
    }

    public static DueAt at(LocalDateTime moment) {
        return new DueAt(moment.truncatedTo(ChronoUnit.MINUTES), false);
    }

    public LocalDate date() {
        return moment.toLocalDate();
    }

    /** The last instant at which the deadline is still met. */
    public LocalDateTime lastMoment() {
        return wholeDay ? moment.toLocalDate().atTime(LocalTime.MAX) : moment;
    }

    /** True when {@code now} is past this deadline. */
    public boolean isPast(LocalDateTime now) {
        return now.isAfter(lastMoment());
    }

    /** ISO-8601: {@code 2026-12-21} for a whole day, {@code 2026-12-21T10:30} for a moment. */
    public String iso() {
        return wholeDay ? date().toString() : moment.format(MINUTES);
    }

    @Override
    public int compareTo(DueAt other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return iso();
    }
}
