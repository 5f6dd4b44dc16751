/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import uk.resolve.app.Services;
import uk.resolve.domain.record.Entry;
import uk.resolve.store.Database;
import uk.resolve.store.EntryStore;
import uk.resolve.testing.MutableClock;

/** Sync between separate operating-system processes, as between computers on one shared drive. */
class SyncProcessesIT {

    @TempDir
    Path dir;

    /** 0: whole-file sync; otherwise segment sync, folding at that many segments. */
    private int foldAt;

    private Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dresolve.sync.foldAt=" + foldAt, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                SyncWorker.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @ParameterizedTest(name = "fold at {0} segments (0: whole file)")
    @ValueSource(ints = {0, 6})
    void fiveProcessesSyncingOneSharedFileAtOnceEndWithEveryEntryExactlyOnce(int fold) throws Exception {
        foldAt = fold;
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ps.add(start("burst", dir.resolve("pc" + i + "/resolve.mv.db").toString(), shared.toString(), "200",
                    fold == 0 ? "100" : "25"));
        }
        for (Process p : ps) {
            assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("worker finished in time").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("DONE");
        }
        Set<UUID> made = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            try (Database db = Database.open(dir.resolve("pc" + i + "/resolve.mv.db"))) {
                List<Entry> own = new EntryStore(db, "x").all().stream()
                        .filter(e -> e.author().startsWith("Worker")).toList();
                own.stream().filter(e -> e.device().equals(own.get(0).device())).forEach(e -> made.add(e.id()));
            }
        }
        assertThat(made).hasSize(1000);
        if (fold > 0) {
            // every entry is on the drive, in the shared file or a segment; then one last fold takes in the rest
            assertThat(new HashSet<>(Laptops.recordIds(shared, dir))).isEqualTo(made);
            foldEverything(dir.resolve("pc0/resolve.mv.db"), shared);
        }
        List<UUID> inShared = Laptops.sharedIds(shared, dir);
        assertThat(inShared).hasSize(1000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(inShared)).isEqualTo(made);
        try (var files = Files.list(shared.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    fold == 0 ? List.of("team.mv.db") : List.of("team.mv.db", "team.segments"));
        }
        assertSegmentsFolderEmpty(shared);
    }

    /** One more sync and a fold by the computer whose database is {@code local}, with a fold due at once. */
    private static void foldEverything(Path local, Path shared) {
        try (Services s = Services.openUnencrypted(local, MutableClock.at("2026-12-21T10:00"),
                uk.resolve.testing.Fixtures.actor("Worker"))) {
            SyncEngine engine = Laptops.engine(s, Laptops.segments().withFoldAt(1)
                    .withLease(Duration.ofSeconds(4), Duration.ofSeconds(10)));
            engine.sync(shared, Laptops.KEY);
            engine.foldIfDue(shared, Laptops.KEY); // nothing to fold when the workers' own folds took everything
        }
    }

    private static void assertSegmentsFolderEmpty(Path shared) throws IOException {
        Path segments = shared.resolveSibling("team.segments");
        if (Files.exists(segments)) {
            try (var files = Files.list(segments)) {
                assertThat(files).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "fold at {0} segments (0: whole file)")
    @ValueSource(ints = {0, 3})
    void aSyncKilledAtRandomMomentsNeverLeavesABrokenSharedFileNorLosesAnEntry(int fold) throws Exception {
        foldAt = fold;
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        Path local = dir.resolve("pc/resolve.mv.db");
        Random random = new Random(20261221);
        Set<UUID> committed = new HashSet<>();
        Set<UUID> synced = new HashSet<>();
        int syncsSeen = 0;
        long roundMillis = 1500;
        for (int round = 0; round < 20; round++) {
            Process p = start("loop", local.toString(), shared.toString());
            List<String> lines = new CopyOnWriteArrayList<>();
            List<Long> stamps = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                        boolean firstRecord = line.startsWith("COMMITTED") && stamps.isEmpty();
                        if (firstRecord || line.equals("SYNCED") && stamps.size() == 1) {
                            stamps.add(System.nanoTime());
                        }
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            reader.start();
            // wait until it has recorded something, then kill it a random moment later
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (lines.isEmpty() && p.isAlive() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            // kill within about one record-and-sync round, measured as the test goes, so that the
            // kills land all through the sync however fast or slow this machine is
            Thread.sleep(random.nextInt((int) Math.max(200, Math.min(6000, roundMillis * 2))));
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            reader.join(5000);

            Set<UUID> pending = new HashSet<>();
            for (String line : lines) {
                if (line.startsWith("COMMITTED")) {
                    for (String id : line.substring("COMMITTED".length()).trim().split(" ")) {
                        pending.add(UUID.fromString(id));
                    }
                } else if (line.equals("SYNCED")) {
                    synced.addAll(pending);
                    committed.addAll(pending);
            if (stamps.size() == 2) {
                // from the first record to the end of the first sync
                roundMillis = (stamps.get(1) - stamps.get(0)) / 1_000_000;
            }
                    pending.clear();
                    syncsSeen++;
                }
            }
            committed.addAll(pending);

            // the shared file and every segment always open and hold everything a finished sync reported
            assertThat(new HashSet<>(Laptops.recordIds(shared, dir))).as("round %d", round).containsAll(synced);
            // the local database holds every entry that was committed
            assertThat(Laptops.idsIn(local)).as("round %d", round).containsAll(committed);
        }
        assertThat(syncsSeen).as("syncs that finished between kills").isGreaterThanOrEqualTo(3);

        // the next sync, on this computer, completes what was interrupted (the dead lease is broken)
        try (Services s = Services.openUnencrypted(local, MutableClock.at("2026-12-21T10:00"), uk.resolve.testing.Fixtures.actor("Worker"))) {
            SyncEngine engine = Laptops.engine(s, Laptops.fast().withLease(Duration.ofSeconds(4), Duration.ofSeconds(5)));
            engine.sync(shared, Laptops.KEY);
            Set<UUID> all = Laptops.ids(s);
            assertThat(all).containsAll(committed);
            assertThat(new HashSet<>(Laptops.recordIds(shared, dir))).isEqualTo(all);
        }
        if (fold > 0) {
            foldEverything(local, shared);
            try (Database db = Database.open(local)) {
                Set<UUID> all = new HashSet<>();
                new EntryStore(db, "x").all().forEach(e -> all.add(e.id()));
                List<UUID> inShared = Laptops.sharedIds(shared, dir);
                assertThat(inShared).doesNotHaveDuplicates();
                assertThat(new HashSet<>(inShared)).isEqualTo(all);
            }
        }
        try (var files = Files.list(shared.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    fold == 0 ? List.of("team.mv.db") : List.of("team.mv.db", "team.segments"));
        }
        assertSegmentsFolderEmpty(shared);
    }
}
