/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.resolve.testing.Fixtures.instant;
import static uk.resolve.testing.Fixtures.openRequest;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DeadlineStatus;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** Deadlines computed from real procedures on real dates, through the services and a real database. */
class DeadlinesAcrossHolidaysIT {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-12-21T11:00");
    private Services s;

    @AfterEach
    void close() {
        if (s != null) {
            s.close();
        }
    }

    private Services services() {
        s = Fixtures.services(dir, clock);
        return s;
    }

    private static String due(CaseState c, String id) {
        return c.deadlines().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow().due().iso();
    }

    @Test
    void croydonsSevenWorkingDaysSkipChristmasTheBoxingDaySubstituteAndNewYear() {
        CaseState c = services().cases().open(openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T10:00"));
        // 22, 23, 24 Dec, (25 Christmas, 26-27 weekend, 28 Boxing Day substitute), 29, 30, 31 Dec,
        // (1 Jan New Year, 2-3 weekend), 4 Jan
        assertThat(due(c, "stage")).isEqualTo("2027-01-04");
        assertThat(c.overdue()).isFalse();

        clock.set("2027-01-04T17:00");
        assertThat(s.cases().get(c.id()).overdue()).isFalse();
        clock.set("2027-01-05T08:00");
        assertThat(s.cases().get(c.id()).overdue()).isTrue();
    }

    @Test
    void eachCroydonStageRestartsItsSevenDaysWhenEscalatedAcrossEaster() {
        clock.set("2027-03-31T09:00");
        CaseState c = services().cases().open(openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2027-03-22T09:00"));
        // 23, 24, 25 Mar, (26 Good Friday, 27-28 weekend, 29 Easter Monday), 30, 31 Mar, 1, 2 Apr
        assertThat(due(c, "stage")).isEqualTo("2027-04-02");
        c = s.cases().escalate(c.id(), "No agreement between workers", null, instant("2027-03-24T16:00"));
        // from 24 Mar: 25 Mar, (Easter), 30, 31 Mar, 1, 2, 5, 6 Apr
        assertThat(c.stage()).isEqualTo(2);
        assertThat(due(c, "stage")).isEqualTo("2027-04-06");
    }

    @Test
    void northSomersetsFiveDayBudgetFromTheOutsetRunsAcrossStagesOneToThree() {
        clock.set("2026-12-24T09:00");
        CaseState c = services().cases().open(openRequest(s, "north-somerset", ChildStatus.CHILD_IN_NEED, "2026-12-24T09:00"));
        assertThat(due(c, "worker-discussion")).isEqualTo("2026-12-29");
        assertThat(due(c, "outset-budget")).isEqualTo("2027-01-05");
        // the line managers' 24 hours run from an unresolved discussion
        assertThat(c.deadlines()).extracting(DeadlineStatus::id).doesNotContain("line-manager-contact");
        clock.set("2026-12-24T16:00");
        c = s.cases().discuss(c.id(), new DiscussionRequest("Duty social worker", "phone", "No agreement", null, false,
                instant("2026-12-24T15:00")));
        assertThat(due(c, "line-manager-contact")).isEqualTo("2026-12-25T15:00");

        clock.set("2026-12-29T10:00");
        c = s.cases().escalate(c.id(), "Line managers could not agree", null, instant("2026-12-29T10:00"));
        assertThat(due(c, "stage")).isEqualTo("2026-12-31");
        assertThat(due(c, "outset-budget")).isEqualTo("2027-01-05");

        clock.set("2026-12-31T11:00");
        c = s.cases().escalate(c.id(), "Second tier managers could not agree", null, instant("2026-12-31T11:00"));
        assertThat(due(c, "stage")).isEqualTo("2027-01-06");
        // the shared budget is the sooner and is what comes next
        assertThat(c.nextDeadline().orElseThrow().id()).isEqualTo("outset-budget");
        assertThat(c.nextDeadline().orElseThrow().due().iso()).isEqualTo("2027-01-05");

        clock.set("2027-01-05T12:00");
        c = s.cases().escalate(c.id(), "Senior managers could not agree", null, instant("2027-01-05T12:00"));
        assertThat(c.stage()).isEqualTo(4);
        assertThat(c.deadlines()).extracting(DeadlineStatus::id).containsExactly("stage");
        assertThat(due(c, "stage")).isEqualTo("2027-01-12");
    }

    @Test
    void aBudgetMissedWhileStillAtStage3MakesTheCaseOverdue() {
        clock.set("2026-12-31T12:00");
        CaseState c = services().cases().open(openRequest(s, "north-somerset", null, "2026-12-24T09:00"));
        c = s.cases().escalate(c.id(), "r", null, instant("2026-12-24T12:00"));
        c = s.cases().escalate(c.id(), "r", null, instant("2026-12-31T11:00"));
        assertThat(due(c, "stage")).isEqualTo("2027-01-06");
        assertThat(c.stage()).isEqualTo(3);
        clock.set("2027-01-06T09:00");
        CaseState later = s.cases().get(c.id());
        assertThat(later.deadlines()).filteredOn(DeadlineStatus::overdue).extracting(DeadlineStatus::id)
                .containsExactly("outset-budget");
    }
}
