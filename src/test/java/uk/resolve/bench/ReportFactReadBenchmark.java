/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

import uk.resolve.app.Services;
import uk.resolve.app.Session;
import uk.resolve.app.SignedInKeys;
import uk.resolve.app.TestAccess;
import uk.resolve.app.Vault;
import uk.resolve.domain.report.ReportPeriod;
import uk.resolve.domain.report.ReportQuery;
import uk.resolve.security.Role;
import uk.resolve.store.Database;
import uk.resolve.testing.MutableClock;

/**
 * How the report's typed facts ({@code report_case}, {@code report_stage}) are read from an encrypted
 * database: both tables ordered by their UUID key (as the report read them before) beside both read in the
 * order they are stored (as it reads them now), and the whole report, each beside a raw JDBC scan of the
 * entry table measured in the same round. Prints; asserts nothing. Run with {@code mvn -P bench
 * test-compile exec:exec -Dbench.main=uk.resolve.bench.ReportFactReadBenchmark -Dbench.cases=5000}.
 */
public final class ReportFactReadBenchmark {

    private static final String CASES = "SELECT case_id, policy_id, policy_version, track_id, status, sample, opened,"
            + " stage, child_ref, child_status, raised_agency, other_agency, category, resolved_at, resolved_stage,"
            + " working_days, board_text, first_due, first_due_whole_day, first_due_label, checksum FROM report_case";
    private static final String STAGES = "SELECT case_id, visit, stage, heading, entered_at, ended, working_days,"
            + " outcome, met_on_time, met_late, past_at, overdue_at FROM report_stage";

    private ReportFactReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path file = Files.createTempDirectory("resolve-bench-facts").resolve("bench.mv.db");
        MutableClock clock = MutableClock.at("2026-11-25T12:00");
        Vault vault = Vault.at(file, clock);
        char[] password = "a long bench password".toCharArray();
        try (Session admin = vault.createFirstAdministrator("admin", password, "")) {
            admin.addUser("bench", "Bench Manager", Role.MANAGER, SealedCases.TEAM, password);
        }
        try (Session session = vault.signIn("bench", password)) {
            Services s = session.services();
            TestAccess.database(s).writeInBulk();
            SealedCases.populate(s, SignedInKeys.of(session), clock, n);
        }
        System.out.printf("Report facts, encrypted H2: %d cases, %d processors%n", n,
                Runtime.getRuntime().availableProcessors());
        try (Session session = vault.signIn("bench", password)) {
            Services s = session.services();
            Database db = TestAccess.database(s);
            ReportQuery query = new ReportQuery(new ReportPeriod(LocalDate.of(2025, 1, 1),
                    LocalDate.of(2026, 12, 31)), null);
            s.reports().compute(query); // warm up
            for (int round = 1; round <= 5; round++) {
                long floor = time(() -> read(db, "SELECT id, case_id, type, author, device, device_seq, written_at,"
                        + " happened_at, data, prev_hash, hash FROM entry"));
                long rows = read(db, CASES) + read(db, STAGES);
                long ordered = time(() -> read(db, CASES + " ORDER BY case_id")
                        + read(db, STAGES + " ORDER BY case_id, visit"));
                long stored = time(() -> read(db, CASES) + read(db, STAGES));
                long report = time(() -> s.reports().compute(query).summary().raised());
                System.out.printf("round %d (%d fact rows): entry scan %5d ms | facts by UUID key %5d ms = %.2f x scan | facts in"
                        + " stored order %5d ms = %.2f x scan | report %5d ms = %.2f x scan%n", round, rows, floor, ordered,
                        (double) ordered / floor, stored, (double) stored / floor, report, (double) report / floor);
            }
        }
    }

    private interface Work {
        long run() throws Exception;
    }

    private static long time(Work w) throws Exception {
        System.gc();
        long t = System.nanoTime();
        w.run();
        return (System.nanoTime() - t) / 1_000_000;
    }

    /** Every column of every row, as objects. */
    private static long read(Database db, String sql) throws Exception {
        long rows = 0;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
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
