/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.domain.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An entry dated before the entry before it in its device's chain is backdated, beyond a clock's slack. */
class EntryScreenTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    private static List<Entry> chain(int... minutes) {
        List<Entry> out = new ArrayList<>();
        String prev = "";
        for (int i = 0; i < minutes.length; i++) {
            Instant at = T.plusSeconds(60L * minutes[i]);
            Entry e = NewEntry.of(CASE, i == 0 ? EntryType.CASE_OPENED : EntryType.DISCUSSION_RECORDED, "worker", at, at,
                    Map.of("summary", "Note " + i)).seal("dev", i + 1, prev);
            prev = e.hash();
            out.add(e);
        }
        return out;
    }

    @ParameterizedTest(name = "written {1} min after an entry of minute {0}: backdated {2}")
    @CsvSource({
            "60, 61, false",
            "60, 60, false",
            "60, 51, false",  // a clock set back a little
            "60, 50, false",  // exactly the slack
            "60, 49, true",
            "60, 0, true",
    })
    void anEntryDatedBeforeItsPredecessorBeyondTheSlackIsABreakAndIsSetAside(int first, int second, boolean backdated) {
        List<Entry> chain = chain(0, first, second);
        List<EntryScreen.Rejected> rejected = EntryScreen.screen(chain.subList(2, 3), chain.subList(0, 2));
        assertThat(rejected.isEmpty()).isEqualTo(!backdated);
        if (backdated) {
            assertThat(rejected.get(0).reason()).isEqualTo("entry #3 of device dev is dated before the entry before it"
                    + " in that chain: it was backdated");
        }
        List<ChainVerifier.Finding> breaks = ChainVerifier.verify(chain).breaks();
        assertThat(breaks.isEmpty()).isEqualTo(!backdated);
        if (backdated) {
            assertThat(breaks.get(0).message()).contains("device dev #3", "before the entry before it in that chain",
                    "it was backdated");
        }
    }
}
