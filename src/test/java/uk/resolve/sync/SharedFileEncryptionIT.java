/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.store.Database;
import uk.resolve.testing.MutableClock;
import uk.resolve.testing.Plaintext;

/** The shared file and every copy of it made during a sync are encrypted with the team key. */
class SharedFileEncryptionIT {

    private static final String REF = "ZEBRA-REF-4711";
    /** What {@link Laptops#openCase} writes: the child's name, the reference and the concern. */
    private static final String[] SECRETS = {REF, "Child Name " + REF, "The referral was closed without an assessment",
        "Three absences and a disclosure", "Spoke to the QUOKKA duty manager"};

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");

    @RegisterExtension
    final Laptops laptops = new Laptops(() -> dir, clock);

    private Path shared;

    @BeforeEach
    void setUp() throws IOException {
        shared = laptops.sharedFile("team.mv.db");
    }

    private UUID record(Services s) {
        UUID c = Laptops.openCase(s, REF, clock.instant());
        clock.advance(Duration.ofMinutes(1));
        Laptops.discuss(s, c, "Spoke to the QUOKKA duty manager", clock.instant());
        return c;
    }

    @Test
    void theSharedFileTheNewVersionOnTheDriveAndTheLocalWorkingCopyHoldNoPlainText() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        record(a);
        // the search finds the words where they are in plain text: the unencrypted test laptop's own file
        assertThat(Plaintext.found(Files.readAllBytes(TestAccess.database(a).file()), SECRETS)).isNotEmpty();

        List<Path> seen = new ArrayList<>();
        Path work = dir.resolve("a/resolve.mv.db.sync-work");
        Path kept = Files.createDirectories(dir.resolve("kept"));
        SyncEngine sa = Laptops.engine(a, Laptops.fast().withHook(step -> {
            // keep what a sync stopped at this step would leave behind, here and on the drive
            if (step == SyncStep.VERIFIED || step == SyncStep.WRITTEN) {
                for (Path folder : List.of(work, shared.getParent())) {
                    try (Stream<Path> files = Files.walk(folder)) {
                        for (Path f : files.filter(Files::isRegularFile).toList()) {
                            Path copy = kept.resolve(step + "-" + seen.size() + "-" + f.getFileName());
                            Files.copy(f, copy);
                            seen.add(copy);
                        }
                    }
                }
            }
        }));
        sa.sync(shared, Laptops.KEY);
        assertThat(seen).anyMatch(p -> p.getFileName().toString().endsWith("shared.mv.db"))
                .anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        for (Path p : seen) {
            Plaintext.assertAbsent(p, SECRETS);
        }
        assertThat(Database.isEncrypted(shared)).isTrue();
        Plaintext.assertAbsent(shared, SECRETS);

        Laptops.engine(b, Laptops.fast()).sync(shared, Laptops.KEY);
        assertThat(Laptops.ids(b)).isEqualTo(Laptops.ids(a));
        assertThat(Laptops.states(b)).isEqualTo(Laptops.states(a));
        Plaintext.assertAbsent(shared, SECRETS);
    }

    @Test
    void aSharedFileFromBeforeEncryptionIsEncryptedByTheFirstSyncWithTheKeyAndLosesNothing() throws Exception {
        Services old = laptops.laptop("old");
        record(old);
        Set<UUID> oldIds = Laptops.ids(old);
        laptops.close(old);
        // an earlier version's shared file: an ordinary, unencrypted Resolve database
        Files.copy(dir.resolve("old/resolve.mv.db"), shared);
        assertThat(Database.isEncrypted(shared)).isFalse();

        Services a = laptops.laptop("a");
        Laptops.openCase(a, "A-1", clock.instant());
        SyncReport r = Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        assertThat(r.encryptedNow()).isTrue();
        assertThat(r.pulled()).isEqualTo(oldIds.size());
        assertThat(r.summary()).endsWith("The shared file was not encrypted (made by an earlier version of Resolve):"
                + " it is now encrypted with the team key.");
        assertThat(Database.isEncrypted(shared)).isTrue();
        Plaintext.assertAbsent(shared, SECRETS);
        assertThat(Laptops.sharedIdSet(shared, dir)).containsAll(oldIds).containsAll(Laptops.ids(a));
        assertThat(Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY).nothingNew()).isTrue();
    }

    @Test
    void anAlreadySyncedSharedFileFromBeforeEncryptionIsEncryptedEvenWithNothingNew() throws Exception {
        Services a = laptops.laptop("a");
        record(a);
        Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        // the shared file put back as a plain copy holding the same entries (as an earlier version left it)
        Path plain = dir.resolve("plain.mv.db");
        try (Database db = Database.open(plain)) {
            new uk.resolve.store.EntryStore(db, "x").addMissing(TestAccess.entries(a).all());
        }
        Files.copy(plain, shared, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        SyncReport r = Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        assertThat(r.nothingNew()).isFalse();
        assertThat(r.encryptedNow()).isTrue();
        assertThat(Database.isEncrypted(shared)).isTrue();
    }

    @Test
    void anotherKeyOpensNothingAndChangesNothing() throws Exception {
        Services a = laptops.laptop("a");
        record(a);
        Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        byte[] before = Files.readAllBytes(shared);

        Services b = laptops.laptop("b");
        Laptops.openCase(b, "B-1", clock.instant());
        Set<UUID> bBefore = Laptops.ids(b);
        assertThatThrownBy(() -> Laptops.engine(b, Laptops.fast()).sync(shared, TeamKey.generate()))
                .isInstanceOf(SyncException.class)
                .satisfies(e -> assertThat(((SyncException) e).kind()).isEqualTo(SyncException.Kind.NEEDS_KEY))
                .hasMessageContaining("cannot be opened with the team key this computer holds")
                .hasMessageContaining("Join the team again with the current passphrase");
        assertThat(Files.readAllBytes(shared)).isEqualTo(before);
        assertThat(Laptops.ids(b)).isEqualTo(bBefore);
    }
}
