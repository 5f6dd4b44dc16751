/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import uk.resolve.app.Services;
import uk.resolve.app.Session;
import uk.resolve.app.TestAccess;
import uk.resolve.app.SignedInKeys;
import uk.resolve.app.Vault;
import uk.resolve.security.Role;
import uk.resolve.domain.report.ReportPeriod;
import uk.resolve.domain.report.ReportQuery;
import uk.resolve.store.Database;
import uk.resolve.testing.MutableClock;
import uk.resolve.ui.home.HomeViewModel;
import uk.resolve.ui.support.Background;

/**
 * What a user with many cases waits for, on an <em>encrypted</em> database as every user's is, each
 * figure printed beside floors measured in the same run (a raw JDBC scan of the entry table, a raw
 * copy of the database file) and the target of issue 14, so that the ratio can be read on a noisy
 * machine. The heap figure is the live heap: the most the heap held just after a collection during
 * the step, or with the step's result still held after a full collection at its end, whichever is
 * more (not the pools' peak, which counts garbage not yet collected). The list's figures are also
 * printed beside a raw JDBC scan of the table the list reads; every figure with the CPU time the process
 * spent on it (collections included), which waiting for a core does not inflate. Prints; asserts
 * nothing. Run with {@code mvn -P bench test-compile exec:exec -Dbench.main=uk.resolve.bench.ReadModelBenchmark
 * -Dbench.cases=50000}. With the environment variable
 * {@code RESOLVE_BENCH_DIR} naming a folder, the generated database (and its key file) is kept there
 * and used again by the next run with the same number of cases, which then skips the minutes of
 * generating it (a copy of the folder keeps an earlier schema for comparing versions).
 */
public final class ReadModelBenchmark {

    private ReadModelBenchmark() {
    }

    private static final String PERSON = "bench";
    private static long floorMs;
    private static long copyMs;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        System.out.printf("Read models, encrypted H2: %d cases, %d processors, max heap %d MB, Java %s%n", n,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        String kept = System.getenv("RESOLVE_BENCH_DIR");
        Path dir = kept == null ? Files.createTempDirectory("resolve-bench-rm") : Files.createDirectories(Path.of(kept));
        Path file = dir.resolve("bench-" + n + ".mv.db");
        MutableClock clock = MutableClock.at("2026-11-25T12:00");
        // signed in as users are: an encrypted database, the person's keys, every case sealed under its own key
        Vault vault = Vault.at(file, clock);
        char[] password = "a long bench password".toCharArray();
        if (Files.exists(file)) {
            System.out.println("using the database generated before in " + dir);
        } else {
            generate(vault, clock, password, n);
        }
        run(vault, file, password);
    }

    private static void generate(Vault vault, MutableClock clock, char[] password, int n) throws Exception {
        try (Session admin = vault.createFirstAdministrator("admin", password, "")) {
            admin.addUser(PERSON, "Bench Manager", Role.MANAGER, SealedCases.TEAM, password);
        }
        try (Session session = vault.signIn(PERSON, password)) {
            Services s = session.services();
            long t = System.nanoTime();
            TestAccess.database(s).writeInBulk(); // generated once per run, in larger commits; closing writes it all
            SealedCases.populate(s, SignedInKeys.of(session), clock, n);
            System.out.printf("%-44s %8d ms   (%d entries, every case sealed, one key grant each)%n",
                    "create " + n + " cases (summaries kept)", (System.nanoTime() - t) / 1_000_000,
                    TestAccess.entries(s).count());
        }
    }

    private static void run(Vault vault, Path file, char[] password) throws Exception {
        for (int round = 1; round <= 2; round++) {
            // in a session of its own, closed before the list's, so that it leaves no page in the list's cache
            try (Session probe = vault.signIn(PERSON, password)) {
                listFloorMs = time(() -> scanList(TestAccess.database(probe.services())));
            }
            Session session = vault.signIn(PERSON, password);
            Services s = session.services();
            Database db = TestAccess.database(s);
            floorMs = time(() -> scan(db));
            Path copy = file.resolveSibling("copy.mv.db");
            copyMs = time(() -> Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
            Files.delete(copy);
            System.out.printf("%n-- round %d: floors: raw JDBC scan of every entry %d ms; raw copy of the %d MB"
                    + " database file %d ms; raw JDBC scan of the table the list reads (%s) %d ms --%n", round, floorMs,
                    Files.size(file) >> 20, copyMs, listTable, listFloorMs);
            printList(round == 1 ? "My escalations ready (first list ever)" : "My escalations ready (new session)",
                    measure(() -> {
                try (Background background = new Background(Runnable::run)) {
                    HomeViewModel vm = new HomeViewModel(s.cases(), uk.resolve.app.Preferences.of(s), background);
                    vm.load();
                    background.awaitIdle(Duration.ofMinutes(5));
                    return vm;
                }
            }));
            printList("My escalations again, same session", measure(() -> {
                try (Background background = new Background(Runnable::run)) {
                    HomeViewModel again = new HomeViewModel(s.cases(), uk.resolve.app.Preferences.of(s), background);
                    again.load();
                    background.awaitIdle(Duration.ofMinutes(5));
                    return again;
                }
            }));
            // where a warm list's time goes: the stored rows alone, the service's listings, the whole screen's load
            long[] parts = new long[3];
            java.util.Arrays.fill(parts, Long.MAX_VALUE);
            for (int i = 0; i < 5; i++) {
                parts[0] = Math.min(parts[0], time(() -> {
                    int[] k = {0};
                    TestAccess.summaries(s).forEachListing(x -> k[0]++);
                    return k[0];
                }));
                parts[1] = Math.min(parts[1], time(() -> s.cases().listings(l -> l)));
                parts[2] = Math.min(parts[2], time(() -> {
                    try (Background background = new Background(Runnable::run)) {
                        HomeViewModel again = new HomeViewModel(s.cases(), uk.resolve.app.Preferences.of(s), background);
                        again.load();
                        background.awaitIdle(Duration.ofMinutes(5));
                        return again;
                    }
                }));
            }
            System.out.printf("%-40s %7d ms stored rows read, %d ms the service's listings, %d ms the screen's"
                    + " whole load (best of 5)%n", "  warm, of which", parts[0], parts[1], parts[2]);
            HomeViewModel vm;
            try (Background background = new Background(Runnable::run)) {
                vm = new HomeViewModel(s.cases(), uk.resolve.app.Preferences.of(s), background);
                vm.load();
                background.awaitIdle(Duration.ofMinutes(5));
            }
            String typed = "agency 12";
            long worst = 0;
            for (int i = 0; i <= typed.length(); i++) {
                String text = typed.substring(0, i);
                worst = Math.max(worst, time(() -> {
                    vm.searchProperty().set(text);
                    return null;
                }));
            }
            System.out.printf("%-44s %8d ms  target < 16 ms    (%d rows)%n", "keystroke filter, worst of "
                    + (typed.length() + 1), worst, vm.allRows().size());
            UUID some = vm.allRows().get(vm.allRows().size() / 2).id();
            print("open a case (replays its own entries)", 50, measure(() -> s.cases().get(some)));
            print("report over every case", 1000, measure(() -> s.reports().compute(new ReportQuery(
                    new ReportPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)), null))));
            print("sign out / quit (close the database)", 200, measure(() -> {
                session.close();
                return null;
            }));
        }
    }

    private record Measured(long ms, long peakMb, long cpuMs) {
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static Measured measure(Work work) throws Exception {
        System.gc();
        LiveHeap live = new LiveHeap();
        Object[] kept = new Object[1];
        long ms;
        long cpu = processCpu();
        try {
            ms = time(() -> kept[0] = work.run());
        } finally {
            live.close();
        }
        cpu = (processCpu() - cpu) / 1_000_000;
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        kept[0] = null;
        return new Measured(ms, Math.max(live.peak, retained) >> 20, cpu);
    }

    /** The most the heap held just after any collection while it was open. */
    private static final class LiveHeap implements AutoCloseable {
        private final List<javax.management.NotificationEmitter> emitters = new java.util.ArrayList<>();
        private final javax.management.NotificationListener listener = (note, handback) -> {
            if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                    .equals(note.getType())) {
                var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                        (javax.management.openmbean.CompositeData) note.getUserData());
                long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> isHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                record(after);
            }
        };
        private volatile long peak;

        LiveHeap() {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter e) {
                    e.addNotificationListener(listener, null, null);
                    emitters.add(e);
                }
            }
        }

        private synchronized void record(long bytes) {
            peak = Math.max(peak, bytes);
        }

        private static boolean isHeap(String pool) {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .anyMatch(m -> m.getName().equals(pool) && m.getType() == MemoryType.HEAP);
        }

        @Override
        public void close() {
            for (var e : emitters) {
                try {
                    e.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            }
        }
    }

    /** The CPU time of the whole process (the list is made on a worker thread; collections count too). */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long time(Work work) throws Exception {
        long t = System.nanoTime();
        work.run();
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static void print(String what, long targetMs, Measured m) {
        System.out.printf("%-40s %7d ms  target < %4d ms  = %6.3f × scan  = %6.3f × copy   live heap %3d MB"
                + " (target < 256)   CPU %d ms%n", what, m.ms(), targetMs,
                floorMs == 0 ? Double.NaN : (double) m.ms() / floorMs, copyMs == 0 ? Double.NaN : (double) m.ms() / copyMs,
                m.peakMb(), m.cpuMs());
    }

    /** As {@link #print}, and beside the scan of the table the list reads. */
    private static void printList(String what, Measured m) {
        print(what, 500, m);
        System.out.printf("%-40s %7s     = %6.3f × the raw scan of %s (%d ms)%n", "", "",
                listFloorMs == 0 ? Double.NaN : (double) m.ms() / listFloorMs, listTable, listFloorMs);
    }

    private static long listFloorMs;
    private static String listTable = "case_listing";

    /** The list's floor: every column of every row of the table the list reads, read once over JDBC. */
    private static Object scanList(Database db) throws Exception {
        long bytes = 0;
        try (Connection c = db.connection()) {
            try (ResultSet t = c.getMetaData().getTables(null, "PUBLIC", "CASE_LIST_BLOCK", null)) {
                listTable = t.next() ? "case_list_block" : "case_listing";
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + listTable)) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            Object o = rs.getObject(i);
                            bytes += o == null ? 0 : o instanceof byte[] b ? b.length : 1;
                        }
                    }
                }
            }
        }
        return bytes;
    }

    /** The floor: every entry's columns read once over JDBC, nothing made of them. */
    private static Object scan(Database db) throws Exception {
        long chars = 0;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, case_id, type, author, device, device_seq, written_at, happened_at, data, prev_hash, hash"
                        + " FROM entry")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    chars += rs.getString(9).length() + rs.getString(11).length();
                }
            }
        }
        return chars;
    }
}
