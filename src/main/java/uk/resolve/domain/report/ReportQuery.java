/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.report;

/**
 * What a report is about.
 *
 * @param period   the cases raised in this period
 * @param policyId only cases that follow this procedure, or null for every procedure
 */
public record ReportQuery(ReportPeriod period, String policyId) {

    public ReportQuery {
        if (period == null) {
            throw new IllegalArgumentException("a report needs a period");
        }
        if (policyId != null && policyId.isBlank()) {
            policyId = null;
        }
    }
}
