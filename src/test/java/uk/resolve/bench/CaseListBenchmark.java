/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.testing.MutableClock;

/**
 * Prints how long it takes to load and filter a list of many cases. Not a test: run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=uk.resolve.bench.CaseListBenchmark [-Dexec.args=50000]}.
 */
public final class CaseListBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path dir = Files.createTempDirectory("resolve-bench");
        MutableClock clock = MutableClock.at("2026-11-25T12:00");
        try (Services s = Services.openUnencrypted(dir.resolve("bench.mv.db"), clock, uk.resolve.testing.Fixtures.actor("Bench"))) {
            long t0 = System.nanoTime();
            String[] policies = {"croydon", "havering", "kingston-richmond", "north-somerset", "safety-of-children"};
            List<NewEntry> batch = new ArrayList<>();
            Instant base = clock.instant().minus(Duration.ofDays(400));
            for (int i = 0; i < n; i++) {
                String policy = policies[i % policies.length];
                var p = s.policies().require(policy);
                UUID caseId = UUID.randomUUID();
                Instant opened = base.plus(Duration.ofMinutes(11L * i));
                batch.add(new NewEntry(caseId, caseId, EntryType.CASE_OPENED, "Bench", opened, opened, new java.util.TreeMap<>(Map.of(
                        "policy", policy, "policyVersion", p.version(), "track", p.defaultTrack().id(), "startStage", "1",
                        "childRef", "REF-" + i, "raisedBy", "Worker " + (i % 300), "raisedAgency", "Agency " + (i % 17),
                        "otherAgency", "Agency " + (i % 13), "category", p.categories().get(0).label(),
                        "concern", "Concern number " + i))));
                batch.add(NewEntry.of(caseId, EntryType.DISCUSSION_RECORDED, "Bench", opened, opened.plusSeconds(3600),
                        Map.of("stage", "1", "with", "Other worker", "summary", "Discussed", "resolved", "false")));
                batch.add(NewEntry.of(caseId, EntryType.ESCALATED, "Bench", opened, opened.plusSeconds(86_400),
                        Map.of("stage", "1", "toStage", "2", "reason", "Unresolved")));
                if (i % 3 == 0) {
                    batch.add(NewEntry.of(caseId, EntryType.RESOLVED, "Bench", opened, opened.plusSeconds(2 * 86_400),
                            Map.of("stage", "2", "outcome", "Agreed")));
                }
                if (batch.size() >= 5_000) {
                    TestAccess.entries(s).append(batch);
                    batch.clear();
                }
            }
            TestAccess.entries(s).append(batch);
            System.out.printf("created %d cases (%d entries) in %d ms%n", n, TestAccess.entries(s).count(), (System.nanoTime() - t0) / 1_000_000);

            for (int round = 1; round <= 2; round++) {
                long t = System.nanoTime();
                int[] count = {0};
                TestAccess.entries(s).forEachCase(l -> count[0] += l.size());
                System.out.printf("read %d entries by case in %d ms%n", count[0], (System.nanoTime() - t) / 1_000_000);
            }
            for (int round = 1; round <= 3; round++) {
                System.gc();
                long t = System.nanoTime();
                List<CaseState> list = s.cases().list();
                long ms = (System.nanoTime() - t) / 1_000_000;
                Runtime rt = Runtime.getRuntime();
                System.gc();
                System.out.printf("list() round %d: %d cases in %d ms, heap retained with the list %d MB%n", round,
                        list.size(), ms, (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
            }
        }
    }
}
