/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import uk.resolve.domain.escalation.CaseListing;
import uk.resolve.domain.escalation.CaseStatus;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.time.DueAt;
import uk.resolve.store.CaseSummaryStore.Listing;

/** The packed format of the list's blocks ({@link CaseListBlocks}): what goes in comes out, or nothing does. */
class CaseListBlocksTest {

    private static UUID inBlock(int block, long n) {
        return new UUID(((long) block << 56) | n, 0x8000_0000_0000_0000L | n);
    }

    /** A listing with every value set, and unusual ones where the format has a choice to make. */
    private static CaseListing everything(UUID id) {
        return new CaseListing(id, "croydon", "2026.1", "main", 2, 4, 3, "Stage 2 — Managers talk", CaseStatus.RESOLVED,
                "REF-ÅØ 1", "Child\nwith a line break", ChildStatus.LOOKED_AFTER, "Pat Worker", "Croydon CSC",
                "Met Police", "DS Other", "Threshold", true, true,
                Instant.parse("2026-12-01T09:00:00.123456789Z"), Instant.ofEpochSecond(-86_400L * 400, 7),
                new DueAt(LocalDateTime.of(2026, 12, 21, 10, 30, 15, 5), false),
                new DueAt(LocalDateTime.of(2026, 12, 22, 13, 0), true),
                List.of("Tell Met Police", "", "Appendix A\tform"), Instant.parse("2026-12-03T17:45:00Z"), 2,
                "Agreed a plan");
    }

    private static CaseListing sparse(UUID id) {
        return new CaseListing(id, "havering", "1", "main", 1, 3, 1, "Stage 1", CaseStatus.OPEN, null, null, null,
                null, "Agency 1", "Agency 2", null, null, false, false, Instant.parse("2026-12-10T09:00:00Z"),
                Instant.parse("2026-12-10T09:01:00Z"), DueAt.endOf(LocalDate.of(2026, 12, 12)), null, List.of(), null,
                0, null);
    }

    @Test
    void aRowWithEveryValueComesBackEqual() {
        List<Listing> rows = List.of(
                new Listing(inBlock(7, 1), "pat", "Team A", Set.of("bo", "mo"), everything(inBlock(7, 1))),
                new Listing(inBlock(7, 2), "", "", Set.of(), sparse(inBlock(7, 2))),
                // a case that could not be summarised here: who may see it, and no listing
                new Listing(inBlock(7, 3), "bo", "Team B", Set.of("pat"), null));
        byte[] content = CaseListBlocks.encode(rows);
        assertThat(CaseListBlocks.decode(content, new CaseListBlocks.Texts())).isEqualTo(rows);
        assertThat(new CaseListBlocks.Stored(7, 3, content, CaseListBlocks.checksum(7, 3, content))
                .rows(new CaseListBlocks.Texts())).isEqualTo(rows);
    }

    @Test
    void aRowIsFarSmallerThanItsTextsAndSharedTextsAreStoredOnce() {
        List<Listing> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(new Listing(inBlock(1, i), "pat", "Team A", Set.of(), sparse(inBlock(1, i))));
        }
        byte[] content = CaseListBlocks.encode(rows);
        // 16 bytes of id, the rest small numbers (about forty): the texts are in the block once
        assertThat(content.length).isLessThan(200 * 64);
        List<Listing> back = CaseListBlocks.decode(content, new CaseListBlocks.Texts());
        assertThat(back).isEqualTo(rows);
        assertThat(back.get(0).listing().stageHeading()).isSameAs(back.get(199).listing().stageHeading());
        assertThat(back.get(0).sharedWith()).isSameAs(back.get(199).sharedWith());
    }

    @Test
    void textsReadFromSeveralBlocksAreOneCopy() {
        CaseListBlocks.Texts texts = new CaseListBlocks.Texts();
        Listing a = CaseListBlocks.decode(CaseListBlocks.encode(List.of(new Listing(inBlock(1, 1), "pat", "Team A",
                Set.of(), sparse(inBlock(1, 1))))), texts).get(0);
        Listing b = CaseListBlocks.decode(CaseListBlocks.encode(List.of(new Listing(inBlock(2, 1), "pat", "Team A",
                Set.of(), sparse(inBlock(2, 1))))), texts).get(0);
        assertThat(a.listing().otherAgency()).isSameAs(b.listing().otherAgency());
        assertThat(a.owner()).isSameAs(b.owner());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a byte changed in the middle, flip",
            "the last byte cut off, truncate",
            "a byte added at the end, extend",
            "another format, format",
    })
    void aDamagedBlockGivesNoRowsAtAll(String what, String how) {
        List<Listing> rows = List.of(new Listing(inBlock(3, 1), "pat", "Team A", Set.of(), everything(inBlock(3, 1))),
                new Listing(inBlock(3, 2), "pat", "Team A", Set.of(), sparse(inBlock(3, 2))));
        byte[] content = CaseListBlocks.encode(rows);
        byte[] damaged = switch (how) {
            case "flip" -> flip(content, content.length / 2);
            case "truncate" -> java.util.Arrays.copyOf(content, content.length - 1);
            case "extend" -> java.util.Arrays.copyOf(content, content.length + 1);
            default -> flip(content, 0);
        };
        // the checksum is over what is stored: a damaged block is never read, even if its bytes would decode
        assertThat(new CaseListBlocks.Stored(3, 2, damaged, CaseListBlocks.checksum(3, 2, content))
                .rows(new CaseListBlocks.Texts())).isNull();
        // and a damaged block whose checksum was made to match is refused by its format where it can be
        if (!"flip".equals(how)) {
            assertThat(CaseListBlocks.decode(damaged, new CaseListBlocks.Texts())).isNull();
        }
    }

    @Test
    void aBlockHoldingACaseOfAnotherBlockIsNotRead() {
        List<Listing> rows = List.of(new Listing(inBlock(4, 1), "pat", "Team A", Set.of(), sparse(inBlock(4, 1))));
        byte[] content = CaseListBlocks.encode(rows);
        // stored as block 5 with a matching checksum: its case belongs to block 4
        assertThat(new CaseListBlocks.Stored(5, 1, content, CaseListBlocks.checksum(5, 1, content))
                .rows(new CaseListBlocks.Texts())).isNull();
        // and a count that disagrees with the rows
        assertThat(new CaseListBlocks.Stored(4, 2, content, CaseListBlocks.checksum(4, 2, content))
                .rows(new CaseListBlocks.Texts())).isNull();
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] out = b.clone();
        out[at] ^= 0x5A;
        return out;
    }
}
