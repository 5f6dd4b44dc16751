/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

import uk.resolve.app.ReportService;
import uk.resolve.app.Services;
import uk.resolve.app.Session;
import uk.resolve.app.SignedInKeys;
import uk.resolve.app.TestAccess;
import uk.resolve.app.Vault;
import uk.resolve.domain.report.PartnershipReport;
import uk.resolve.domain.report.ReportPeriod;
import uk.resolve.domain.report.ReportQuery;
import uk.resolve.domain.report.ReportTables;
import uk.resolve.security.Role;
import uk.resolve.store.Database;
import uk.resolve.testing.MutableClock;

/**
 * The partnership report as a user runs it, on an encrypted database: what the Reports screen's task does
 * ({@link ReportService#compute} with progress, then {@link ReportTables#of} for the tables' text), the first
 * time in a new session and again in the same session, beside a raw JDBC scan of the entry table measured in
 * the same round. The cases are written as users' are ({@link SealedCases}: sealed under their case keys, a
 * third resolved with learning whose board copy is wrapped for the partnership's report key), so the report
 * opens board text as the business team's does; the manager's report (her team's board text, by case keys)
 * is measured too. Prints wall time, the thread's CPU time and the heap's peak; asserts nothing. Run with
 * {@code mvn -P bench test-compile exec:exec -Dbench.main=uk.resolve.bench.ReportFactReadBenchmark
 * -Dbench.cases=50000 -Dbench.heap=256m} (the heap target: a run that completes fits in it).
 */
public final class ReportFactReadBenchmark {

    private static final String SCAN = "SELECT id, case_id, type, author, device, device_seq, written_at, happened_at,"
            + " data, prev_hash, hash FROM entry";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReportFactReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path file = Files.createTempDirectory("resolve-bench-report").resolve("bench.mv.db");
        MutableClock clock = MutableClock.at("2026-11-25T12:00");
        Vault vault = Vault.at(file, clock);
        char[] password = "a long bench password".toCharArray();
        try (Session admin = vault.createFirstAdministrator("admin", password, "")) {
            admin.addUser("bench", "Bench Manager", Role.MANAGER, SealedCases.TEAM, password);
            // the business team's first person: the administrator's Resolve makes and grants the report key
            admin.addUser("board", "Board Analyst", Role.BUSINESS_TEAM, "Partnership", password);
        }
        long made = System.nanoTime();
        long entries;
        try (Session session = vault.signIn("bench", password)) {
            Services s = session.services();
            TestAccess.database(s).writeInBulk();
            SealedCases.populate(s, SignedInKeys.of(session), clock, n);
            entries = TestAccess.entries(s).count();
        }
        System.out.printf("The report, encrypted H2: %d cases, %d entries (made in %d s), %d processors, max heap %d MB,"
                + " Java %s%n", n, entries, (System.nanoTime() - made) / 1_000_000_000L,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        ReportQuery query = new ReportQuery(new ReportPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)),
                null);
        for (int round = 1; round <= 3; round++) {
            for (String who : new String[] {"board", "bench"}) {
                try (Session session = vault.signIn(who, password)) {
                    Services s = session.services();
                    Database db = TestAccess.database(s);
                    Measured floor = measure(() -> scan(db));
                    Measured first = measure(() -> asTheScreen(s.reports(), query));
                    Measured again = measure(() -> asTheScreen(s.reports(), query));
                    String person = who.equals("board") ? "business team" : "manager";
                    System.out.printf("round %d, %-13s | entry scan %6d ms | report, first in session %6d ms ="
                                    + " %5.2f x scan, cpu %6d ms, peak heap %4d MB | again %6d ms = %5.2f x scan,"
                                    + " cpu %6d ms | %s | target < 1000 ms, < 256 MB%n", round, person, floor.ms,
                            first.ms, (double) first.ms / floor.ms, first.cpuMs, first.peakMb, again.ms,
                            (double) again.ms / floor.ms, again.cpuMs, first.what);
                }
            }
        }
    }

    /** What the Reports screen's task does off the application thread. */
    private static String asTheScreen(ReportService reports, ReportQuery query) {
        long[] told = {0};
        PartnershipReport r = reports.compute(query, (done, total, message) -> told[0]++);
        int lines = ReportTables.of(r).stream().mapToInt(t -> t.rows().size()).sum();
        return r.summary().raised() + " raised, " + r.learning().size() + " learning items, " + lines
                + " table rows";
    }

    private record Measured(long ms, long cpuMs, long peakMb, String what) {
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static Measured measure(Work w) throws Exception {
        try (HeapPeak heap = HeapPeak.start()) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            Object what = w.run();
            long ms = (System.nanoTime() - t) / 1_000_000;
            return new Measured(ms, (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000, heap.bytes() >> 20,
                    String.valueOf(what));
        }
    }

    /** The floor: every column of every entry read once over JDBC, nothing made of them. */
    private static Object scan(Database db) throws Exception {
        long rows = 0;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(SCAN)) {
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
        }
        return rows;
    }
}
