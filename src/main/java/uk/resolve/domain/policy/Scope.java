/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.policy;

import java.util.Set;

/**
 * Whom the procedure covers.
 *
 * @param childStatuses the statuses of cases it covers
 * @param adultsAtRisk  whether it also covers adults at risk
 */
public record Scope(Set<ChildStatus> childStatuses, boolean adultsAtRisk) {

    public Scope {
        childStatuses = Set.copyOf(childStatuses);
    }

    public boolean covers(ChildStatus status) {
        if (status == null) {
            return true;
        }
        if (status == ChildStatus.ADULT_AT_RISK) {
            return adultsAtRisk;
        }
        return childStatuses.isEmpty() || childStatuses.contains(status);
    }
}
