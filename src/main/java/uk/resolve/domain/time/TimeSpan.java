/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

/**
 * A timescale from a procedure: "5 working days", "24 hours", "immediately".
 *
 * @param amount how many units; 0 for {@link TimeUnit#IMMEDIATELY}
 * @param unit   the unit the procedure uses
 */
public record TimeSpan(int amount, TimeUnit unit) {

    public TimeSpan {
        if (unit == null) {
            throw new IllegalArgumentException("unit is required");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        if (unit == TimeUnit.IMMEDIATELY) {
            amount = 0;
        }
    }

    public static TimeSpan immediately() {
        return new TimeSpan(0, TimeUnit.IMMEDIATELY);
    }

    public static TimeSpan workingDays(int n) {
        return new TimeSpan(n, TimeUnit.WORKING_DAYS);
    }

    /** Plain English, as shown to users: "5 working days", "1 working day", "immediately". */
    public String describe() {
        return switch (unit) {
            case IMMEDIATELY -> "immediately";
            case WORKING_DAYS -> amount + (amount == 1 ? " working day" : " working days");
            case CALENDAR_DAYS -> amount + (amount == 1 ? " day" : " days");
            case HOURS -> amount + (amount == 1 ? " hour" : " hours");
        };
    }
}
