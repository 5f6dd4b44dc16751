/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.domain.record.Quarantined;
import uk.resolve.store.QuarantineStore;
import uk.resolve.testing.MutableClock;

/** One laptop holding a bad entry never stops the team: the entry stays behind, everything else syncs. */
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
}
