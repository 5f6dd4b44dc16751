/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.params.provider.ValueSource;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.testing.MutableClock;

/** The sync through segments beside the shared file (decision 0007). */
class SegmentSyncIT {

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

    private SyncEngine engine(Services s, List<SyncStep> steps) {
        return Laptops.engine(s, Laptops.segments().withHook(steps::add));
    }

    private Path segments() {
        return shared.resolveSibling("resolve-shared.segments");
    }

    private List<Path> segmentFiles() throws IOException {
        try (var files = Files.list(segments())) {
            return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    @Test
    void newEntriesTravelAsSegmentsWithoutTheSharedFileBeingCopiedOrRewritten() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        List<SyncStep> stepsA = new ArrayList<>();
        List<SyncStep> stepsB = new ArrayList<>();
        SyncEngine sa = engine(a, stepsA);
        SyncEngine sb = engine(b, stepsB);
        UUID c1 = laptops.openCase(a, "A-1");
        sa.sync(shared, Laptops.KEY); // the first sync creates the shared file
        sb.sync(shared, Laptops.KEY);
        byte[] sharedBytes = Files.readAllBytes(shared);
        var identity = SharedFile.FileIdentity.of(shared);

        stepsA.clear();
        Laptops.discuss(a, c1, "First call", clock.instant());
        Laptops.discuss(a, c1, "Second call", clock.instant());
        SyncReport push = sa.sync(shared, Laptops.KEY);
        assertThat(push.pushed()).isEqualTo(2);
        assertThat(push.summary()).isEqualTo("Received 0 entries and sent 2 entries.");
        assertThat(stepsA).containsExactly(SyncStep.SEGMENTS_READ, SyncStep.SEGMENT_WRITTEN);
        assertThat(segmentFiles()).hasSize(1);
        assertThat(segmentFiles().get(0).getFileName().toString()).startsWith(TestAccess.settings(a).deviceId() + ".");
        assertThat(Files.exists(shared.resolveSibling("resolve-shared.sync-lease"))).isFalse();

        stepsB.clear();
        SyncReport pull = sb.sync(shared, Laptops.KEY);
        assertThat(pull.pulled()).isEqualTo(2);
        assertThat(pull.pushed()).isZero();
        assertThat(stepsB).containsExactly(SyncStep.SEGMENTS_READ);
        assertThat(Laptops.ids(b)).isEqualTo(Laptops.ids(a)).hasSize(3);
        assertThat(Laptops.states(b)).isEqualTo(Laptops.states(a));

        // the shared file itself was never touched, and nothing is sent back or read twice
        assertThat(Files.readAllBytes(shared)).isEqualTo(sharedBytes);
        assertThat(SharedFile.FileIdentity.of(shared)).isEqualTo(identity);
        assertThat(sb.sync(shared, Laptops.KEY).nothingNew()).isTrue();
        assertThat(sa.sync(shared, Laptops.KEY).nothingNew()).isTrue();
        assertThat(segmentFiles()).hasSize(1);
        assertThat(sa.pending(shared)).isZero();
        assertThat(sb.pending(shared)).isZero();
    }

    @Test
    void aSegmentIsEncryptedUnderTheTeamKeyAndHoldsNoReadableCaseText() throws Exception {
        Services a = laptops.laptop("a");
        laptops.openCase(a, "A-1");
        SyncEngine sa = engine(a, new ArrayList<>());
        sa.sync(shared, Laptops.KEY);
        laptops.openCase(a, "REF-PELICAN");
        sa.sync(shared, Laptops.KEY);
        String text = new String(Files.readAllBytes(segmentFiles().get(0)), StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("{\"format\":\"resolve-segment\",\"version\":2,")
                .contains("\"keyId\":\"" + Laptops.KEY.id() + "\"")
                .doesNotContain("REF-PELICAN").doesNotContain("Child Name").doesNotContain("closed without");
    }

    @Test
    void aNewLaptopReadsTheSharedFileAndEverySegment() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        laptops.openCase(a, "A-1");
        Laptops.engine(a, Laptops.segments()).sync(shared, Laptops.KEY);
        laptops.openCase(b, "B-1");
        laptops.openCase(b, "B-2");
        Laptops.engine(b, Laptops.segments()).sync(shared, Laptops.KEY);
        laptops.openCase(a, "A-2");
        Laptops.engine(a, Laptops.segments()).sync(shared, Laptops.KEY);

        Services c = laptops.laptop("c");
        SyncReport first = Laptops.engine(c, Laptops.segments()).sync(shared, Laptops.KEY);
        assertThat(first.pulled()).isEqualTo(4);
        Set<UUID> all = new HashSet<>(Laptops.ids(a));
        all.addAll(Laptops.ids(b));
        assertThat(Laptops.ids(c)).isEqualTo(all).hasSize(4);
    }

    @Test
    void foldingPutsTheSegmentsIntoTheSharedFileAndOthersThenReadItOnce() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        SyncEngine sa = Laptops.engine(a, Laptops.segments().withFoldAt(3));
        List<SyncStep> stepsB = new ArrayList<>();
        SyncEngine sb = Laptops.engine(b, Laptops.segments().withFoldAt(3).withHook(stepsB::add));
        laptops.openCase(a, "A-0");
        sa.sync(shared, Laptops.KEY);
        sb.sync(shared, Laptops.KEY);
        for (int i = 1; i <= 2; i++) {
            laptops.openCase(a, "A-" + i);
            sa.sync(shared, Laptops.KEY);
            assertThat(sa.foldIfDue(shared, Laptops.KEY)).isFalse();
        }
        laptops.openCase(b, "B-1");
        sb.sync(shared, Laptops.KEY);
        assertThat(segmentFiles()).hasSize(3);

        assertThat(sa.foldIfDue(shared, Laptops.KEY)).isTrue();
        assertThat(segmentFiles()).isEmpty();
        Set<UUID> all = new HashSet<>(Laptops.ids(a));
        assertThat(all).hasSize(4);
        List<UUID> inShared = Laptops.sharedIds(shared, dir);
        assertThat(inShared).doesNotHaveDuplicates();
        assertThat(new HashSet<>(inShared)).isEqualTo(all);

        // b sees a new version of the shared file: it reads it once, finds nothing it lacks, then is idle
        stepsB.clear();
        SyncReport r = sb.sync(shared, Laptops.KEY);
        assertThat(r.pulled()).isZero();
        assertThat(stepsB).contains(SyncStep.COPIED);
        assertThat(Laptops.ids(b)).isEqualTo(all);
        assertThat(sb.sync(shared, Laptops.KEY).nothingNew()).isTrue();
        assertThat(sa.sync(shared, Laptops.KEY).nothingNew()).isTrue();
    }

    /** Each entry's device and place in its device's chain, in the order the shared file received them. */
    private List<String> chainOrderInShared() throws Exception {
        Path copy = Files.createTempDirectory(dir, "peek").resolve("peek.mv.db");
        Files.copy(shared, copy);
        String base = copy.toString().substring(0, copy.toString().length() - ".mv.db".length());
        List<String> out = new ArrayList<>();
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + base + ";ACCESS_MODE_DATA=r;CIPHER=AES",
                "resolve", Laptops.KEY.hex() + " ");
             var st = c.createStatement();
             var rs = st.executeQuery("SELECT device, device_seq FROM entry ORDER BY local_seq")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "#" + rs.getLong(2));
            }
        }
        return out;
    }

    @Test
    void aFoldOfThousandsOfEntriesWritesEachDevicesChainInOrderAndLosesNone() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        SyncEngine sa = Laptops.engine(a, Laptops.segments().withFoldAt(2));
        SyncEngine sb = Laptops.engine(b, Laptops.segments().withFoldAt(2));
        laptops.openCase(a, "A-0");
        sa.sync(shared, Laptops.KEY); // the first sync makes the shared file whole
        int fromA = Laptops.ids(a).size();
        java.time.Instant at = clock.instant();
        List<uk.resolve.domain.record.NewEntry> batch = new ArrayList<>();
        UUID caseId = null;
        for (int i = 0; i < 4_500; i++) {
            if (i % 50 == 0) {
                caseId = UUID.randomUUID();
                batch.add(new uk.resolve.domain.record.NewEntry(caseId, caseId,
                        uk.resolve.domain.record.EntryType.CASE_OPENED, "Test Worker", at, at,
                        new java.util.TreeMap<>(java.util.Map.of("policy", "croydon", "childRef", "B-" + i))));
            } else {
                batch.add(uk.resolve.domain.record.NewEntry.of(caseId,
                        uk.resolve.domain.record.EntryType.DISCUSSION_RECORDED, "Test Worker", at, at.plusSeconds(i),
                        java.util.Map.of("summary", "Call " + i, "with", "Duty SW")));
            }
            if (batch.size() == 500) {
                TestAccess.entries(b).append(batch);
                batch.clear();
            }
        }
        sb.sync(shared, Laptops.KEY);
        assertThat(segmentFiles()).hasSize(3); // 2,000 entries a segment

        assertThat(sb.foldIfDue(shared, Laptops.KEY)).isTrue();
        assertThat(segmentFiles()).isEmpty();
        List<String> order = chainOrderInShared();
        assertThat(order).hasSize(fromA + 4_500);
        String device = TestAccess.entries(b).device();
        List<Long> places = order.stream().filter(o -> o.startsWith(device + "#"))
                .map(o -> Long.parseLong(o.substring(device.length() + 1))).toList();
        assertThat(places).hasSize(4_500).isSorted();
        sa.sync(shared, Laptops.KEY);
        assertThat(Laptops.ids(a)).isEqualTo(Laptops.ids(b)).hasSize(fromA + 4_500);
    }

    @Test
    void aSharedFileWrittenByWholeFileSyncIsTakenUpAsItIs() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        laptops.openCase(a, "A-1");
        laptops.openCase(a, "A-2");
        Laptops.engine(a, Laptops.fast()).sync(shared, Laptops.KEY); // the way before segments
        laptops.openCase(b, "B-1");
        SyncReport r = Laptops.engine(b, Laptops.segments()).sync(shared, Laptops.KEY);
        assertThat(r.pulled()).isEqualTo(2);
        assertThat(r.pushed()).isEqualTo(1);
        assertThat(segmentFiles()).hasSize(1);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(Laptops.ids(b)).hasSize(3);
        assertThat(new HashSet<>(Laptops.recordIds(shared, dir))).isEqualTo(Laptops.ids(b));
    }

    /** What can be wrong with a segment file on the drive. */
    enum Damage { TRUNCATED, ALTERED, NEWER_VERSION, OTHER_KEY }

    @ParameterizedTest
    @ValueSource(strings = {"TRUNCATED", "ALTERED", "NEWER_VERSION", "OTHER_KEY"})
    void aBadSegmentIsSetAsideAndReportedNeverMergedAndItsWriterSendsItsEntriesAgain(String kind) throws Exception {
        Damage damage = Damage.valueOf(kind);
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        SyncEngine sa = Laptops.engine(a, Laptops.segments());
        SyncEngine sb = Laptops.engine(b, Laptops.segments());
        laptops.openCase(a, "A-0");
        sa.sync(shared, Laptops.KEY);
        sb.sync(shared, Laptops.KEY);
        UUID bad = laptops.openCase(a, "A-1");
        sa.sync(shared, Laptops.KEY);
        Path seg = segmentFiles().get(0);
        byte[] bytes = Files.readAllBytes(seg);
        switch (damage) {
            case TRUNCATED -> Files.write(seg, java.util.Arrays.copyOf(bytes, bytes.length - 40));
            case ALTERED -> {
                bytes[bytes.length - 30] ^= 1;
                Files.write(seg, bytes);
            }
            case NEWER_VERSION -> Files.write(seg, new String(bytes, StandardCharsets.ISO_8859_1)
                    .replace("\"version\":2,", "\"version\":3,").getBytes(StandardCharsets.ISO_8859_1));
            case OTHER_KEY -> {
                Files.delete(seg);
                TeamKey other = TeamKey.generate();
                Segment.write(segments(), Segment.Name.parse(seg.getFileName().toString()).orElseThrow(),
                        TestAccess.entries(a).caseEntries(bad), other);
            }
        }
        laptops.openCase(a, "A-2");
        sa.sync(shared, Laptops.KEY);
        Set<UUID> bBefore = Laptops.ids(b);

        SyncReport r = sb.sync(shared, Laptops.KEY);
        assertThat(r.setAside()).hasSize(1);
        assertThat(r.pulled()).isEqualTo(1); // A-2 came; A-1's damaged segment did not
        assertThat(TestAccess.entries(b).caseEntries(bad)).isEmpty();
        assertThat(Laptops.ids(b)).containsAll(bBefore).hasSize(bBefore.size() + 1);
        assertThat(r.summary()).contains("could not be read and was set aside, not merged")
                .contains(switch (damage) {
                    case TRUNCATED, ALTERED -> "cut short or has been altered";
                    case NEWER_VERSION -> "newer version of Resolve";
                    case OTHER_KEY -> "another team key";
                });
        assertThat(Files.exists(segments().resolve("set-aside").resolve(seg.getFileName()))).isTrue();
        assertThat(Files.exists(seg)).isFalse();

        // a sees its segment set aside and sends its record again; b then holds everything
        SyncReport again = sa.sync(shared, Laptops.KEY);
        assertThat(again.pushed()).isEqualTo(3);
        sb.sync(shared, Laptops.KEY);
        assertThat(Laptops.ids(b)).isEqualTo(Laptops.ids(a)).hasSize(3);
        assertThat(sa.sync(shared, Laptops.KEY).nothingNew()).isTrue();
        assertThat(sb.sync(shared, Laptops.KEY).nothingNew()).isTrue();
    }

    @Test
    void aSegmentFoldedAwayWhileBeingReadCostsARetryNotAnEntry() throws Exception {
        Services a = laptops.laptop("a");
        Services b = laptops.laptop("b");
        Services c = laptops.laptop("c");
        laptops.openCase(a, "A-0");
        Laptops.engine(a, Laptops.segments()).sync(shared, Laptops.KEY);
        Laptops.engine(b, Laptops.segments()).sync(shared, Laptops.KEY);
        Laptops.engine(c, Laptops.segments()).sync(shared, Laptops.KEY);
        laptops.openCase(a, "A-1");
        Laptops.engine(a, Laptops.segments()).sync(shared, Laptops.KEY);
        laptops.openCase(c, "C-1");

        // c reads the segments while b folds them into the shared file (b holds them after its own sync)
        SyncEngine folder = Laptops.engine(b, Laptops.segments().withFoldAt(1));
        boolean[] done = {false};
        SyncEngine sc = Laptops.engine(c, Laptops.segments().withHook(step -> {
            if (step == SyncStep.SEGMENTS_READ && !done[0]) {
                done[0] = true;
                assertThat(folder.foldIfDue(shared, Laptops.KEY)).isTrue();
            }
        }));
        SyncReport r = sc.sync(shared, Laptops.KEY);
        assertThat(r.attempts()).isEqualTo(2);
        SyncEngine sb = Laptops.engine(b, Laptops.segments());
        sb.sync(shared, Laptops.KEY);
        Laptops.engine(a, Laptops.segments()).sync(shared, Laptops.KEY);
        assertThat(Laptops.ids(a)).isEqualTo(Laptops.ids(c)).isEqualTo(Laptops.ids(b)).hasSize(3);
    }
}
