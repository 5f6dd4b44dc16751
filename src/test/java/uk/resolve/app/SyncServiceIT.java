/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.sync.SyncException;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

class SyncServiceIT {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");

    @Test
    void settingsAreKeptInTheDatabaseAndSurviveReopening() throws Exception {
        Path shared = dir.resolve("drive/team.mv.db");
        try (Services s = Fixtures.services(dir, clock)) {
            assertThat(s.sync().settings()).isEqualTo(new SyncService.Settings(null, true, true, 5));
            s.sync().saveSettings(new SyncService.Settings(shared, false, true, 15));
        }
        try (Services s = Fixtures.services(dir, clock)) {
            assertThat(s.sync().settings()).isEqualTo(new SyncService.Settings(shared, false, true, 15));
        }
    }

    @Test
    void theStatusCountsChangesWaitingAndSaysWhenTheDriveIsUnreachable() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        try (Services s = Fixtures.services(dir, clock)) {
            List<SyncService.Status> seen = new CopyOnWriteArrayList<>();
            s.sync().addListener(seen::add);
            assertThat(s.sync().status().state()).isEqualTo(SyncService.State.NOT_SET_UP);
            assertThatThrownBy(() -> s.sync().syncNow()).hasMessageContaining("No shared file has been chosen yet");

            s.sync().saveSettings(new SyncService.Settings(shared, false, false, 0));
            s.cases().open(Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T09:00"));
            SyncService.Status before = s.sync().status();
            assertThat(before.state()).isEqualTo(SyncService.State.NEVER_SYNCED);
            assertThat(before.pending()).isEqualTo(1);

            s.sync().syncNow();
            SyncService.Status after = s.sync().status();
            assertThat(after.state()).isEqualTo(SyncService.State.SYNCED);
            assertThat(after.pending()).isZero();
            assertThat(after.lastSynced()).isEqualTo(clock.instant());
            assertThat(seen).extracting(SyncService.Status::state).contains(SyncService.State.SYNCING,
                    SyncService.State.SYNCED);

            Files.move(shared.getParent(), dir.resolve("unplugged"));
            s.cases().open(Fixtures.openRequest(s, "havering", ChildStatus.CP_PLAN, "2026-12-21T08:30"));
            assertThatThrownBy(() -> s.sync().syncNow()).isInstanceOf(SyncException.class)
                    .hasMessageContaining("cannot be reached");
            SyncService.Status offline = s.sync().status();
            assertThat(offline.state()).isEqualTo(SyncService.State.OFFLINE);
            assertThat(offline.pending()).isEqualTo(1);
            assertThat(offline.message()).contains("your work is safe on this computer");
        }
    }
}
