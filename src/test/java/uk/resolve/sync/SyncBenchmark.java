/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;

/**
 * Prints how long sync takes (not a test), on encrypted databases, each figure beside a raw copy
 * of the shared file measured in the same run, for the shared file and for a PostgreSQL server
 * started from Maven. Run with
 * {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=uk.resolve.sync.SyncBenchmark}
 * and {@code MAVEN_OPTS=-Xmx400m} to hold it to the heap the targets name.
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("resolve-sync-bench");
        Clock clock = Clock.systemUTC();
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        System.out.printf("Max heap %d MB; every database encrypted; floor = a raw copy of the shared file now.%n",
                Runtime.getRuntime().maxMemory() / 1_000_000);
        try (Services a = encrypted(dir.resolve("a/resolve.mv.db"), clock, "Bench A");
             Services b = encrypted(dir.resolve("b/resolve.mv.db"), clock, "Bench B")) {
            Map<SyncStep, Long> steps = new EnumMap<>(SyncStep.class);
            long[] last = {0};
            SyncEngine.Options timed = SyncEngine.Options.defaults().withHook(s -> {
                long now = System.nanoTime();
                steps.merge(s, now - last[0], Long::sum);
                last[0] = now;
            });
            SyncEngine ea = new SyncEngine(TestAccess.database(a), TestAccess.entries(a), TestAccess.settings(a), clock, timed);
            SyncEngine eb = new SyncEngine(TestAccess.database(b), TestAccess.entries(b), TestAccess.settings(b), clock, timed);

            System.out.println("== Shared file");
            fill(a, SMALL);
            run(n(SMALL) + " entries into an empty shared file (creates it)", () -> ea.sync(shared, Laptops.KEY), steps,
                    last, shared, -1);
            fill(b, BIG);
            run("first sync: " + n(BIG) + " entries with a shared file of " + n(SMALL), () -> eb.sync(shared,
                    Laptops.KEY), steps, last, shared, 15_000);
            long before = Files.size(shared);
            run("  then the fold of its segments (housekeeping after that sync)", () -> {
                eb.foldIfDue(shared, Laptops.KEY);
                return null;
            }, steps, last, shared, -1);
            System.out.printf("    shared file %.1f MB before the fold, %.1f MB after it%n", before / 1e6,
                    Files.size(shared) / 1e6);
            run("a laptop receiving " + n(BIG) + " entries", () -> ea.sync(shared, Laptops.KEY), steps, last, shared, -1);
            fill(a, 100);
            run("100 new entries into a shared file of " + n(SMALL + BIG), () -> ea.sync(shared, Laptops.KEY), steps, last,
                    shared, 1_000);
            run("nothing new (shared file of " + n(SMALL + BIG + 100) + ")", () -> ea.sync(shared, Laptops.KEY), steps, last, shared, 100);
            run("the other laptop receiving those 100", () -> eb.sync(shared, Laptops.KEY), steps, last, shared, 1_000);
            System.out.printf("Shared file %.1f MB%n", Files.size(shared) / 1e6);
        }
        if (!Boolean.getBoolean("bench.noServer")) {
            server(dir, clock, shared);
        }
    }

    /** {@code -Dbench.scale=0.2} runs every size at a fifth, for a quick look; the targets are for 1. */
    private static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));
    private static final int SMALL = (int) (10_000 * SCALE);
    private static final int BIG = (int) (90_000 * SCALE);

    private static String n(int count) {
        return String.format("%,d", count);
    }

    private static void server(Path dir, Clock clock, Path shared) throws Exception {
        System.out.println("== PostgreSQL server (started from Maven, on this machine); floor = a raw JDBC read of"
                + " every row of resolve_entry now");
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
                .builder().start();
             Services a = encrypted(dir.resolve("pa/resolve.mv.db"), clock, "Bench A");
             Services b = encrypted(dir.resolve("pb/resolve.mv.db"), clock, "Bench B")) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            ServerSync sa = new ServerSync(TestAccess.entries(a), TestAccess.settings(a), clock, s -> { }, Laptops.engine(a, SyncEngine.Options.defaults()).quarantine());
            ServerSync sb = new ServerSync(TestAccess.entries(b), TestAccess.settings(b), clock, s -> { }, Laptops.engine(b, SyncEngine.Options.defaults()).quarantine());
            Map<SyncStep, Long> none = new EnumMap<>(SyncStep.class);
            long[] last = {0};
            Floor scan = () -> scanMillis(url);
            fill(a, SMALL);
            run(n(SMALL) + " entries into an empty server", () -> sa.sync(url, "postgres", new char[0], Laptops.KEY), none,
                    last, scan, -1);
            fill(b, BIG);
            run("first sync: " + n(BIG) + " entries with a server of " + n(SMALL), () -> sb.sync(url, "postgres",
                    new char[0], Laptops.KEY), none, last, scan, 15_000);
            run("a laptop receiving " + n(BIG) + " entries", () -> sa.sync(url, "postgres", new char[0], Laptops.KEY), none,
                    last, scan, -1);
            fill(a, 100);
            run("100 new entries into a server of " + n(SMALL + BIG), () -> sa.sync(url, "postgres", new char[0],
                    Laptops.KEY), none, last, scan, 1_000);
            run("nothing new (server of " + n(SMALL + BIG + 100) + ")", () -> sa.sync(url, "postgres", new char[0],
                    Laptops.KEY), none, last, scan, 100);
            run("the other laptop receiving those 100", () -> sb.sync(url, "postgres", new char[0], Laptops.KEY), none,
                    last, scan, 1_000);
        }
    }

    /** Reading every row of the server's entry table over plain JDBC: the floor of a server sync. */
    private static long scanMillis(String url) throws java.io.IOException {
        long t0 = System.nanoTime();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(false);
            try (java.sql.Statement st = c.createStatement()) {
                st.setFetchSize(2_000);
                long bytes = 0;
                try (java.sql.ResultSet rs = st.executeQuery("SELECT seq, id, device, key_id, payload FROM resolve_entry"
                        + " ORDER BY seq")) {
                    while (rs.next()) {
                        bytes += rs.getBytes(5).length;
                    }
                }
                if (bytes < 0) {
                    throw new IllegalStateException();
                }
            }
        } catch (java.sql.SQLException e) {
            throw new java.io.IOException(e);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static Services encrypted(Path file, Clock clock, String who) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        return TestAccess.open(uk.resolve.store.Database.open(file, uk.resolve.security.Crypto.newKey()), clock,
                uk.resolve.testing.Fixtures.actor(who));
    }

    private interface Sync {
        SyncReport run();
    }

    private static void run(String what, Sync sync, Map<SyncStep, Long> steps, long[] last, Path shared,
                            long targetMs) throws java.io.IOException {
        run(what, sync, steps, last, () -> copyMillis(shared), targetMs);
    }

    private interface Floor {
        long millis() throws java.io.IOException;
    }

    private static void run(String what, Sync sync, Map<SyncStep, Long> steps, long[] last, Floor floorOf,
                            long targetMs) throws java.io.IOException {
        uk.resolve.bench.HeapPeak heap = uk.resolve.bench.HeapPeak.start();
        steps.clear();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        last[0] = t0;
        SyncReport r = sync.run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        long peak = heap.bytes();
        heap.close();
        long floor = floorOf.millis();
        System.out.printf("%-62s %7d ms (cpu %6d ms)  floor %5d ms  ratio %6.2f  peak heap %4.0f MB  %s%s%n", what,
                ms, cpuMs, floor, ms / (double) Math.max(1, floor), peak / 1e6, targetMs < 0 ? "" : "target < " + targetMs + " ms ",
                r == null ? "" : "(" + r.summary() + ")");
        if (!steps.isEmpty()) {
            StringBuilder sb = new StringBuilder("    steps:");
            steps.forEach((s, ns) -> sb.append(' ').append(s.name().toLowerCase()).append('=').append(ns / 1_000_000)
                    .append("ms"));
            System.out.println(sb);
        }
    }

    /** A raw copy of the shared file, as the floor any file sync is measured against. */
    private static long copyMillis(Path shared) throws java.io.IOException {
        if (!Files.exists(shared)) {
            return 0;
        }
        Path to = shared.resolveSibling("floor-copy.bin");
        long t0 = System.nanoTime();
        Files.copy(shared, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Files.delete(to);
        return ms;
    }

    /** Cases of 20 entries each (opened, then discussions), written straight into the store. */
    private static void fill(Services s, int n) {
        Instant at = Instant.parse("2026-01-05T10:00:00Z");
        List<NewEntry> batch = new ArrayList<>();
        UUID caseId = null;
        for (int i = 0; i < n; i++) {
            if (i % 20 == 0) {
                caseId = UUID.randomUUID();
                batch.add(new NewEntry(caseId, caseId, EntryType.CASE_OPENED, "Bench", at, at, new java.util.TreeMap<>(
                        Map.of("policy", "croydon", "childRef", "B" + i, "concern", "Referral closed"))));
            } else {
                batch.add(NewEntry.of(caseId, EntryType.DISCUSSION_RECORDED, "Bench", at, at.plusSeconds(i),
                        Map.of("summary", "Discussed the referral with the duty team, call " + i, "with", "Duty SW")));
            }
            if (batch.size() == 1000) {
                TestAccess.entries(s).append(batch);
                batch.clear();
            }
        }
        TestAccess.entries(s).append(batch);
    }
}
