/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.time;

import java.util.Arrays;
import java.util.Optional;

/** The units in which a procedure states its timescales. */
public enum TimeUnit {
    WORKING_DAYS("working-days"),
    CALENDAR_DAYS("calendar-days"),
    HOURS("hours"),
    IMMEDIATELY("immediately");

    private final String code;

    TimeUnit(String code) {
        this.code = code;
    }

    /** The spelling used in policy files. */
    public String code() {
        return code;
    }

    public static Optional<TimeUnit> fromCode(String code) {
        return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
    }
}
