/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.Arrays;
import java.util.Optional;

/** The event that makes a notification or form due. */
public enum Trigger {
    CASE_OPENED("case-opened"),
    STAGE_ENTERED("stage-entered"),
    RESOLVED("resolved"),
    /** Each time a meeting is recorded at the stage. */
    MEETING_RECORDED("meeting-recorded");

    private final String code;

    Trigger(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Trigger> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
