/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.record.Quarantined;
import uk.resolve.security.Keyring;
import uk.resolve.store.Database;
import uk.resolve.store.EntryStore;
import uk.resolve.store.QuarantineStore;

/**
 * An administrator sees, releases, discards and clears the quarantine by entry id; no one else may;
 * each is in the audit log; bad input is refused with a message and changes nothing.
 */
class QuarantineCommandIT {

    @TempDir
    Path dir;
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        System.setProperty("resolve.now", "2026-11-25T12:00:00Z");
        cli = new CliRunner(dir.resolve("resolve.mv.db")).ready();
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("resolve.now");
    }

    @Test
    void anAdministratorListsAndClearsTheQuarantineAndOthersMayNot() throws Exception {
        UUID entry = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        byte[] key = Keyring.load(Keyring.fileFor(cli.db().toAbsolutePath())).slot("admin").orElseThrow().key()
                .unwrap(CliRunner.PASSWORD.toCharArray(), "resolve database key for admin");
        try (Database d = Database.open(cli.db(), key)) {
            new QuarantineStore(d).put(List.of(new Quarantined(entry, Quarantined.INCOMING, "dev-b", 7, "sam", caseId,
                    "discussion", "resolve-shared.mv.db", "entry #7 of device dev-b does not match its hash",
                    Instant.parse("2026-11-25T11:00:00Z"))));
        }
        CliRunner admin = cli.as("admin");
        CliRunner.Result list = admin.run("quarantine", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("set aside from resolve-shared.mv.db: entry " + entry)
                .contains("#7 of device dev-b, by sam, case " + caseId).contains("does not match its hash");

        CliRunner.Result refused = cli.run("quarantine", "clear");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(admin.run("quarantine", "list", "--json").out()).contains(entry.toString());

        CliRunner.Result clear = admin.run("quarantine", "clear");
        assertThat(clear.code()).as(clear.err()).isZero();
        assertThat(clear.out()).contains("Cleared 1 entry");
        assertThat(admin.run("quarantine", "list").out()).contains("The quarantine is empty");
        assertThat(admin.run("audit").out()).contains("Quarantine cleared");
    }

    @Test
    void anAdministratorReleasesAnEntryThatNowPassesAndDiscardsOneThatStillFailsByAUniqueStartOfItsId()
            throws Exception {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        UUID caseId = UUID.randomUUID();
        Entry passes = NewEntry.of(caseId, EntryType.DISCUSSION_RECORDED, "sam", at, at, Map.of("summary", "sealed"))
                .seal("dev-b", 1, "");
        Entry sound = NewEntry.of(caseId, EntryType.DISCUSSION_RECORDED, "sam", at, at, Map.of("summary", "other"))
                .seal("dev-c", 1, "");
        Entry altered = sound.withData(Map.of("summary", "changed"));
        try (Database d = Database.open(cli.db(), adminKey())) {
            new QuarantineStore(d).putAll(List.of(
                    new QuarantineStore.Item(new Quarantined(passes.id(), Quarantined.INCOMING, "dev-b", 1, "sam",
                            caseId, "discussion", "team.mv.db", "its author's keys were not yet known", at), passes),
                    new QuarantineStore.Item(new Quarantined(altered.id(), Quarantined.INCOMING, "dev-c", 1, "sam",
                            caseId, "discussion", "team.mv.db", "entry #1 of device dev-c does not match its hash",
                            at), altered)));
        }
        CliRunner admin = cli.as("admin");
        CliRunner.Result list = admin.run("quarantine", "list");
        assertThat(list.out().lines()).anySatisfy(l -> assertThat(l).startsWith(passes.id().toString()))
                .anySatisfy(l -> assertThat(l).startsWith(altered.id().toString()));

        CliRunner.Result stillFails = admin.run("quarantine", "release", altered.id().toString().substring(0, 8));
        assertThat(stillFails.code()).isEqualTo(1);
        assertThat(stillFails.err()).contains("still fails its checks", "does not match its hash");
        CliRunner.Result released = admin.run("quarantine", "release", passes.id().toString().substring(0, 8));
        assertThat(released.code()).as(released.err()).isZero();
        assertThat(released.out()).contains("taken into the record");
        CliRunner.Result discarded = admin.run("quarantine", "discard", altered.id().toString());
        assertThat(discarded.code()).as(discarded.err()).isZero();
        assertThat(discarded.out()).contains("Discarded entry " + altered.id());

        assertThat(admin.run("quarantine", "list").out()).contains("The quarantine is empty",
                "1 entry was discarded");
        assertThat(admin.run("audit").out()).contains("Entry released from quarantine",
                "Entry discarded from quarantine");
        try (Database d = Database.open(cli.db(), adminKey())) {
            assertThat(new EntryStore(d, "dev-a").entry(passes.id())).isPresent();
            assertThat(new EntryStore(d, "dev-a").entry(altered.id())).isEmpty();
        }
    }

    @Test
    void anUnknownIdAnAmbiguousStartSomeoneNotAnAdministratorAndAMissingDatabaseAreRefusedChangingNothing()
            throws Exception {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        try (Database d = Database.open(cli.db(), adminKey())) {
            for (String id : List.of("aaaa0000-0000-4000-8000-000000000001", "aaaa0000-0000-4000-8000-000000000002")) {
                new QuarantineStore(d).put(List.of(new Quarantined(UUID.fromString(id), Quarantined.INCOMING, "dev-b",
                        1, "sam", UUID.randomUUID(), "discussion", "team.mv.db", "does not match its hash", at)));
            }
        }
        CliRunner admin = cli.as("admin");
        assertRefused(admin.run("quarantine", "release", "aaaa"), "2 entries in quarantine have ids starting 'aaaa'");
        assertRefused(admin.run("quarantine", "discard", "bbbb"), "No entry in quarantine has an id starting 'bbbb'");
        assertRefused(admin.run("quarantine", "discard", "aaaa'; DROP"), "That is not an entry id");
        assertRefused(cli.run("quarantine", "discard", "aaaa0000-0000-4000-8000-000000000001"), "administrator");
        assertThat(admin.run("quarantine", "list").out().lines().filter(l -> l.startsWith("aaaa"))).hasSize(2);
        assertThat(admin.run("audit").out()).doesNotContain("discarded from quarantine");

        Files.delete(cli.db());
        assertRefused(admin.runRaw("quarantine", "discard", "aaaa0000"), "is missing");
        assertThat(cli.db()).doesNotExist();
    }

    private static void assertRefused(CliRunner.Result r, String... says) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("resolve: ").contains(says).doesNotContain("Exception");
    }

    private byte[] adminKey() throws Exception {
        return Keyring.load(Keyring.fileFor(cli.db().toAbsolutePath())).slot("admin").orElseThrow().key()
                .unwrap(CliRunner.PASSWORD.toCharArray(), "resolve database key for admin");
    }
}
