/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;

/**
 * Prints how long sync takes (not a test). Run with
 * {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=uk.resolve.sync.SyncBenchmark}.
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("resolve-sync-bench");
        Clock clock = Clock.systemUTC();
        Path shared = Files.createDirectories(dir.resolve("drive")).resolve("team.mv.db");
        try (Services a = Services.openUnencrypted(dir.resolve("a/resolve.mv.db"), clock, uk.resolve.testing.Fixtures.actor("Bench A"));
             Services b = Services.openUnencrypted(dir.resolve("b/resolve.mv.db"), clock, uk.resolve.testing.Fixtures.actor("Bench B"))) {
            Map<SyncStep, Long> steps = new EnumMap<>(SyncStep.class);
            long[] last = {0};
            SyncEngine.Options timed = SyncEngine.Options.defaults().withHook(s -> {
                long now = System.nanoTime();
                steps.merge(s, now - last[0], Long::sum);
                last[0] = now;
            });
            SyncEngine ea = new SyncEngine(a.database(), a.entries(), a.settings(), clock, timed);
            SyncEngine eb = new SyncEngine(b.database(), b.entries(), b.settings(), clock, timed);

            fill(a, 10_000);
            run("Full sync of 10,000 entries into an empty shared file", () -> ea.sync(shared, Laptops.KEY), steps, last);

            fill(b, 90_000);
            run("Full sync of 90,000 entries into the shared file of 10,000 (receives 10,000)", () -> eb.sync(shared, Laptops.KEY),
                    steps, last);
            run("Sync receiving 90,000 entries from the shared file of 100,000", () -> ea.sync(shared, Laptops.KEY), steps, last);
            fill(a, 100);
            run("Incremental sync of 100 new entries into a shared file of 100,000", () -> ea.sync(shared, Laptops.KEY), steps, last);
            run("Sync with nothing new (shared file of 100,100)", () -> ea.sync(shared, Laptops.KEY), steps, last);
            System.out.printf("Shared file size: %.1f MB%n", Files.size(shared) / 1e6);
        }
    }

    private interface Sync {
        SyncReport run();
    }

    private static void run(String what, Sync sync, Map<SyncStep, Long> steps, long[] last) {
        System.gc();
        resetPeaks();
        steps.clear();
        long t0 = System.nanoTime();
        last[0] = t0;
        SyncReport r = sync.run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%-80s %7d ms   peak heap %5.0f MB   %s%n", what, ms, peakHeap() / 1e6, r.summary());
        if (!steps.isEmpty()) {
            StringBuilder sb = new StringBuilder("    steps:");
            steps.forEach((s, ns) -> sb.append(' ').append(s.name().toLowerCase()).append('=').append(ns / 1_000_000)
                    .append("ms"));
            System.out.println(sb);
        }
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
                s.entries().append(batch);
                batch.clear();
            }
        }
        s.entries().append(batch);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

}
