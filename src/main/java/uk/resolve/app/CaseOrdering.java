/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import uk.resolve.domain.escalation.CaseListing;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.time.DueAt;
import uk.resolve.domain.time.UkTime;

/** The order cases are listed in: what needs attention first. */
public final class CaseOrdering {

    /**
     * What the order looks at, worked out once per case rather than at every comparison, beside what
     * is listed for the case (its state, or a smaller row made from it).
     */
    record Keyed<T>(T item, boolean closed, boolean notOverdue, boolean notImmediateRisk, LocalDateTime next,
                           Instant opened) {
        static <T> Keyed<T> of(CaseState c, T item) {
            return new Keyed<>(item, !c.open(), !c.overdue(), !c.details().immediateRisk(),
                    last(c.nextDeadline().map(DeadlineStatus::due).orElse(null)), c.openedAt());
        }

        static <T> Keyed<T> of(CaseListing c, Instant now, T item) {
            return of(c, UkTime.local(now), item);
        }

        /** As {@link #of(CaseListing, Instant, Object)} with "now" already local, for many cases at once. */
        static <T> Keyed<T> of(CaseListing c, LocalDateTime localNow, T item) {
            boolean overdue = c.firstUnmetDue() != null && c.firstUnmetDue().isPast(localNow);
            return new Keyed<>(item, !c.open(), !overdue, !c.immediateRisk(), last(c.nextDue()), c.openedAt());
        }

        /** Deadlines are ordered by their last moment: worked out once per case, not at every comparison. */
        private static LocalDateTime last(DueAt due) {
            return due == null ? null : due.lastMoment();
        }
    }

    private static final Comparator<Keyed<?>> ORDER = Comparator.comparing((Keyed<?> k) -> k.closed())
            .thenComparing(Keyed::notOverdue)
            .thenComparing(Keyed::notImmediateRisk)
            .thenComparing(Keyed::next, Comparator.nullsLast(Comparator.<LocalDateTime>naturalOrder()))
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
