/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import uk.resolve.app.Session;
import uk.resolve.app.Vault;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.record.EntryType;
import uk.resolve.security.Role;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;

/**
 * What writing key grants after a merge costs (decision 0017), on encrypted databases: a practitioner
 * holding the key of every one of N sealed cases imports a file that brings a new manager of her
 * team, so every case gets a grant; then imports it again (nothing new: no grant pass at all); and,
 * beside them, the floor of reading every case's entries once. Prints; asserts nothing. Run with
 * {@code mvn -P bench test-compile exec:exec -Dbench.main=uk.resolve.bench.GrantsAfterSyncBenchmark
 * -Dbench.cases=2000}.
 */
public final class GrantsAfterSyncBenchmark {

    private static final char[] PW = "a long enough password".toCharArray();
    private static final char[] PASSPHRASE = "four unrelated words for the file".toCharArray();

    private GrantsAfterSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        System.out.printf("Grants after a merge, encrypted H2: %d cases, %d processors, Java %s%n", n,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Path dir = Files.createTempDirectory("resolve-bench-grants");
        MutableClock clock = MutableClock.at("2026-11-25T10:00");
        Vault a = own(dir, clock, "a", "alice", Role.PRACTITIONER);
        Vault b = own(dir, clock, "b", "mary", Role.MANAGER);
        Path fromB = dir.resolve("from-b.resolve");
        try (Session mary = b.signIn("mary", PW)) {
            var s = mary.services();
            s.cases().open(Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-11-24T09:00"));
            s.sync().export(fromB, List.of(), PASSPHRASE, x -> { });
        }
        clock.advance(Duration.ofMinutes(1));
        try (Session alice = a.signIn("alice", PW)) {
            var s = alice.services();
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                s.cases().open(Fixtures.openRequest(s, "havering", ChildStatus.CHILD_IN_NEED, "2026-11-24T09:00"));
            }
            System.out.printf("%-52s %8d ms%n", "open " + n + " sealed cases (setting up)", ms(t));
            // the floor: every case's entries read once, as the grant pass must at least do
            t = System.nanoTime();
            int[] read = {0};
            uk.resolve.app.TestAccess.entries(s).forEachCase(list -> read[0] += list.size());
            System.out.printf("%-52s %8d ms   (%d entries)%n", "floor: read every case's entries once", ms(t), read[0]);
            long grantsBefore = uk.resolve.app.TestAccess.entries(s).ofType(EntryType.CASE_KEY).size();
            t = System.nanoTime();
            s.sync().importFile(fromB, PASSPHRASE, x -> { });
            long grants = uk.resolve.app.TestAccess.entries(s).ofType(EntryType.CASE_KEY).size() - grantsBefore;
            System.out.printf("%-52s %8d ms   (%d grants written)%n", "import bringing a new manager, with grants",
                    ms(t), grants);
            t = System.nanoTime();
            s.sync().importFile(fromB, PASSPHRASE, x -> { });
            System.out.printf("%-52s %8d ms%n", "the same import again: nothing new", ms(t));
            long seq = uk.resolve.app.TestAccess.entries(s).lastLocalSeq() - 3 * n;
            t = System.nanoTime();
            int again = s.cases().grantKeysAfterMerge(Math.max(0, seq));
            System.out.printf("%-52s %8d ms   (%d grants due)%n", "grant pass over " + n + " cases, none due", ms(t),
                    again);
        }
    }

    private static Vault own(Path dir, MutableClock clock, String name, String person, Role role) {
        Vault v = Vault.at(dir.resolve(name).resolve("resolve.mv.db"), clock);
        try (Session admin = v.createFirstAdministrator("admin-" + name, PW, "")) {
            admin.addUser(person, person, role, "Riverside", PW);
        }
        clock.advance(Duration.ofMinutes(1));
        return v;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
