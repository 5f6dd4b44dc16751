/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.security.Actor;
import uk.resolve.security.Role;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The case list made row by row ({@link CaseService#list(java.util.function.Function)}). */
class CaseListIT {

    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-12-14T09:00");

    private Services as(Actor actor) {
        return Services.openUnencrypted(dir.resolve("resolve.mv.db"), clock, actor);
    }

    private UUID open(Actor actor, String policy, String raised) {
        try (Services s = as(actor)) {
            return s.cases().open(Fixtures.openRequest(s, policy, ChildStatus.CHILD_IN_NEED, raised)).id();
        }
    }

    @Test
    void rowsComeInTheOrderOfTheListAndOnlyForCasesThePersonMaySee() {
        Actor pat = new Actor("pat", Role.PRACTITIONER, "Team A");
        Actor bo = new Actor("bo", Role.PRACTITIONER, "Team B");
        UUID overdue = open(pat, "croydon", "2026-12-01T09:00");
        UUID recent = open(pat, "havering", "2026-12-14T08:00");
        UUID other = open(bo, "croydon", "2026-12-10T09:00");
        try (Services manager = as(new Actor("mo", Role.MANAGER, "Team A"))) {
            List<UUID> ids = manager.cases().list(CaseState::id);
            assertThat(ids).containsExactly(overdue, recent).doesNotContain(other);
            assertThat(ids).isEqualTo(manager.cases().list().stream().map(CaseState::id).toList());
            // the states handed over are the stored summaries, without their record: the list replays no entry
            assertThat(manager.cases().list(c -> c.entries().size())).containsExactly(0, 0);
            // null leaves a case out
            assertThat(manager.cases().list(c -> c.id().equals(recent) ? c.id() : null)).containsExactly(recent);
        }
        try (Services s = as(bo)) {
            assertThat(s.cases().list(CaseState::id)).containsExactly(other);
        }
    }
}
