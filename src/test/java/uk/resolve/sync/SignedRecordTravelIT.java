/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.domain.record.Checkpoint;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryHasher;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.KeyDirectory;
import uk.resolve.domain.record.Quarantined;
import uk.resolve.security.PersonKeys;
import uk.resolve.store.QuarantineStore;
import uk.resolve.testing.MutableClock;

/**
 * Signatures and checkpoints go wherever entries go: segments (the default sync) and export files.
 * A forged entry is set aside while the rest arrives; a record or audit log cut back on one laptop,
 * checkpoints and all, is reported once it syncs by segments again.
 */
class SignedRecordTravelIT {

    private static final char[] PASSPHRASE = "export passphrase for the test".toCharArray();

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");

    @RegisterExtension
    final Laptops laptops = new Laptops(() -> dir, clock);

    private static SyncReport sync(Services s, Path shared) {
        return Laptops.engine(s, Laptops.segments()).sync(shared, Laptops.KEY);
    }

    private static Entry forgedBy(PersonKeys attacker, Entry e) {
        TreeMap<String, String> data = new TreeMap<>(e.data());
        data.put("concern", "Nothing to worry about");
        String hash = EntryHasher.hash(new Entry(e.id(), e.caseId(), e.type(), e.author(), e.device(), e.deviceSeq(),
                e.writtenAt(), e.happenedAt(), data, e.prevHash(), ""));
        return new Entry(e.id(), e.caseId(), e.type(), e.author(), e.device(), e.deviceSeq(), e.writtenAt(),
                e.happenedAt(), data, e.prevHash(), hash, attacker.signHash(hash));
    }

    @Test
    void anEntryBackdatedBeforeItsAuthorsRemovalIsSetAsideByLaptopsThatKnewOfTheRemoval() throws Exception {
        Path shared = laptops.sharedFile("resolve-shared.mv.db");
        Services a = laptops.laptop("a");
        Services w = laptops.laptop("w");
        Services c = laptops.laptop("c");
        PersonKeys admin = PersonKeys.generate("a");
        TestAccess.entries(a).signWith(admin);
        laptops.registration(a, "a", "a", admin, KeyDirectory.Reason.FIRST_ADMINISTRATOR, "administrator");
        PersonKeys worker = PersonKeys.generate("w");
        laptops.registration(a, "a", "w", worker, KeyDirectory.Reason.ADDED, "practitioner");
        TestAccess.entries(w).signWith(worker);
        sync(a, shared);
        sync(w, shared);
        UUID genuine = laptops.openCase(w, "W-1");
        sync(w, shared);
        java.time.Instant beforeRemoval = clock.instant();
        clock.advance(Duration.ofHours(2));
        laptops.registration(a, "a", "w", null, KeyDirectory.Reason.REMOVED, null);
        sync(a, shared);
        sync(c, shared);
        assertThat(TestAccess.entries(c).entry(genuine)).isPresent();

        // the removed worker, with the keys of their old key file, writes an entry dated before their removal
        clock.advance(Duration.ofDays(1));
        java.time.Instant now = clock.instant();
        clock.set("2026-12-21T09:30");
        assertThat(clock.instant()).isAfter(beforeRemoval.minusSeconds(3600)).isBefore(beforeRemoval.plusSeconds(7200));
        UUID backdated = laptops.openCase(w, "W-2");
        clock.advance(Duration.between(clock.instant(), now));
        sync(w, shared);

        SyncReport rc = sync(c, shared);
        assertThat(TestAccess.entries(c).entry(backdated)).isEmpty();
        assertThat(new QuarantineStore(TestAccess.database(c)).list()).singleElement().satisfies(q -> {
            assertThat(q.entryId()).isEqualTo(backdated);
            assertThat(q.author()).isEqualTo("w");
            assertThat(q.reason()).contains("dated before their removal", "arrived after this computer knew of the"
                    + " removal");
        });
        sync(a, shared);
        assertThat(TestAccess.entries(a).entry(backdated)).isEmpty();
        assertThat(c.integrity().verify().intact()).isTrue();
        assertThat(rc.pulled()).isZero();
    }

    @Test
    void anEntryEditedAndSignedWithAnotherPersonsKeyInASegmentIsSetAsideAndTheRestSyncs() throws Exception {
        Path shared = laptops.sharedFile("resolve-shared.mv.db");
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        Services c = laptops.laptop("c");
        laptops.keys(a, "a");
        PersonKeys attacker = laptops.keys(b, "b");
        sync(c, shared); // the shared file made: from now on each sync writes segments
        UUID caseOfA = laptops.openCase(a, "A-1");
        sync(a, shared);
        sync(b, shared);
        assertThat(TestAccess.entries(b).entry(caseOfA)).isPresent();
        // b's person, with their own keys and the team key, rewrites a's segment with a's opening changed
        SharedFile file = new SharedFile(shared);
        Path segOfA = file.listSegments().entrySet().stream().filter(en -> en.getKey().startsWith(TestAccess.entries(a).device()))
                .findFirst().orElseThrow().getValue();
        List<Entry> original = Segment.read(segOfA, Laptops.KEY);
        List<Entry> tampered = original.stream().map(e -> e.id().equals(caseOfA) ? forgedBy(attacker, e) : e).toList();
        Files.delete(segOfA);
        Segment.write(file.segments(), Segment.Name.next(TestAccess.entries(a).device(), 99), tampered, Laptops.KEY);
        UUID caseOfB = laptops.openCase(b, "B-1");
        sync(b, shared);

        SyncReport r = sync(c, shared);
        assertThat(Laptops.ids(c)).contains(caseOfB).doesNotContain(caseOfA);
        assertThat(new QuarantineStore(TestAccess.database(c)).list()).singleElement().satisfies(q -> {
            assertThat(q.entryId()).isEqualTo(caseOfA);
            assertThat(q.direction()).isEqualTo(Quarantined.INCOMING);
            assertThat(q.author()).isEqualTo("a");
            // whether b's registration was read before or after: the entry is not a's
            assertThat(q.reason()).startsWith("entry #2 of device " + TestAccess.entries(a).device() + " fails its signature"
                    + " check: it").containsAnyOf("it is signed by b, not by its author a",
                    "its signature is not its author's (a)");
        });
        assertThat(r.pulled()).isPositive();
        // and the team goes on: c's own work reaches b
        UUID caseOfC = laptops.openCase(c, "C-1");
        laptops.keys(c, "c");
        sync(c, shared);
        sync(b, shared);
        assertThat(Laptops.ids(b)).contains(caseOfC);
    }

    @Test
    void aRecordCutBackOnALaptopCheckpointsAndAllIsReportedAfterTheNextSegmentSync() throws Exception {
        Path shared = laptops.sharedFile("resolve-shared.mv.db");
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        UUID first = laptops.openCase(a, "A-1");
        Laptops.discuss(a, first, "Second entry", clock.instant());
        clock.advance(Duration.ofMinutes(1));
        sync(a, shared);
        sync(b, shared);
        String device = TestAccess.entries(a).device();
        assertThat(b.integrity().verify().intact()).isTrue();

        // on a: the newest entry deleted, the chain's head and every checkpoint made to agree
        Laptops.sql(a, "DELETE FROM entry WHERE device = '" + device + "' AND device_seq = 2");
        Laptops.sql(a, "UPDATE device_head SET device_seq = 1, hash = (SELECT hash FROM entry WHERE device = '" + device
                + "' AND device_seq = 1) WHERE device = '" + device + "'");
        Laptops.sql(a, "DELETE FROM checkpoint");
        assertThat(a.integrity().verify().intact()).as("nothing left here to tell").isTrue();
        Laptops.sql(a, "DELETE FROM checkpoint");

        laptops.openCase(b, "B-1");
        sync(b, shared); // b's segment carries b's checkpoints, a's chain at #2 among them
        sync(a, shared);
        var result = a.integrity().verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.record().breaks()).anySatisfy(f -> assertThat(f.message())
                .contains("the chain of device " + device + " ends at #1").contains("saw it reach #2")
                .contains("by a on case " + first));
    }

    @Test
    void theNewestAuditEventsRemovedWithTheirCheckpointAreReportedAfterTheNextSegmentSync() throws Exception {
        Path shared = laptops.sharedFile("resolve-shared.mv.db");
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        laptops.openCase(a, "A-1");
        a.audit().record(uk.resolve.domain.audit.AuditAction.REPORT, "r", "");
        a.audit().record(uk.resolve.domain.audit.AuditAction.REPORT, "r", "");
        sync(a, shared);
        sync(b, shared);
        Laptops.sql(a, "DELETE FROM audit_event WHERE seq > (SELECT MAX(seq) - 2 FROM audit_event)");
        Laptops.sql(a, "DELETE FROM checkpoint");
        assertThat(a.integrity().verify().intact()).isTrue();
        Laptops.sql(a, "DELETE FROM checkpoint");

        laptops.openCase(b, "B-1");
        sync(b, shared);
        sync(a, shared);
        var result = a.integrity().verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.auditBreaks()).anySatisfy(m -> assertThat(m).contains("The audit log ends at event")
                .contains("removed"));
    }

    @Test
    void anExportCarriesSignaturesKeysAndCheckpointsAndTheImportChecksThem() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        laptops.keys(a, "a");
        UUID id = laptops.openCase(a, "A-1");
        Path file = dir.resolve("out").resolve("a.resolve");
        a.sync().export(file, List.of(id), PASSPHRASE, n -> { });

        ExportFile.Contents contents = ExportFile.read(file, PASSPHRASE, n -> { });
        assertThat(contents.entries()).extracting(Entry::type).contains(EntryType.PERSON_KEYS, EntryType.CASE_OPENED);
        assertThat(contents.entries()).allMatch(Entry::signed);
        assertThat(contents.checkpoints().record()).extracting(Checkpoint::device, Checkpoint::seq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TestAccess.entries(a).device(), 2L));
        assertThat(contents.checkpoints().audit()).extracting(Checkpoint::device).contains(TestAccess.entries(a).device());

        b.sync().importFile(file, PASSPHRASE, n -> { });
        assertThat(TestAccess.entries(b).entry(id)).isPresent();
        assertThat(b.integrity().verify().intact()).isTrue();
        assertThat(b.integrity().verify().record().findings()).noneMatch(f -> f.isBreak());
        // the importer holds the exporter's audit checkpoint: b could not have seen a's audit log otherwise
        assertThat(new uk.resolve.store.CheckpointStore(TestAccess.database(b), TestAccess.entries(b).device()).held("test",
                clock.instant()).audit()).extracting(Checkpoint::device).contains(TestAccess.entries(a).device());

        // an export whose opening entry was changed and signed by someone else: set aside, the rest imported
        Services c = laptops.laptop("c");
        PersonKeys attacker = PersonKeys.generate("b");
        List<Entry> forged = contents.entries().stream().map(e -> e.id().equals(id) ? forgedBy(attacker, e) : e)
                .toList();
        Path bad = dir.resolve("out").resolve("forged.resolve");
        ExportFile.write(bad, contents.manifest(), forged, PASSPHRASE, n -> { });
        Transfer.Imported imported = c.sync().importFile(bad, PASSPHRASE, n -> { });
        assertThat(imported.setAside()).isOne();
        assertThat(new QuarantineStore(TestAccess.database(c)).list()).singleElement().satisfies(q -> assertThat(q.reason())
                .contains("fails its signature check").contains("its signature is not its author's (a)")
                .doesNotContain("Nothing to worry about"));
    }
}
