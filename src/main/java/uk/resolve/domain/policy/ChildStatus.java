/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.Arrays;
import java.util.Optional;

/** The status of the child (or adult) at the centre of a disagreement. */
public enum ChildStatus {
    EARLY_HELP("early-help", "Early help"),
    CHILD_IN_NEED("child-in-need", "Child in need"),
    CP_PLAN("cp-plan", "Child protection plan"),
    LOOKED_AFTER("looked-after", "Looked after child"),
    ADULT_AT_RISK("adult-at-risk", "Adult at risk");

    private final String code;
    private final String label;

    ChildStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<ChildStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ChildStatus::code).toList());
    }
}
