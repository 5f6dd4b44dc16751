/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.resolve.testing.Fixtures.openRequest;

import java.nio.file.Path;
import java.time.LocalTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.calendar.DueSoon;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** Reminders of the person's deadlines from real cases on a real database. */
class ReminderServiceIT {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");
    private Services s;

    @AfterEach
    void close() {
        if (s != null) {
            s.close();
        }
    }

    @Test
    void aDeadlineIsRemindedOnTheWorkingDayBeforeOnTheDayAndWhenOverdue() {
        s = Fixtures.services(dir, clock);
        CaseState c = s.cases().open(openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T09:00"));
        assertThat(s.reminders().dueSoon()).isEmpty();

        clock.set("2026-12-31T09:00"); // 1 Jan is a holiday, then the weekend: 4 Jan is the next working day
        var soon = s.reminders().dueSoon();
        assertThat(soon).singleElement().satisfies(r -> {
            assertThat(r.caseId()).isEqualTo(c.id());
            assertThat(r.urgency()).isEqualTo(DueSoon.Urgency.SOON);
            assertThat(r.line()).isEqualTo("Due soon: case " + c.id().toString().substring(0, 8) + ", "
                    + s.policies().require("croydon").name() + ", " + c.stageHeading()
                    + ": Resolve or escalate to line managers (4 Jan 2027)");
            assertThat(r.line()).doesNotContain("REF-CROYDON", c.details().concern());
        });
        clock.set("2027-01-04T09:00");
        assertThat(s.reminders().dueSoon()).extracting(ReminderService.Reminder::urgency).containsExactly(DueSoon.Urgency.TODAY);
        clock.set("2027-01-05T09:00");
        assertThat(s.reminders().dueSoon()).extracting(ReminderService.Reminder::urgency).containsExactly(DueSoon.Urgency.OVERDUE);
    }

    @Test
    void howFarAheadAndQuietHoursAreThePersonsOwn() {
        s = Fixtures.services(dir, clock);
        s.cases().open(openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T09:00"));
        s.reminders().save(new ReminderService.Settings(10, new DueSoon.QuietHours(LocalTime.of(8, 0), LocalTime.of(10, 0))));
        assertThat(s.reminders().dueSoon()).hasSize(1);
        assertThat(s.reminders().quietNow()).isTrue();
        clock.set("2026-12-21T10:00");
        assertThat(s.reminders().quietNow()).isFalse();

        s.close();
        s = Services.openUnencrypted(dir.resolve("resolve.mv.db"), clock, Fixtures.actor("Someone Else"));
        assertThat(s.reminders().settings()).isEqualTo(new ReminderService.Settings(DueSoon.DEFAULT_AHEAD,
                DueSoon.QuietHours.NONE));
    }

    @Test
    void aNotificationIsShownOncePerSessionForTheSameRemindersAndNeverInQuietHours() {
        s = Fixtures.services(dir, clock);
        CaseState c = s.cases().open(openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T09:00"));
        clock.set("2027-01-04T07:30");
        s.reminders().save(new ReminderService.Settings(1, new DueSoon.QuietHours(LocalTime.of(18, 0), LocalTime.of(8, 0))));
        assertThat(s.reminders().notification(s.reminders().dueSoon())).as("quiet hours").isEmpty();
        clock.set("2027-01-04T08:00");
        assertThat(s.reminders().notification(s.reminders().dueSoon())).hasValueSatisfying(t ->
                assertThat(t).isEqualTo("Due today: case " + c.id().toString().substring(0, 8) + ", "
                        + s.policies().require("croydon").name() + ", " + c.stageHeading()
                        + ": Resolve or escalate to line managers (4 Jan 2027)"));
        assertThat(s.reminders().notification(s.reminders().dueSoon())).as("the same again").isEmpty();
        clock.set("2027-01-05T08:00");
        assertThat(s.reminders().notification(s.reminders().dueSoon())).hasValueSatisfying(t ->
                assertThat(t).startsWith("Overdue: "));
    }
}
