/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.domain.escalation.CaseListing;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.store.CaseSummaryStore.Listing;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/** The list's packed blocks ({@code case_list_block}) on a real database: kept, checked, and made again. */
class CaseListBlocksIT {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-12-14T09:00");

    private Services laptop() {
        return Fixtures.services(dir, clock);
    }

    private static UUID openCase(Services s, String policy, String at) {
        return s.cases().open(Fixtures.openRequest(s, policy, ChildStatus.CHILD_IN_NEED, at)).id();
    }

    /** What a fresh replay of every case says, in the list's order. */
    private static List<CaseListing> truth(Services s, List<UUID> ids) {
        List<CaseListing> out = new ArrayList<>();
        for (CaseListing l : s.cases().listings(l -> l)) {
            out.add(CaseListing.of(s.cases().get(l.id())));
        }
        assertThat(out).extracting(CaseListing::id).containsExactlyInAnyOrderElementsOf(ids);
        return out;
    }

    private static int sql(Services s, String update) throws Exception {
        try (Connection c = TestAccess.database(s).connection(); Statement st = c.createStatement()) {
            return st.executeUpdate(update);
        }
    }

    /** Every stored block, read as the list reads it (null for a block that does not pass its checks). */
    private static List<List<Listing>> blocks(Services s) throws Exception {
        List<List<Listing>> out = new ArrayList<>();
        try (Connection c = TestAccess.database(s).connection()) {
            for (int b = 0; b < CaseListBlocks.BLOCKS; b++) {
                CaseListBlocks.Stored stored = CaseListBlocks.read(c, b);
                if (stored != null) {
                    out.add(stored.rows(new CaseListBlocks.Texts()));
                }
            }
        }
        return out;
    }

    private static void store(Services s, int block, List<Listing> rows, byte[] content) throws Exception {
        try (Connection c = TestAccess.database(s).connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE case_list_block SET cases = ?, content = ?, checksum = ? WHERE block = ?")) {
            ps.setInt(1, rows.size());
            ps.setBytes(2, content);
            ps.setLong(3, CaseListBlocks.checksum(block, rows.size(), content));
            ps.setInt(4, block);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void everyCaseIsInTheBlockOfItsIdWrittenWithItsEntries() throws Exception {
        try (Services s = laptop()) {
            UUID a = openCase(s, "croydon", "2026-12-01T09:00");
            UUID b = openCase(s, "havering", "2026-12-10T09:00");
            s.cases().escalate(a, "Still unresolved", null, null);
            s.cases().withdraw(b, "Resolved informally", null);
            List<CaseListing> truth = truth(s, List.of(a, b));
            assertThat(s.cases().listings(l -> l)).isEqualTo(truth);
            // written in the appends' own transactions: the list never had to make them
            assertThat(TestAccess.summaries(s).lastBlocksRemade()).isNull();
            List<UUID> held = new ArrayList<>();
            for (List<Listing> rows : blocks(s)) {
                assertThat(rows).isNotNull();
                rows.forEach(r -> held.add(r.caseId()));
            }
            assertThat(held).containsExactlyInAnyOrder(a, b);
        }
    }

    @Test
    void aDamagedBlockIsSetAsideAndMadeAgainFromTheListingRows() throws Exception {
        try (Services s = laptop()) {
            UUID a = openCase(s, "croydon", "2026-12-01T09:00");
            UUID b = openCase(s, "havering", "2026-12-10T09:00");
            List<CaseListing> truth = truth(s, List.of(a, b));
            assertThat(sql(s, "UPDATE case_list_block SET content = X'01' WHERE block = "
                    + CaseListBlocks.block(a))).isEqualTo(1);
            assertThat(s.cases().listings(l -> l)).isEqualTo(truth);
            assertThat(TestAccess.summaries(s).lastBlocksRemade()).contains("damaged");
            assertThat(blocks(s)).doesNotContainNull();
        }
    }

    @Test
    void missingBlocksOrBlocksOfAnotherFormatAreMadeAgain() throws Exception {
        try (Services s = laptop()) {
            UUID a = openCase(s, "croydon", "2026-12-01T09:00");
            List<CaseListing> truth = truth(s, List.of(a));
            assertThat(sql(s, "DELETE FROM case_list_block")).isEqualTo(1);
            assertThat(s.cases().listings(l -> l)).isEqualTo(truth);
            assertThat(blocks(s)).hasSize(1).doesNotContainNull();

            // a block of a later format, its checksum right: not read, made again in this format
            List<Listing> rows = blocks(s).get(0);
            byte[] content = CaseListBlocks.encode(rows);
            content[0] = (byte) (CaseListBlocks.FORMAT + 1);
            store(s, CaseListBlocks.block(a), rows, content);
            assertThat(s.cases().listings(l -> l)).isEqualTo(truth);
            assertThat(blocks(s)).hasSize(1).doesNotContainNull();
        }
    }

    @Test
    void anEditWithAForgedChecksumIsFoundByVerifyWhichSaysWhichCaseAndRebuilds() throws Exception {
        try (Services s = laptop()) {
            UUID a = openCase(s, "croydon", "2026-12-01T09:00");
            UUID b = openCase(s, "havering", "2026-12-10T09:00");
            List<CaseListing> truth = truth(s, List.of(a, b));
            int block = CaseListBlocks.block(a);
            List<Listing> rows = new ArrayList<>(blocks(s).stream().filter(r -> r.stream()
                    .anyMatch(x -> x.caseId().equals(a))).findFirst().orElseThrow());
            for (int i = 0; i < rows.size(); i++) {
                Listing r = rows.get(i);
                if (r.caseId().equals(a)) {
                    CaseListing l = r.listing();
                    rows.set(i, new Listing(a, r.owner(), r.team(), r.sharedWith(), new CaseListing(a, l.policyId(),
                            l.policyVersion(), l.trackId(), 3, l.lastStage(), 3, l.stageHeading(), l.status(),
                            l.childRef(), l.childName(), l.childStatus(), l.raisedBy(), l.raisedAgency(), "Edited",
                            l.otherProfessional(), l.category(), l.immediateRisk(), l.sample(), l.openedAt(),
                            l.writtenAt(), null, null, List.of(), l.endedAt(), l.endedAtStage(), l.sampleOutcome())));
                }
            }
            store(s, block, rows, CaseListBlocks.encode(rows));
            assertThat(s.cases().listings(l -> l)).isNotEqualTo(truth);

            assertThat(TestAccess.summaries(s).verify()).containsExactly(a);
            assertThat(TestAccess.summaries(s).verify()).isEmpty();
            assertThat(s.cases().listings(l -> l)).isEqualTo(truth);
        }
    }

    @Test
    void aBlockLostWithItsRowsStillInTheListingIsNotLeftOutOfTheListAfterAnAppend() throws Exception {
        try (Services s = laptop()) {
            UUID a = openCase(s, "croydon", "2026-12-01T09:00");
            assertThat(sql(s, "UPDATE case_list_block SET content = X'01'")).isEqualTo(1);
            // an append to a case of the damaged block drops the block (its rows are unknown) rather than keep one row
            s.cases().escalate(a, "Still unresolved", null, null);
            UUID b = openCase(s, "havering", "2026-12-10T09:00");
            List<CaseListing> truth = truth(s, List.of(a, b));
            assertThat(s.cases().listings(l -> l)).isEqualTo(truth);
            assertThat(TestAccess.summaries(s).verify()).isEmpty();
        }
    }
}
