/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import uk.resolve.domain.escalation.CaseListing;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.time.DueAt;

/** The order cases are listed in: what needs attention first. */
public final class CaseOrdering {

    /**
     * What the order looks at, worked out once per case rather than at every comparison, beside what
     * is listed for the case (its state, or a smaller row made from it).
     */
    record Keyed<T>(T item, boolean closed, boolean notOverdue, boolean notImmediateRisk, DueAt next,
                           Instant opened) {
        static <T> Keyed<T> of(CaseState c, T item) {
            return new Keyed<>(item, !c.open(), !c.overdue(), !c.details().immediateRisk(),
                    c.nextDeadline().map(DeadlineStatus::due).orElse(null), c.openedAt());
        }

        static <T> Keyed<T> of(CaseListing c, Instant now, T item) {
            return new Keyed<>(item, !c.open(), !c.overdue(now), !c.immediateRisk(), c.nextDue(), c.openedAt());
        }
    }

    private static final Comparator<Keyed<?>> ORDER = Comparator.comparing((Keyed<?> k) -> k.closed())
            .thenComparing(Keyed::notOverdue)
            .thenComparing(Keyed::notImmediateRisk)
            .thenComparing(Keyed::next, Comparator.nullsLast(Comparator.<DueAt>naturalOrder()))
            .thenComparing(Keyed::opened, Comparator.reverseOrder());

    /** Open before closed; overdue, then immediate risk, then the nearest deadline; then newest. */
    public static final Comparator<CaseState> URGENT_FIRST = Comparator.comparing(c -> Keyed.of(c, c), ORDER);

    private CaseOrdering() {
    }

    /** {@code cases} in {@link #URGENT_FIRST} order, computing each case's key once. */
    public static List<CaseState> sorted(List<CaseState> cases) {
        List<Keyed<CaseState>> keyed = new ArrayList<>(cases.size());
        cases.forEach(c -> keyed.add(Keyed.of(c, c)));
        return items(keyed);
    }

    /** The items of {@code keyed} in {@link #URGENT_FIRST} order of the cases they were made from. */
    static <T> List<T> items(List<Keyed<T>> keyed) {
        keyed.sort(ORDER);
        List<T> out = new ArrayList<>(keyed.size());
        keyed.forEach(k -> out.add(k.item()));
        return java.util.Collections.unmodifiableList(out);
    }
}
