/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.Arrays;
import java.util.Optional;

/** The moment a timescale is measured from. */
public enum Anchor {
    /** When the case was opened (the concern raised). */
    CASE_OPENED("case-opened"),
    /** When the case reached the current stage. */
    STAGE_ENTERED("stage-entered"),
    /** The first discussion recorded at the current stage. */
    FIRST_DISCUSSION("first-discussion"),
    /** The latest discussion recorded at the current stage. */
    LAST_DISCUSSION("last-discussion"),
    /** The latest meeting recorded at the current stage. */
    MEETING("meeting"),
    /** A date the procedure asks for ({@code date:<id>}). */
    DATE("date:"),
    /** When another deadline was met ({@code deadline:<id>}). */
    DEADLINE("deadline:");

    private final String code;

    Anchor(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True for anchors that name a date or deadline after a colon. */
    public boolean takesId() {
        return this == DATE || this == DEADLINE;
    }

    /** Reads a plain anchor ({@code stage-entered}); see {@link AnchorRef#parse} for the named ones. */
    public static Optional<Anchor> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> !a.takesId() && a.code.equals(code)).findFirst();
    }

    public static String codes() {
        return "case-opened, stage-entered, first-discussion, last-discussion, meeting, date:<id> or deadline:<id>";
    }

    public String describe() {
        return switch (this) {
            case CASE_OPENED -> "from when the concern was raised";
            case STAGE_ENTERED -> "from the start of this stage";
            case FIRST_DISCUSSION -> "from the first discussion";
            case LAST_DISCUSSION -> "from the last discussion";
            case MEETING -> "from the meeting";
            case DATE -> "from a date given";
            case DEADLINE -> "from when another step was done";
        };
    }
}
