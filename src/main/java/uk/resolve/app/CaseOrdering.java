/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.util.Comparator;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.time.DueAt;

/** The order cases are listed in: what needs attention first. */
public final class CaseOrdering {

    /** Open before closed; overdue, then immediate risk, then the nearest deadline; then newest. */
    public static final Comparator<CaseState> URGENT_FIRST = Comparator
            .comparing((CaseState c) -> !c.open())
            .thenComparing(c -> !c.overdue())
            .thenComparing(c -> !c.details().immediateRisk())
            .thenComparing(c -> c.nextDeadline().map(DeadlineStatus::due).orElse(null),
                    Comparator.nullsLast(Comparator.<DueAt>naturalOrder()))
            .thenComparing(CaseState::openedAt, Comparator.reverseOrder());

    private CaseOrdering() {
    }
}
