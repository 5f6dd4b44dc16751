/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.QuarantineService;
import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.domain.audit.AuditAction;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.KeyDirectory;
import uk.resolve.domain.record.Quarantined;
import uk.resolve.domain.rules.RuleViolation;
import uk.resolve.security.AccessDenied;
import uk.resolve.security.PersonKeys;
import uk.resolve.store.Database;
import uk.resolve.store.QuarantineStore;
import uk.resolve.testing.MutableClock;

/**
 * One laptop holding a bad entry never stops the team: the entry stays behind, everything else syncs;
 * the quarantine keeps it, an administrator releases it once it passes or discards it for good.
 */
class QuarantineIT {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-12-21T09:00");

    @RegisterExtension
    final Laptops laptops = new Laptops(() -> dir, clock);

    @Test
    void aLaptopWithOneBadEntrySyncsTheRestAndTheOtherLaptopsKeepSyncing() throws Exception {
        Path shared = laptops.sharedFile("resolve-shared.mv.db");
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        Services c = laptops.laptop("c");
        UUID good = laptops.openCase(a, "A-1");
        UUID bad = laptops.openCase(a, "A-2");
        UUID fromB = laptops.openCase(b, "B-1");
        // the entry is altered on laptop a with a database tool; its hash is left as it was
        try (var con = TestAccess.database(a).connection();
             var st = con.prepareStatement("UPDATE entry SET data = REPLACE(data, 'closed', 'opened') WHERE id = ?")) {
            st.setObject(1, bad);
            assertThat(st.executeUpdate()).isOne();
        }

        SyncEngine fromA = Laptops.engine(a, Laptops.fast());
        SyncReport first = fromA.sync(shared, Laptops.KEY);
        assertThat(first.pushed()).isOne();
        assertThat(Laptops.sharedIds(shared, dir)).containsExactly(good).doesNotContain(bad);
        assertThat(fromA.quarantine().reported()).singleElement().satisfies(q -> {
            assertThat(q.entryId()).isEqualTo(bad);
            assertThat(q.direction()).isEqualTo(Quarantined.OUTGOING);
            assertThat(q.author()).isEqualTo("a");
            assertThat(q.device()).isEqualTo(TestAccess.entries(a).device());
            assertThat(q.describe()).contains("held back from resolve-shared.mv.db").contains("case " + bad);
        });
        assertThat(new QuarantineStore(TestAccess.database(a)).list()).extracting(Quarantined::entryId).containsExactly(bad);

        // the others go on syncing, in any order, and never see the bad entry
        assertThat(Laptops.engine(b, Laptops.fast()).sync(shared, Laptops.KEY).pulled()).isOne();
        assertThat(Laptops.engine(c, Laptops.fast()).sync(shared, Laptops.KEY).pulled()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(1));
        UUID fromC = laptops.openCase(c, "C-1");
        assertThat(Laptops.engine(c, Laptops.fast()).sync(shared, Laptops.KEY).pushed()).isOne();
        assertThat(Laptops.engine(b, Laptops.fast()).sync(shared, Laptops.KEY).pulled()).isOne();
        SyncReport again = fromA.sync(shared, Laptops.KEY);
        assertThat(again.pulled()).isEqualTo(2);
        assertThat(Laptops.ids(b)).containsExactlyInAnyOrder(good, fromB, fromC);
        assertThat(Laptops.ids(c)).containsExactlyInAnyOrder(good, fromB, fromC);
        assertThat(Laptops.sharedIds(shared, dir)).containsExactlyInAnyOrder(good, fromB, fromC);
        assertThat(new QuarantineStore(TestAccess.database(b)).list()).isEmpty();
    }

    @Test
    void twoEntriesClaimingTheSamePlaceInAChainAreSetAsideNotMerged() throws Exception {
        Path shared = laptops.sharedFile("resolve-shared.mv.db");
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        UUID original = laptops.openCase(a, "A-1");
        Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        assertThat(Laptops.engine(b, Laptops.fast()).sync(shared, Laptops.KEY).pulled()).isOne();
        // on laptop b a's entry is replaced by another with a new id at the same place, hash recomputed
        var e = TestAccess.entries(a).entry(original).orElseThrow();
        var unsealed = new uk.resolve.domain.record.Entry(UUID.randomUUID(), e.caseId(), e.type(), e.author(),
                e.device(), e.deviceSeq(), e.writtenAt(), e.happenedAt(), e.data(), e.prevHash(), "");
        var forged = new uk.resolve.domain.record.Entry(unsealed.id(), e.caseId(), e.type(), e.author(), e.device(),
                e.deviceSeq(), e.writtenAt(), e.happenedAt(), e.data(), e.prevHash(),
                uk.resolve.domain.record.EntryHasher.hash(unsealed));
        try (var con = TestAccess.database(b).connection(); var st = con.prepareStatement("DELETE FROM entry WHERE id = ?")) {
            st.setObject(1, original);
            assertThat(st.executeUpdate()).isOne();
        }
        assertThat(TestAccess.entries(b).addMissing(List.of(forged))).isOne();
        SyncEngine fromB = Laptops.engine(b, Laptops.fast());
        SyncReport r = fromB.sync(shared, Laptops.KEY);
        assertThat(r.pushed()).isZero();
        assertThat(Laptops.sharedIds(shared, dir)).containsExactly(original);
        assertThat(new QuarantineStore(TestAccess.database(b)).list()).extracting(Quarantined::entryId, Quarantined::reason)
                .anySatisfy(t -> assertThat(t.toList()).containsExactly(forged.id(),
                        "two different entries claim to be entry #1 of device " + e.device()
                                + ": one was made outside Resolve"));
    }

    private static final char[] PASS = "a passphrase for the export file".toCharArray();

    @Test
    void anEntrySetAsideForAKeyNotYetKnownIsReleasedIntoTheRecordOnceItsAuthorsKeysArriveAndSyncsOn()
            throws Exception {
        Path shared = laptops.sharedFile("resolve-shared.mv.db");
        Services a = laptops.laptop("a");
        Services c = laptops.laptop("c"); // a's other computer, where a's new keys were registered
        Services b = laptops.adminLaptop("b");
        laptops.keys(a, "a");
        UUID caseId = laptops.openCase(a, "A-1");
        PersonKeys newKeys = PersonKeys.generate("a");
        TestAccess.entries(c).signWith(newKeys);
        laptops.registration(c, "a", "a", newKeys, KeyDirectory.Reason.UPGRADE, "manager");
        TestAccess.entries(a).signWith(newKeys);
        Laptops.discuss(a, caseId, "Spoke to the duty manager.", clock.instant());
        List<Entry> ofCase = TestAccess.entries(a).caseEntries(caseId);
        UUID signedWithNew = ofCase.get(ofCase.size() - 1).id();
        // a's export file reaches b before a's new keys do
        Path file = dir.resolve("from-a.resolve");
        Transfer.export(TestAccess.entries(a), file, List.of(), "a", clock.instant(), PASS.clone(), n -> { });
        SyncEngine atB = Laptops.engine(b, Laptops.fast());
        Transfer.Imported imported = Transfer.importFile(TestAccess.entries(b), file, PASS.clone(), n -> { },
                atB.quarantine());
        assertThat(imported.setAside()).isOne();
        Quarantined q = b.quarantine().find(signedWithNew.toString().substring(0, 8));
        assertThat(q.entryId()).isEqualTo(signedWithNew);
        assertThat(q.kept()).isTrue();

        // released too soon: it still fails, says why, and stays where it is
        QuarantineService.Outcome early = b.quarantine().release(q);
        assertThat(early.done()).isFalse();
        assertThat(early.message()).contains("still fails its checks", "its signature is not its author's (a)");
        assertThat(b.quarantine().list()).extracting(Quarantined::entryId).containsExactly(signedWithNew);
        assertThat(TestAccess.entries(b).entry(signedWithNew)).isEmpty();

        // a's new keys reach b with c's sync; the entry itself is not offered again by it
        Laptops.engine(c, Laptops.fast()).sync(shared, Laptops.KEY);
        atB.sync(shared, Laptops.KEY);
        assertThat(TestAccess.entries(b).entry(signedWithNew)).isEmpty();
        QuarantineService.Outcome released = b.quarantine().release(q);
        assertThat(released.done()).as(released.message()).isTrue();
        assertThat(released.message()).contains("passes its checks now", "taken into the record");
        assertThat(b.quarantine().list()).isEmpty();
        assertThat(TestAccess.entries(b).entry(signedWithNew)).hasValueSatisfying(e ->
                assertThat(e.signature()).isEqualTo(ofCase.get(ofCase.size() - 1).signature()));
        assertThat(b.audit().all()).filteredOn(e -> e.action().equals(AuditAction.QUARANTINE_RELEASED.code()))
                .singleElement().satisfies(e -> assertThat(e.subject()).isEqualTo(signedWithNew.toString()));

        // and it syncs on as any other entry
        atB.sync(shared, Laptops.KEY);
        assertThat(Laptops.sharedIds(shared, dir)).contains(signedWithNew);
        Laptops.engine(c, Laptops.fast()).sync(shared, Laptops.KEY);
        assertThat(Laptops.ids(c)).contains(signedWithNew);
    }

    @Test
    void aDiscardedEntryOfferedAgainBySyncStaysOutAndIsCountedWhileAChangedVersionIsSetAsideAgain()
            throws Exception {
        Path shared = laptops.sharedFile("resolve-shared.mv.db");
        Services a = laptops.laptop("a");
        Services b = laptops.adminLaptop("b");
        UUID good = laptops.openCase(a, "A-1");
        UUID bad = laptops.openCase(a, "A-2");
        Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        alterInSharedFile(shared, bad, "closed", "opened");

        SyncEngine atB = Laptops.engine(b, Laptops.fast());
        atB.sync(shared, Laptops.KEY);
        assertThat(Laptops.ids(b)).contains(good).doesNotContain(bad);
        Quarantined q = b.quarantine().find(bad.toString());
        assertThat(q.kept()).isTrue();
        assertThat(b.quarantine().release(q).message()).contains("still fails its checks", "does not match its hash");

        QuarantineService.Outcome discarded = b.quarantine().discard(q);
        assertThat(discarded.done()).isTrue();
        assertThat(b.quarantine().list()).isEmpty();
        assertThat(b.audit().all()).extracting(e -> e.action()).contains(AuditAction.QUARANTINE_DISCARDED.code());
        atB.quarantine().reported();

        // the next sync offers the same bytes again: skipped and counted, not set aside again
        clock.advance(Duration.ofMinutes(1));
        UUID later = laptops.openCase(a, "A-3");
        Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        SyncReport again = atB.sync(shared, Laptops.KEY);
        assertThat(again.pulled()).isOne();
        assertThat(Laptops.ids(b)).contains(later).doesNotContain(bad);
        assertThat(b.quarantine().list()).isEmpty();
        assertThat(atB.quarantine().reported()).isEmpty();
        assertThat(atB.quarantine().skipped()).isOne();
        assertThat(b.quarantine().discardedSummary()).contains("1 entry was discarded", "offered them again 1 time");

        // a version changed once more is not the one discarded: it is set aside again for a look
        alterInSharedFile(shared, bad, "opened", "reopened");
        atB.sync(shared, Laptops.KEY);
        assertThat(Laptops.ids(b)).doesNotContain(bad);
        assertThat(b.quarantine().list()).singleElement().satisfies(back -> {
            assertThat(back.entryId()).isEqualTo(bad);
            assertThat(back.reason()).contains("a different version of an entry an administrator discarded");
        });
        assertThat(atB.quarantine().skipped()).isZero();
    }

    @Test
    void thisComputersOwnBadEntryCannotBeDiscardedAndItsReleaseSaysWhyItStillFails() throws Exception {
        Path shared = laptops.sharedFile("resolve-shared.mv.db");
        Services a = laptops.adminLaptop("a");
        UUID bad = laptops.openCase(a, "A-1");
        Laptops.sql(a, "UPDATE entry SET data = REPLACE(data, 'closed', 'opened') WHERE id = '" + bad + "'");
        Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY);
        Quarantined q = a.quarantine().find(bad.toString().substring(0, 13));
        assertThat(q.outgoing()).isTrue();

        assertThatThrownBy(() -> a.quarantine().discard(q)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("this computer's own").hasMessageContaining("Nothing was changed");
        QuarantineService.Outcome r = a.quarantine().release(q);
        assertThat(r.done()).isFalse();
        assertThat(r.message()).contains("never sent", "does not match its hash", "restore its database from a backup");
        assertThat(a.quarantine().list()).extracting(Quarantined::entryId).containsExactly(bad);
        assertThat(a.audit().all()).extracting(e -> e.action()).doesNotContain(
                AuditAction.QUARANTINE_RELEASED.code(), AuditAction.QUARANTINE_DISCARDED.code());
    }

    @Test
    void thisComputersOwnEntryThatPassesWhenReleasedIsSentWithTheNextSegmentSync() throws Exception {
        Path shared = laptops.sharedFile("resolve-shared.mv.db");
        Services a = laptops.adminLaptop("a");
        Services b = laptops.laptop("b");
        UUID bad = laptops.openCase(a, "A-1");
        Laptops.sql(a, "UPDATE entry SET data = REPLACE(data, 'closed', 'opened') WHERE id = '" + bad + "'");
        SyncEngine fromA = Laptops.engine(a, Laptops.segments());
        fromA.sync(shared, Laptops.KEY);
        UUID later = laptops.openCase(a, "A-2");
        assertThat(fromA.sync(shared, Laptops.KEY).pushed()).isOne();
        assertThat(Laptops.engine(b, Laptops.segments()).sync(shared, Laptops.KEY).pulled()).isOne();

        // the row is put back as it was written, and the administrator checks it again
        Laptops.sql(a, "UPDATE entry SET data = REPLACE(data, 'opened', 'closed') WHERE id = '" + bad + "'");
        QuarantineService.Outcome r = a.quarantine().release(a.quarantine().find(bad.toString()));
        assertThat(r.done()).as(r.message()).isTrue();
        assertThat(r.message()).contains("sent with the next sync");

        assertThat(fromA.sync(shared, Laptops.KEY).pushed()).isPositive();
        Laptops.engine(b, Laptops.segments()).sync(shared, Laptops.KEY);
        assertThat(Laptops.ids(b)).contains(bad, later);
        assertThat(new QuarantineStore(TestAccess.database(b)).list()).isEmpty();
        assertThat(a.quarantine().list()).isEmpty();
    }

    @Test
    void anEntryLargerThanTheQuarantineKeepsIsDescribedOnlyAndStillDiscardedByItsBytes() {
        Services b = laptops.adminLaptop("b");
        UUID caseId = UUID.randomUUID();
        var data = new java.util.TreeMap<String, String>();
        data.put("evidence", "x".repeat(Quarantined.MAX_KEPT_CHARS + 1));
        Entry big = new Entry(UUID.randomUUID(), caseId, uk.resolve.domain.record.EntryType.DISCUSSION_RECORDED, "sam",
                "dev-z", 1, clock.instant(), clock.instant(), data, "", "0".repeat(64));
        Quarantine gate = new Quarantine(new QuarantineStore(TestAccess.database(b)), clock);
        assertThat(gate.admit(List.of(big), TestAccess.entries(b), Quarantined.INCOMING, "team.mv.db")).isEmpty();
        Quarantined q = b.quarantine().find(big.id().toString());
        assertThat(q.kept()).isFalse();
        assertThat(q.reason()).contains("does not match its hash");
        assertThat(b.quarantine().discard(q).done()).isTrue();
        assertThat(gate.admit(List.of(big), TestAccess.entries(b), Quarantined.INCOMING, "team.mv.db")).isEmpty();
        assertThat(gate.skipped()).isOne();
        assertThat(b.quarantine().list()).isEmpty();
    }

    @Test
    void anUnknownOrAmbiguousIdIsRefusedAndSomeoneNotAnAdministratorMayNotReleaseOrDiscard() {
        Services b = laptops.adminLaptop("b");
        Quarantine gate = new Quarantine(new QuarantineStore(TestAccess.database(b)), clock);
        for (String id : List.of("aaaa0000-0000-4000-8000-000000000001", "aaaa0000-0000-4000-8000-000000000002")) {
            Entry e = new Entry(UUID.fromString(id), UUID.randomUUID(),
                    uk.resolve.domain.record.EntryType.DISCUSSION_RECORDED, "sam", "dev-z", 1, clock.instant(),
                    clock.instant(), new java.util.TreeMap<>(), "", "0".repeat(64));
            gate.admit(List.of(e), TestAccess.entries(b), Quarantined.INCOMING, "team.mv.db");
        }
        assertThatThrownBy(() -> b.quarantine().find("aaaa")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("2 entries in quarantine have ids starting 'aaaa'");
        assertThatThrownBy(() -> b.quarantine().find("bbbb")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("No entry in quarantine");
        assertThatThrownBy(() -> b.quarantine().find("not-an-id!")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("not an entry id");
        Quarantined one = b.quarantine().find("aaaa0000-0000-4000-8000-000000000001");
        Services worker = laptops.laptop("w");
        assertThatThrownBy(() -> worker.quarantine().discard(one)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> worker.quarantine().release(one)).isInstanceOf(AccessDenied.class);
        assertThat(b.quarantine().list()).hasSize(2);
    }

    /** Changes an entry's content in the shared file with a database tool and the team key, its hash left as it was. */
    private static void alterInSharedFile(Path shared, UUID entry, String from, String to) throws Exception {
        byte[] k = Laptops.KEY.bytes();
        try (Database d = Database.open(shared, k); var con = d.connection();
             var st = con.prepareStatement("UPDATE entry SET data = REPLACE(data, ?, ?) WHERE id = ?")) {
            st.setString(1, from);
            st.setString(2, to);
            st.setObject(3, entry);
            assertThat(st.executeUpdate()).isOne();
        }
    }
}
