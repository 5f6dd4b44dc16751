/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.time.DueAt;

/** The order cases are listed in: what needs attention first. */
public final class CaseOrdering {

    /** What the order looks at, worked out once per case rather than at every comparison. */
    private record Key(CaseState state, boolean closed, boolean notOverdue, boolean notImmediateRisk, DueAt next,
                       Instant opened) {
        static Key of(CaseState c) {
            return new Key(c, !c.open(), !c.overdue(), !c.details().immediateRisk(),
                    c.nextDeadline().map(DeadlineStatus::due).orElse(null), c.openedAt());
        }
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::closed)
            .thenComparing(Key::notOverdue)
            .thenComparing(Key::notImmediateRisk)
            .thenComparing(Key::next, Comparator.nullsLast(Comparator.<DueAt>naturalOrder()))
            .thenComparing(Key::opened, Comparator.reverseOrder());

    /** Open before closed; overdue, then immediate risk, then the nearest deadline; then newest. */
    public static final Comparator<CaseState> URGENT_FIRST = Comparator.comparing(Key::of, ORDER);

    private CaseOrdering() {
    }

    /** {@code cases} in {@link #URGENT_FIRST} order, computing each case's key once. */
    public static List<CaseState> sorted(List<CaseState> cases) {
        return cases.stream().map(Key::of).sorted(ORDER).map(Key::state).toList();
    }
}
