/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Which days count as working days. */
public interface WorkingCalendar {

    /** True for a weekday that is not a bank holiday (after overrides). */
    boolean isWorkingDay(LocalDate date);

    /** The name of the holiday on {@code date}, or null when it is not one. */
    String holidayName(LocalDate date);

    /**
     * The calendar a procedure names ({@code england-and-wales}, {@code scotland},
     * {@code northern-ireland}); a calendar that knows no others answers for all.
     */
    default WorkingCalendar forCalendar(String code) {
        return this;
    }

    /** The first working day on or after {@code date}. */
    default LocalDate workingDayFrom(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The date that is {@code n} working days after {@code from}: the count starts on the day after
     * {@code from}, so one working day from a Friday is the following Monday (or Tuesday after a
     * bank holiday Monday). Zero working days is {@code from} itself.
     */
    default LocalDate addWorkingDays(LocalDate from, int n) {
        LocalDate d = from;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * Working days from {@code from} (exclusive) up to {@code to} (inclusive); 0 when {@code to} is
     * not after {@code from}. The inverse of {@link #addWorkingDays} on working days.
     */
    default int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
