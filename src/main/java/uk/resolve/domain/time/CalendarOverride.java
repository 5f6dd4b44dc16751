/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import java.time.LocalDate;

/**
 * An administrator's correction to one calendar's bank-holiday list: an extra holiday (a state
 * funeral, a coronation) or a day the published list has wrong.
 *
 * @param date       the date
 * @param name       why, as shown to users
 * @param workingDay false for an extra holiday; true to make a listed holiday a working day
 * @param region     the calendar it changes
 */
public record CalendarOverride(LocalDate date, String name, boolean workingDay, UkCalendar.Region region) {

    public CalendarOverride {
        region = region == null ? UkCalendar.Region.ENGLAND_AND_WALES : region;
    }

    /** An override of the England and Wales calendar. */
    public CalendarOverride(LocalDate date, String name, boolean workingDay) {
        this(date, name, workingDay, UkCalendar.Region.ENGLAND_AND_WALES);
    }
}
