/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.escalation.ResolveRequest;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

class SyncEngineIT {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");

    @RegisterExtension
    final Laptops laptops = new Laptops(() -> dir, clock);

    private Path shared;

    @BeforeEach
    void setUp() throws IOException {
        shared = Files.createDirectories(dir.resolve("drive/team")).resolve("resolve-shared.mv.db");
    }

    private void discuss(Services s, UUID c, String summary) {
        Laptops.discuss(s, c, summary, clock.instant());
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void threeLaptopsSyncingInDifferentOrdersEndWithTheSameEntriesAndTheSameCases() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        Services c = laptops.laptop("c");
        SyncEngine sa = Laptops.engine(a, Laptops.fast());
        SyncEngine sb = Laptops.engine(b, Laptops.fast());
        SyncEngine sc = Laptops.engine(c, Laptops.fast());

        UUID caseA = laptops.openCase(a, "A-1");
        discuss(a, caseA, "First call");
        UUID caseB = laptops.openCase(b, "B-1");
        UUID caseC = laptops.openCase(c, "C-1");
        clock.advance(Duration.ofHours(2));

        sc.sync(shared, Laptops.KEY);
        sa.sync(shared, Laptops.KEY);
        sb.sync(shared, Laptops.KEY);

        // b now holds a's case and acts on it; c acts on b's case before it has seen a's
        b.cases().escalate(caseA, "Not resolved at stage 1", null, clock.instant());
        discuss(c, caseC, "Manager spoke to the team");
        clock.advance(Duration.ofHours(1));
        sb.sync(shared, Laptops.KEY);
        sc.sync(shared, Laptops.KEY);
        c.cases().resolve(caseB, new ResolveRequest("Assessment agreed", null, null, clock.instant()));
        sa.sync(shared, Laptops.KEY);
        sc.sync(shared, Laptops.KEY);
        sb.sync(shared, Laptops.KEY);
        sa.sync(shared, Laptops.KEY);

        Set<UUID> idsA = Laptops.ids(a);
        assertThat(idsA).hasSize(7);
        assertThat(Laptops.ids(b)).isEqualTo(idsA);
        assertThat(Laptops.ids(c)).isEqualTo(idsA);
        assertThat(Laptops.sharedIds(shared, dir)).hasSize(7).containsExactlyInAnyOrderElementsOf(idsA);

        var states = Laptops.states(a);
        assertThat(states).hasSize(3);
        assertThat(Laptops.states(b)).isEqualTo(states);
        assertThat(Laptops.states(c)).isEqualTo(states);
        assertThat(states.get(caseA).stage()).isEqualTo(2);
        assertThat(states.get(caseB).status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(states.get(caseC).chronology()).hasSize(2);
    }

    @Test
    void aSyncWithNothingNewCopiesNothingAndOnlyWhatTheOtherSideLacksMoves() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        List<SyncStep> stepsA = new ArrayList<>();
        SyncEngine sa = Laptops.engine(a, Laptops.fast().withHook(stepsA::add));
        SyncEngine sb = Laptops.engine(b, Laptops.fast());
        UUID c1 = laptops.openCase(a, "A-1");
        discuss(a, c1, "One");

        SyncReport first = sa.sync(shared, Laptops.KEY);
        assertThat(first.pushed()).isEqualTo(2);
        assertThat(sa.pending(shared)).isZero();

        stepsA.clear();
        SyncReport idle = sa.sync(shared, Laptops.KEY);
        assertThat(idle.nothingNew()).isTrue();
        assertThat(stepsA).isEmpty();
        assertThat(Files.exists(shared.resolveSibling("resolve-shared.sync-lease"))).isFalse();

        SyncReport pull = sb.sync(shared, Laptops.KEY);
        assertThat(pull.pulled()).isEqualTo(2);
        assertThat(pull.pushed()).isZero();

        discuss(b, c1, "Two");
        discuss(b, c1, "Three");
        assertThat(sb.pending(shared)).isEqualTo(2);
        SyncReport push = sb.sync(shared, Laptops.KEY);
        assertThat(push.pushed()).isEqualTo(2);
        assertThat(push.pulled()).isZero();
        assertThat(push.sharedEntries()).isEqualTo(4);

        SyncReport back = sa.sync(shared, Laptops.KEY);
        assertThat(back.pulled()).isEqualTo(2);
        assertThat(back.pushed()).isZero();
        assertThat(sa.sync(shared, Laptops.KEY).nothingNew()).isTrue();
        assertThat(sb.sync(shared, Laptops.KEY).nothingNew()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = SyncStep.class, names = {"LEASED", "COPIED", "PULLED", "MERGED", "VERIFIED", "WRITTEN",
            "REPLACED"})
    void theSharedFolderVanishingAtAnyStepGivesAClearMessageAndDamagesNothing(SyncStep when) throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        laptops.openCase(b, "B-1");
        Laptops.engine(b, Laptops.fast()).sync(shared, Laptops.KEY);
        Set<UUID> sharedBefore = Laptops.sharedIdSet(shared, dir);
        laptops.openCase(a, "A-1");
        Set<UUID> localBefore = Laptops.ids(a);

        Path folder = shared.getParent();
        Path away = folder.resolveSibling("team-unplugged");
        SyncEngine sa = Laptops.engine(a, Laptops.fast().withHook(step -> {
            if (step == when && Files.exists(folder)) {
                Files.move(folder, away);
            }
        }));
        assertThatThrownBy(() -> sa.sync(shared, Laptops.KEY))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("cannot be reached")
                .hasMessageContaining("your work is safe on this computer and will sync next time")
                .satisfies(e -> assertThat(((SyncException) e).kind()).isEqualTo(SyncException.Kind.UNREACHABLE));

        Files.move(away, folder);
        Set<UUID> sharedNow = Laptops.sharedIdSet(shared, dir);
        Set<UUID> after = new HashSet<>(sharedBefore);
        after.addAll(localBefore);
        assertThat(sharedNow).satisfiesAnyOf(s -> assertThat(s).isEqualTo(sharedBefore),
                s -> assertThat(s).isEqualTo(after));
        assertThat(Laptops.ids(a)).containsAll(localBefore);

        SyncReport next = Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        assertThat(next.nothingNew()).isFalse();
        assertThat(Laptops.sharedIdSet(shared, dir)).isEqualTo(after);
        assertThat(Laptops.ids(a)).isEqualTo(after);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("resolve-shared.mv.db");
        }
    }

    @Test
    void anUnreachableDriveIsReportedBeforeAnythingIsTouched() {
        Services a = laptops.laptop("a");
        laptops.openCase(a, "A-1");
        Path missing = dir.resolve("no-such-drive/team/resolve-shared.mv.db");
        assertThatThrownBy(() -> Laptops.engine(a, Laptops.fast()).sync(missing, Laptops.KEY))
                .hasMessage("The shared file at " + missing + " cannot be reached (is the network drive connected?);"
                        + " your work is safe on this computer and will sync next time.");
        assertThat(Files.exists(missing.getParent())).isFalse();
    }

    @Test
    void aSharedFileReplacedByAnotherComputerDuringTheSyncCostsARetryNotAnEntry() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        laptops.openCase(b, "B-1");
        SyncEngine sb = Laptops.engine(b, Laptops.fast());
        sb.sync(shared, Laptops.KEY);
        Path snapshot = dir.resolve("snapshot.mv.db");
        Files.copy(shared, snapshot);
        laptops.openCase(a, "A-1");

        // as if a computer whose lease had been broken wrote an older version straight after ours
        boolean[] done = {false};
        SyncEngine sa = Laptops.engine(a, Laptops.fast().withHook(step -> {
            if (step == SyncStep.REPLACED && !done[0]) {
                done[0] = true;
                Path other = shared.resolveSibling("other.tmp");
                Files.copy(snapshot, other);
                Files.move(other, shared, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }));
        SyncReport r = sa.sync(shared, Laptops.KEY);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(Laptops.sharedIdSet(shared, dir)).isEqualTo(Laptops.ids(a)).hasSize(2);
    }

    @Test
    void aSharedFileChangedBetweenCopyAndReplaceIsNotOverwritten() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        laptops.openCase(b, "B-1");
        Laptops.engine(b, Laptops.fast()).sync(shared, Laptops.KEY);
        laptops.openCase(a, "A-1");
        Services c = laptops.laptop("c");
        laptops.openCase(c, "C-1");

        // a's lease is judged stale and broken (as if a had slept); a third computer syncs meanwhile
        boolean[] done = {false};
        SyncEngine sa = Laptops.engine(a, Laptops.fast().withHook(step -> {
            if (step == SyncStep.WRITTEN && !done[0]) {
                done[0] = true;
                Files.delete(shared.resolveSibling("resolve-shared.sync-lease"));
                Laptops.engine(c, Laptops.fast()).sync(shared, Laptops.KEY);
            }
        }));
        SyncReport r = sa.sync(shared, Laptops.KEY);
        assertThat(r.attempts()).isEqualTo(2);
        Set<UUID> all = new HashSet<>(Laptops.ids(a));
        all.addAll(Laptops.ids(c));
        assertThat(all).hasSize(3);
        assertThat(Laptops.sharedIdSet(shared, dir)).isEqualTo(all);
    }

    @Test
    void aSharedFileThatChangedSinceItWasCopiedIsNotReplaced() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        laptops.openCase(b, "B-1");
        Laptops.engine(b, Laptops.fast()).sync(shared, Laptops.KEY);
        laptops.openCase(a, "A-1");
        boolean[] done = {false};
        SyncEngine sa = Laptops.engine(a, Laptops.fast().withHook(step -> {
            if (step == SyncStep.WRITTEN && !done[0]) {
                done[0] = true;
                Path other = shared.resolveSibling("other.tmp");
                Files.copy(shared, other);
                Files.move(other, shared, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }));
        assertThat(sa.sync(shared, Laptops.KEY).attempts()).isEqualTo(2);
        assertThat(Laptops.sharedIdSet(shared, dir)).isEqualTo(Laptops.ids(a)).hasSize(2);
    }

    @Test
    void aLeaseLeftByAComputerThatStoppedExpiresAndALiveOneIsWaitedFor() throws Exception {
        Services a = laptops.laptop("a");
        laptops.openCase(a, "A-1");
        Path lease = shared.resolveSibling("resolve-shared.sync-lease");
        Instant now = clock.instant();

        Files.writeString(lease, "holder=x\ndevice=d\nhost=OTHER-PC\npid=99\nexpires=" + now.plusSeconds(30) + "\n");
        SyncEngine impatient = Laptops.engine(a, Laptops.fast().withLease(Duration.ofSeconds(5), Duration.ofMillis(300)));
        assertThatThrownBy(() -> impatient.sync(shared, Laptops.KEY))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("being synced by OTHER-PC")
                .hasMessageContaining("Your work is safe on this computer");
        assertThat(Files.readString(lease)).contains("holder=x");
        assertThat(Files.exists(shared)).isFalse();

        clock.advance(Duration.ofMinutes(1));
        SyncReport r = impatient.sync(shared, Laptops.KEY);
        assertThat(r.pushed()).isEqualTo(1);
        assertThat(Files.exists(lease)).isFalse();
    }

    @Test
    void aLeaseOfAProcessOnThisComputerThatHasEndedIsBrokenAtOnce() throws Exception {
        Services a = laptops.laptop("a");
        laptops.openCase(a, "A-1");
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version").start();
        p.waitFor();
        Path lease = shared.resolveSibling("resolve-shared.sync-lease");
        Files.writeString(lease, "holder=x\ndevice=d\nhost=" + Lease.hostName() + "\npid=" + p.pid() + "\nexpires="
                + clock.instant().plusSeconds(600) + "\n");
        SyncReport r = Laptops.engine(a, Laptops.fast().withLease(Duration.ofSeconds(5), Duration.ofMillis(300)))
                .sync(shared, Laptops.KEY);
        assertThat(r.pushed()).isEqualTo(1);
    }

    @Test
    void aReplacementStoppedBetweenItsTwoRenamesIsPutBackByTheNextSync() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        laptops.openCase(b, "B-1");
        Laptops.engine(b, Laptops.fast()).sync(shared, Laptops.KEY);
        Set<UUID> before = Laptops.sharedIdSet(shared, dir);
        // what a drive without atomic rename leaves when the sync stops between its two renames
        Files.move(shared, shared.resolveSibling("resolve-shared.mv.db.sync-dead.old"));
        Files.writeString(shared.resolveSibling("resolve-shared.mv.db.sync-dead.tmp"), "half");
        laptops.openCase(a, "A-1");

        SyncReport r = Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        assertThat(r.pulled()).isEqualTo(1);
        Set<UUID> all = new HashSet<>(before);
        all.addAll(Laptops.ids(a));
        assertThat(Laptops.sharedIdSet(shared, dir)).isEqualTo(all).hasSize(2);
        try (var files = Files.list(shared.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("resolve-shared.mv.db");
        }
    }

    @Test
    void aDamagedSharedFileIsLeftAsItIsAndNothingHereChanges() throws Exception {
        Services a = laptops.laptop("a");
        laptops.openCase(a, "A-1");
        byte[] junk = "this is not a database".repeat(500).getBytes(StandardCharsets.UTF_8);
        Files.write(shared, junk);
        Set<UUID> before = Laptops.ids(a);
        assertThatThrownBy(() -> Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("is damaged or is not a Resolve database, so it was left exactly as it is");
        assertThat(Files.readAllBytes(shared)).isEqualTo(junk);
        assertThat(Laptops.ids(a)).isEqualTo(before);
    }

    @Test
    void anEntryAlteredInTheSharedFileIsSetAsideAndEverythingElseIsSynced() throws Exception {
        Services b = laptops.laptop("b");
        UUID c = laptops.openCase(b, "B-1");
        UUID other = laptops.openCase(b, "B-2");
        Laptops.engine(b, Laptops.fast()).sync(shared, Laptops.KEY);
        laptops.close(b);
        // someone edits the shared file with a database tool
        try (var db = uk.resolve.store.Database.open(shared, Laptops.KEY.bytes()); var con = db.connection();
             var st = con.prepareStatement("UPDATE entry SET data = REPLACE(data, 'closed', 'opened') WHERE id = ?")) {
            st.setObject(1, c);
            assertThat(st.executeUpdate()).isOne();
        }
        Services a = laptops.laptop("a");
        SyncEngine engine = Laptops.engine(a, Laptops.fast());
        SyncReport r = engine.sync(shared, Laptops.KEY);
        assertThat(r.pulled()).isOne();
        assertThat(TestAccess.entries(a).caseEntries(c)).isEmpty();
        assertThat(TestAccess.entries(a).caseEntries(other)).hasSize(1);
        assertThat(engine.quarantine().reported()).singleElement().satisfies(q -> {
            assertThat(q.entryId()).isEqualTo(c);
            assertThat(q.direction()).isEqualTo(uk.resolve.domain.record.Quarantined.INCOMING);
            assertThat(q.author()).isEqualTo("b");
            assertThat(q.caseId()).isEqualTo(c);
            assertThat(q.reason()).contains("does not match its hash");
        });
    }

    @Test
    void theFirstSyncCreatesTheSharedFileAsAnOrdinaryResolveDatabaseEncryptedWithTheTeamKey() throws Exception {
        Services a = laptops.laptop("a");
        UUID c = laptops.openCase(a, "A-1");
        Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        Path copy = dir.resolve("copy.mv.db");
        Files.copy(shared, copy);
        assertThat(uk.resolve.store.Database.isEncrypted(copy)).isTrue();
        try (Services s = Fixtures.services(Files.createDirectories(dir.resolve("viewer")), clock)) {
            // a normal Resolve database: open it with the same migrations and read the case
            try (Services viewer = TestAccess.open(uk.resolve.store.Database.open(copy, Laptops.KEY.bytes()), clock,
                    uk.resolve.testing.Fixtures.actor("viewer"))) {
                CaseState state = viewer.cases().get(c);
                assertThat(state).isEqualTo(a.cases().get(c));
            }
        }
    }
}
