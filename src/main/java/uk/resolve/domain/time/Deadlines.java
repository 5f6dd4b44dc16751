/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Turns a timescale and the moment it is measured from into a deadline. */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * When a timescale measured from {@code anchor} runs out. Hours are elapsed time, so 72 hours
     * across the spring clock change end an hour later on the wall clock; days count on the local
     * calendar. "Immediately" is due at once, but a worker has until the end of that working day
     * (the next one, when it arises on a weekend or holiday) before it is overdue.
     */
    public static DueAt due(Instant anchor, TimeSpan span, WorkingCalendar calendar) {
        LocalDateTime start = UkTime.local(anchor);
        return switch (span.unit()) {
            case IMMEDIATELY -> DueAt.endOf(calendar.workingDayFrom(start.toLocalDate()));
            case HOURS -> DueAt.at(UkTime.local(anchor.plus(Duration.ofHours(span.amount()))));
            case CALENDAR_DAYS -> DueAt.endOf(start.toLocalDate().plusDays(span.amount()));
            case WORKING_DAYS -> DueAt.endOf(calendar.addWorkingDays(start.toLocalDate(), span.amount()));
        };
    }

    /**
     * How a deadline of a procedure following {@code calendarCode} ({@code scotland} ...) stands on
     * {@code today}: working days are counted on that calendar, as the deadline itself was.
     */
    public static String describe(DueAt due, LocalDateTime now, WorkingCalendar calendar, String calendarCode) {
        return describe(due, now, calendarCode == null ? calendar : calendar.forCalendar(calendarCode));
    }

    /**
     * How a deadline stands for a user on {@code today}: "due today", "2 working days left",
     * "overdue by 1 day". {@code calendar} must be the procedure's own (see the overload taking its code).
     */
    public static String describe(DueAt due, LocalDateTime now, WorkingCalendar calendar) {
        LocalDate today = now.toLocalDate();
        if (due.isPast(now)) {
            if (!due.wholeDay() && due.date().equals(today)) {
                return "overdue since " + due.moment().toLocalTime();
            }
            long days = today.toEpochDay() - due.date().toEpochDay();
            return days <= 0 ? "overdue" : "overdue by " + days + (days == 1 ? " day" : " days");
        }
        if (due.date().equals(today)) {
            return due.wholeDay() ? "due today" : "due today at " + due.moment().toLocalTime();
        }
        int left = calendar.workingDaysBetween(today, due.date());
        if (left == 0) {
            return "due " + UkTime.formatDate(due.date());
        }
        return left + (left == 1 ? " working day left" : " working days left");
    }
}
