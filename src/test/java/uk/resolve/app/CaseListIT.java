/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.escalation.CaseListing;
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
            assertThat(s.cases().listings(CaseListing::id)).containsExactly(other);
        }
    }

    @Test
    void listingsFromTheSummaryColumnsComeInTheListsOrderAndEqualAFreshReplay() {
        Actor pat = new Actor("pat", Role.PRACTITIONER, "Team A");
        Actor bo = new Actor("bo", Role.PRACTITIONER, "Team B");
        UUID overdue = open(pat, "croydon", "2026-12-01T09:00");
        UUID recent = open(pat, "havering", "2026-12-14T08:00");
        UUID resolved = open(pat, "north-somerset", "2026-12-02T09:00");
        UUID other = open(bo, "croydon", "2026-12-10T09:00");
        try (Services s = as(pat)) {
            s.cases().escalate(recent, "Still unresolved", null, null);
            s.cases().resolve(resolved, new uk.resolve.domain.escalation.ResolveRequest("Agreed a plan", null, null,
                    null, null));
        }
        try (Services manager = as(new Actor("mo", Role.MANAGER, "Team A"))) {
            List<CaseListing> listed = manager.cases().listings(l -> l);
            assertThat(listed).extracting(CaseListing::id).containsExactly(overdue, recent, resolved)
                    .isEqualTo(manager.cases().list(CaseState::id)).doesNotContain(other);
            for (CaseListing l : listed) {
                assertThat(l).isEqualTo(CaseListing.of(manager.cases().get(l.id())));
            }
            assertThat(listed.get(0).overdue(clock.instant())).isTrue();
            assertThat(listed.get(1).stage()).isEqualTo(2);
            assertThat(listed.get(2).open()).isFalse();
            assertThat(listed.get(2).endedAt()).isNotNull();
            // whether a deadline has passed is worked out as the list is read, not when the row was stored
            clock.advance(java.time.Duration.ofDays(90));
            assertThat(manager.cases().listings(l -> l.overdue(clock.instant())))
                    .isEqualTo(manager.cases().list(CaseState::overdue)).contains(true, false);
            assertThat(manager.cases().listings(l -> l.id().equals(recent) ? l.id() : null)).containsExactly(recent);
        }
    }
}
