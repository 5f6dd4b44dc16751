/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.Arrays;
import java.util.Optional;

/** The moment a timescale is measured from. */
public enum Anchor {
    /** When the concern was first raised (the case was opened). */
    CASE_OPENED("case-opened"),
    /** When the case reached the current stage. */
    STAGE_ENTERED("stage-entered"),
    /** The latest discussion recorded at the current stage. */
    LAST_DISCUSSION("last-discussion"),
    /** The latest meeting recorded at the current stage. */
    MEETING("meeting");

    private final String code;

    Anchor(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Anchor> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }

    public String describe() {
        return switch (this) {
            case CASE_OPENED -> "from when the concern was raised";
            case STAGE_ENTERED -> "from the start of this stage";
            case LAST_DISCUSSION -> "from the last discussion";
            case MEETING -> "from the meeting";
        };
    }
}
