/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The per-device hash chains, checked without a database. */
class ChainVerifierTest {

    private final UUID caseId = UUID.randomUUID();
    private final Instant at = Instant.parse("2027-01-11T09:00:00Z");

    /** A chain of {@code n} entries written on {@code device}, opening the case first. */
    private List<Entry> chain(String device, int n) {
        List<Entry> out = new ArrayList<>();
        String prev = "";
        for (int i = 1; i <= n; i++) {
            Entry e = entry(i == 1 ? caseId : UUID.randomUUID(), i == 1 ? EntryType.CASE_OPENED
                    : EntryType.DISCUSSION_RECORDED, device, i, prev, "text " + i);
            out.add(e);
            prev = e.hash();
        }
        return out;
    }

    private Entry entry(UUID id, EntryType type, String device, long seq, String prev, String text) {
        TreeMap<String, String> data = new TreeMap<>();
        data.put("summary", text);
        Entry unhashed = new Entry(id, caseId, type, "alex", device, seq, at.plusSeconds(seq), at.plusSeconds(seq), data,
                prev, "");
        return new Entry(id, caseId, type, "alex", device, seq, unhashed.writtenAt(), unhashed.happenedAt(), data, prev,
                EntryHasher.hash(unhashed));
    }

    @Test
    void anUntouchedChainIsIntact() {
        ChainVerifier.Report r = ChainVerifier.verify(chain("laptop", 4));
        assertThat(r.intact()).isTrue();
        assertThat(r.entries()).isEqualTo(4);
        assertThat(r.devices()).isEqualTo(1);
    }

    @Test
    void anEntryWhoseContentChangedIsABreak() {
        List<Entry> entries = new ArrayList<>(chain("laptop", 3));
        Entry e = entries.get(1);
        TreeMap<String, String> changed = new TreeMap<>(e.data());
        changed.put("summary", "rewritten");
        entries.set(1, new Entry(e.id(), e.caseId(), e.type(), e.author(), e.device(), e.deviceSeq(), e.writtenAt(),
                e.happenedAt(), changed, e.prevHash(), e.hash()));
        ChainVerifier.Report r = ChainVerifier.verify(entries);
        assertThat(r.intact()).isFalse();
        assertThat(r.breaks()).anyMatch(f -> f.deviceSeq() == 2 && f.message().contains("has been altered"));
    }

    @Test
    void anEntryReplacedWithItsHashRecomputedBreaksTheNextLink() {
        List<Entry> entries = new ArrayList<>(chain("laptop", 3));
        Entry old = entries.get(1);
        entries.set(1, entry(old.id(), old.type(), "laptop", 2, old.prevHash(), "forged"));
        ChainVerifier.Report r = ChainVerifier.verify(entries);
        assertThat(r.breaks()).anyMatch(f -> f.deviceSeq() == 3 && f.message().contains("is broken before #3"));
    }

    @Test
    void aGapInAnotherDevicesChainIsOnlyANoteButInThisComputersOwnChainABreak() {
        List<Entry> entries = new ArrayList<>(chain("laptop", 4));
        entries.remove(2);
        ChainVerifier.Report imported = ChainVerifier.verify(entries);
        assertThat(imported.intact()).isTrue();
        assertThat(imported.findings()).anyMatch(f -> !f.isBreak() && f.message().contains("entry #3"));
        ChainVerifier.Report own = ChainVerifier.verify(entries, "laptop", List.of());
        assertThat(own.breaks()).anyMatch(f -> f.message().contains("own chain") && f.message().contains("deleted"));
    }

    @Test
    void aCaseWithoutItsOpeningEntryIsABreak() {
        List<Entry> entries = new ArrayList<>(chain("laptop", 3));
        entries.remove(0);
        assertThat(ChainVerifier.verify(entries, "laptop", List.of()).intact()).isFalse();
    }
}
