/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

import java.time.Instant;

import uk.resolve.domain.time.UkTime;
import uk.resolve.domain.time.WorkingCalendar;

/** Figures about a case that forms and reports share, such as "time taken to reach resolution". */
public final class CaseMetrics {

    private CaseMetrics() {
    }

    /**
     * Working days from the day the concern was raised to the day the case closed (or {@code now}
     * while open): 0 when resolved on the day it was raised.
     */
    public static int workingDaysTaken(CaseState c, WorkingCalendar calendar, Instant now) {
        Instant end = c.resolution() != null ? c.resolution().at() : now;
        return calendar.workingDaysBetween(UkTime.date(c.openedAt()), UkTime.date(end));
    }

    /** Calendar days from the day the concern was raised to the day it closed (or {@code now}). */
    public static long calendarDaysTaken(CaseState c, Instant now) {
        Instant end = c.resolution() != null ? c.resolution().at() : now;
        return UkTime.date(end).toEpochDay() - UkTime.date(c.openedAt()).toEpochDay();
    }

    /** Working days the case spent at one stage visit (to {@code now} for the current one). */
    public static int workingDaysAt(StageVisit v, WorkingCalendar calendar, Instant now) {
        Instant end = v.leftAt() != null ? v.leftAt() : now;
        return calendar.workingDaysBetween(UkTime.date(v.enteredAt()), UkTime.date(end));
    }
}
