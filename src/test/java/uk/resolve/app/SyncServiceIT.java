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

import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.security.AccessDenied;
import uk.resolve.security.Actor;
import uk.resolve.security.Role;
import uk.resolve.store.AuditStore;
import uk.resolve.store.Database;
import uk.resolve.testing.Plaintext;
import uk.resolve.sync.SyncException;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

class SyncServiceIT {

    private static final String PASSPHRASE = "otter lantern gravel seven";

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
            s.sync().setUpTeamKey(shared, PASSPHRASE.toCharArray());
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

    private Services laptop(String name, Role role) {
        return Services.openUnencrypted(dir.resolve(name + "/resolve.mv.db"), clock, new Actor(name, role, "Test team"));
    }

    @Test
    void aManagerSetsUpTheTeamKeyAndAMemberJoinsWithThePassphraseThenTheySync() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        try (Services manager = laptop("manager", Role.MANAGER); Services member = laptop("member", Role.PRACTITIONER)) {
            manager.cases().open(Fixtures.openRequest(manager, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T08:00"));
            // before set-up, sync says who does what
            assertThatThrownBy(() -> manager.sync().syncWith(shared)).isInstanceOf(SyncException.class)
                    .hasMessageContaining("No team key has been set up for the shared file")
                    .hasMessageContaining("resolve sync setup-key --shared " + shared);
            assertThat(manager.sync().status().state()).isEqualTo(SyncService.State.NOT_SET_UP);
            assertThatThrownBy(() -> member.sync().setUpTeamKey(shared, PASSPHRASE.toCharArray()))
                    .isInstanceOf(AccessDenied.class);

            String id = manager.sync().setUpTeamKey(shared, PASSPHRASE.toCharArray());
            Path keyFile = dir.resolve("drive/team.key.json");
            String sidecar = Files.readString(keyFile);
            assertThat(sidecar).contains("\"format\" : \"resolve-team-key/1\"").contains("\"keyId\" : \"" + id + "\"")
                    .contains("\"algorithm\" : \"argon2id\"").doesNotContain(PASSPHRASE);
            String keyHex = manager.settings().get("sync.teamkey." + id).orElseThrow();
            assertThat(sidecar).doesNotContainIgnoringCase(keyHex);
            Plaintext.assertAbsent(keyFile, PASSPHRASE, "REF-CROYDON", "closed without an assessment");
            assertThat(manager.sync().settings().sharedFile()).isEqualTo(shared);
            assertThatThrownBy(() -> manager.sync().setUpTeamKey(shared, PASSPHRASE.toCharArray()))
                    .hasMessageContaining("already has a team key (key " + id).hasMessageContaining("Nothing was changed");

            manager.sync().syncWith(shared);
            assertThat(Database.isEncrypted(shared)).isTrue();
            Plaintext.assertAbsent(shared, "REF-CROYDON", "closed without an assessment", "Three absences");

            // a member without the key is told to join
            member.sync().saveSettings(new SyncService.Settings(shared, false, false, 0));
            assertThatThrownBy(() -> member.sync().syncNow()).hasMessageContaining("does not hold the team key")
                    .hasMessageContaining("resolve sync join --shared " + shared);
            assertThat(member.sync().status().state()).isEqualTo(SyncService.State.NEEDS_KEY);
            assertThat(member.sync().teamKeyId(shared)).isEmpty();

            assertThat(member.sync().joinTeam(shared, PASSPHRASE.toCharArray())).isEqualTo(id);
            assertThat(member.sync().teamKeyId(shared)).contains(id);
            assertThat(member.sync().syncNow().pulled()).isEqualTo(1);
            assertThat(member.entries().count()).isEqualTo(1);
            assertThat(new AuditStore(member.database()).all()).extracting(e -> e.action())
                    .contains(AuditAction.TEAM_JOINED.code());
        }
    }

    @Test
    void aWrongPassphraseJoinsNothingAndChangesNothing() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        try (Services manager = laptop("manager", Role.MANAGER); Services member = laptop("member", Role.MANAGER)) {
            manager.cases().open(Fixtures.openRequest(manager, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T08:00"));
            manager.sync().setUpTeamKey(shared, PASSPHRASE.toCharArray());
            manager.sync().syncWith(shared);
            byte[] sharedBefore = Files.readAllBytes(shared);
            byte[] keyFileBefore = Files.readAllBytes(dir.resolve("drive/team.key.json"));

            assertThatThrownBy(() -> member.sync().joinTeam(shared, "otter lantern gravel eight".toCharArray()))
                    .isInstanceOf(SyncException.class)
                    .hasMessage("That passphrase does not open the team key of the shared file " + shared + "."
                            + " Nothing was changed. Check the passphrase with your manager (capital letters and"
                            + " spaces count) and try again.");
            assertThat(member.sync().settings().sharedFile()).isNull();
            assertThat(member.sync().teamKeyId(shared)).isEmpty();
            assertThat(member.entries().count()).isZero();
            assertThat(Files.readAllBytes(shared)).isEqualTo(sharedBefore);
            assertThat(Files.readAllBytes(dir.resolve("drive/team.key.json"))).isEqualTo(keyFileBefore);
            assertThat(new AuditStore(member.database()).all()).extracting(e -> e.action())
                    .contains(AuditAction.TEAM_JOIN_FAILED.code());
        }
    }

    @Test
    void aDamagedOrMissingKeyFileIsReportedWithWhatToDo() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        try (Services manager = laptop("manager", Role.MANAGER)) {
            manager.cases().open(Fixtures.openRequest(manager, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-21T08:00"));
            manager.sync().setUpTeamKey(shared, PASSPHRASE.toCharArray());
            manager.sync().syncWith(shared);
            Path keyFile = dir.resolve("drive/team.key.json");
            Files.move(keyFile, dir.resolve("aside.json"));
            assertThatThrownBy(() -> manager.sync().syncWith(shared))
                    .hasMessageContaining("There is no team key file (" + keyFile + ") beside the shared file")
                    .hasMessageContaining("ask your manager to put it back from the drive's backup");
            Files.writeString(keyFile, "{\"format\":\"resolve-team-key/1\",\"kdf\":{\"algorithm\":\"argon2id\","
                    + "\"memoryKiB\":99999999,\"iterations\":2,\"parallelism\":1,\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}}");
            assertThatThrownBy(() -> manager.sync().syncWith(shared))
                    .hasMessageContaining("The team's key file " + keyFile + " is damaged");
        }
    }
}
