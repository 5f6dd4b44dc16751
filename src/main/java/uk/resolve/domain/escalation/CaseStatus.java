/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.escalation;

/** Where a case stands. */
public enum CaseStatus {
    OPEN("open"), RESOLVED("resolved"), WITHDRAWN("withdrawn");

    private final String code;

    CaseStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
