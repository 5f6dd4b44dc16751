/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.resolve.domain.time.DueAt;

class CalendarPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 21);

    private static DeadlineEvent event(String uid, String date, int sequence, boolean cancelled) {
        return new DeadlineEvent(uid, "1a2b3c4d", "Croydon", "Stage 1 — Practitioners", "Resolve or escalate",
                DueAt.endOf(LocalDate.parse(date)), sequence, cancelled);
    }

    @Test
    void aNewDeadlineIsFirstIssuedAsRevisionZero() {
        List<DeadlineEvent> plan = CalendarPlan.plan(List.of(event("a", "2026-12-30", 7, false)), List.of(), TODAY);
        assertThat(plan).containsExactly(event("a", "2026-12-30", 0, false));
    }

    @Test
    void anUnchangedDeadlineKeepsItsRevision() {
        List<DeadlineEvent> plan = CalendarPlan.plan(List.of(event("a", "2026-12-30", 0, false)),
                List.of(event("a", "2026-12-30", 2, false)), TODAY);
        assertThat(plan).containsExactly(event("a", "2026-12-30", 2, false));
    }

    @Test
    void aShortenedDeadlineIsTheSameEventOneRevisionOn() {
        List<DeadlineEvent> plan = CalendarPlan.plan(List.of(event("a", "2026-12-23", 0, false)),
                List.of(event("a", "2026-12-30", 2, false)), TODAY);
        assertThat(plan).containsExactly(event("a", "2026-12-23", 3, false));
    }

    @Test
    void aDeadlineNoLongerOpenIsCancelledOneRevisionOnAndStaysCancelled() {
        List<DeadlineEvent> first = CalendarPlan.plan(List.of(), List.of(event("a", "2026-12-30", 1, false)), TODAY);
        assertThat(first).containsExactly(event("a", "2026-12-30", 2, true));
        List<DeadlineEvent> again = CalendarPlan.plan(List.of(), first, TODAY);
        assertThat(again).containsExactly(event("a", "2026-12-30", 2, true));
    }

    @Test
    void aCancelledEventIsDroppedAMonthAfterItsDate() {
        DeadlineEvent old = event("a", "2026-11-21", 2, true);
        assertThat(CalendarPlan.plan(List.of(), List.of(old), TODAY)).containsExactly(old);
        assertThat(CalendarPlan.plan(List.of(), List.of(old), TODAY.plusDays(1))).isEmpty();
    }

    @Test
    void aDeadlineOpenAgainAfterCancellingIsRestoredOneRevisionOn() {
        List<DeadlineEvent> plan = CalendarPlan.plan(List.of(event("a", "2026-12-30", 0, false)),
                List.of(event("a", "2026-12-30", 2, true)), TODAY);
        assertThat(plan).containsExactly(event("a", "2026-12-30", 3, false));
    }

    @Test
    void eventsAreWrittenEarliestFirst() {
        List<DeadlineEvent> plan = CalendarPlan.plan(List.of(event("b", "2026-12-31", 0, false),
                event("a", "2027-01-04", 0, false)), List.of(event("c", "2026-12-22", 0, false)), TODAY);
        assertThat(plan).extracting(DeadlineEvent::uid).containsExactly("c", "b", "a");
    }
}
