/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import uk.resolve.app.Services;
import uk.resolve.app.Session;
import uk.resolve.app.Vault;
import uk.resolve.security.Keyring;
import uk.resolve.security.Role;
import uk.resolve.store.Database;
import uk.resolve.testing.MutableClock;

/**
 * Sign-in on an encrypted database with signed entries and several people's keys: the whole
 * {@code Vault.signIn} (Argon2id derivation, unwrapping the database key and the person's signing
 * and encryption keys, opening the database, checking the person's keys are registered), beside a
 * floor measured in the same run: opening the same H2 file with its key already known. Medians of
 * several runs. Prints figures; asserts nothing. Run with
 * {@code mvn -P bench test-compile exec:exec -Dbench.main=uk.resolve.bench.SignInBenchmark -Dbench.cases=1000}.
 */
public final class SignInBenchmark {

    private static final int RUNS = 7;
    private static final int PEOPLE = 6;
    private static final long TARGET_MS = 1_000;

    private SignInBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        System.out.printf("Resolve sign-in benchmark: %d cases, %d people, %d runs, %d processors, max heap %d MB,"
                + " Java %s%n", n, PEOPLE + 1, RUNS, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        Path dir = Files.createTempDirectory("resolve-signin-bench");
        Path file = dir.resolve("bench.mv.db");
        MutableClock clock = MutableClock.at("2026-11-25T12:00");
        try (Services s = Services.openUnencrypted(file, clock, uk.resolve.testing.Fixtures.actor("Bench"))) {
            Benchmarks.populate(s, clock, n);
        }
        char[] password = "a long bench password".toCharArray();
        Vault vault = Vault.at(file, clock);
        try (Session admin = vault.createFirstAdministrator("admin", password, "Bench team")) {
            for (int i = 1; i <= PEOPLE; i++) {
                String who = "person" + i;
                admin.addUser(who, "", Role.MANAGER, "Bench team", password);
                try (Session first = vault.signIn(who, password)) {
                    first.changePassword(password, password); // as at their first sign-in
                }
            }
        }
        byte[] key = Keyring.load(vault.keyFile()).slot("admin").orElseThrow().key()
                .unwrap(password, "resolve database key for admin");

        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Long> floor = new ArrayList<>();
        List<Long> floorCpu = new ArrayList<>();
        List<Long> argon = new ArrayList<>();
        List<Long> whole = new ArrayList<>();
        List<Long> wholeCpu = new ArrayList<>();
        Keyring.Slot slot = Keyring.load(vault.keyFile()).slot("person1").orElseThrow();
        for (int round = 0; round < RUNS; round++) {
            // alternated, so that each sees the same state of the machine
            long c = cpu.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            Database db = Database.open(file, key.clone());
            floor.add(System.nanoTime() - t);
            floorCpu.add(cpu.getCurrentThreadCpuTime() - c);
            db.close();
            t = System.nanoTime();
            Arrays.fill(slot.key().kdf().derive(password), (byte) 0);
            argon.add(System.nanoTime() - t);
            c = cpu.getCurrentThreadCpuTime();
            t = System.nanoTime();
            Session s = vault.signIn("person" + (1 + round % PEOPLE), password);
            whole.add(System.nanoTime() - t);
            wholeCpu.add(cpu.getCurrentThreadCpuTime() - c);
            s.close();
        }
        Arrays.fill(key, (byte) 0);
        long median = median(whole);
        System.out.printf("load average %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        print("floor: open the encrypted H2 file, key known", floor, floorCpu);
        print("Argon2id derivation alone", argon, null);
        print("sign-in: Argon2id + keys + open + registration", whole, wholeCpu);
        System.out.printf("sign-in above the floor (median): %d ms; target < %d ms: %s%n",
                (median - median(floor)) / 1_000_000, TARGET_MS, median / 1_000_000 < TARGET_MS ? "met" : "NOT met");
    }

    /** Wall-clock median, least and most; and the median CPU time of the calling thread, when measured. */
    private static void print(String what, List<Long> nanos, List<Long> cpuNanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        System.out.printf("%-50s median %5d ms   min %5d ms   max %5d ms%s%n", what, median(nanos) / 1_000_000,
                sorted.get(0) / 1_000_000, sorted.get(sorted.size() - 1) / 1_000_000,
                cpuNanos == null ? "" : String.format("   CPU median %5d ms", median(cpuNanos) / 1_000_000));
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
