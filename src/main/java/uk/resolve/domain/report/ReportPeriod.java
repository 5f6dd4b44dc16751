/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.report;

import java.time.Instant;
import java.time.LocalDate;

import uk.resolve.domain.time.UkTime;

/**
 * The period a report covers: from the start of {@code from} to the end of {@code to}, both
 * inclusive, in UK local time (so a day is a day in England and Wales, summer time or not).
 *
 * @param from the first day
 * @param to   the last day; not before {@code from}
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public ReportPeriod {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a report period needs a first and a last day");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends (" + UkTime.formatDate(to) + ") before it starts ("
                    + UkTime.formatDate(from) + "). Give the earlier date first.");
        }
    }

    /** The first moment of the period. */
    public Instant start() {
        return UkTime.instant(from.atStartOfDay());
    }

    /** The first moment after the period. */
    public Instant end() {
        return UkTime.instant(to.plusDays(1).atStartOfDay());
    }

    public boolean contains(Instant moment) {
        return !moment.isBefore(start()) && moment.isBefore(end());
    }

    /** "1 Apr 2026 to 31 Mar 2027". */
    public String describe() {
        return UkTime.formatDate(from) + " to " + UkTime.formatDate(to);
    }
}
