/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import uk.resolve.app.Services;
import uk.resolve.app.TestAccess;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.record.Entry;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.report.PartnershipReport;
import uk.resolve.domain.report.ReportPeriod;
import uk.resolve.domain.report.ReportQuery;
import uk.resolve.domain.time.UkTime;
import uk.resolve.testing.MutableClock;

import static uk.resolve.domain.escalation.EntryText.*;

/**
 * The report over 50,000 cases (about 150,000 entries) in a real H2 database: prints how long it
 * takes to read, derive and count them, and the peak heap. Not a test. Run with
 * {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=uk.resolve.report.ReportBenchmark} (optionally {@code -Dexec.args=20000}).
 */
public final class ReportBenchmark {

    private static final String[] AGENCIES = {"School", "Health", "Police", "Children's Social Care", "Housing",
            "Probation", "Voluntary sector", "Early Help"};
    private static final String[] POLICIES = {"croydon", "north-somerset", "havering"};

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path folder = Files.createTempDirectory("resolve-report-benchmark");
        MutableClock clock = MutableClock.at("2027-05-10T12:00");
        try (Services s = Services.openUnencrypted(folder.resolve("bench.mv.db"), clock, uk.resolve.testing.Fixtures.actor("Benchmark"))) {
            long t0 = System.nanoTime();
            int entries = insert(s, count, clock.instant());
            System.out.printf("Inserted %,d cases (%,d entries) in %.1f s%n", count, entries, seconds(t0));

            ReportQuery query = new ReportQuery(new ReportPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)), null);
            s.reports().compute(query); // warm up: class loading, bank holidays, JIT
            System.gc();
            resetPeaks();
            long t1 = System.nanoTime();
            String[] phase = {""};
            PartnershipReport report = s.reports().compute(query, (done, all, message) -> {
                if (!message.equals(phase[0])) {
                    phase[0] = message;
                    System.out.printf("  %6.2f s  %s%n", seconds(t1), message);
                }
            });
            double total = seconds(t1);
            System.out.printf("Report over %,d cases raised in the period: %.2f s (read, derive and count), peak heap %,d MB%n",
                    report.summary().raised(), total, peakHeapMb());
            System.out.printf("  resolved %,d, withdrawn %,d, open %,d (%,d past a deadline), average %.1f working days%n",
                    report.summary().resolved(), report.summary().withdrawn(), report.summary().open(),
                    report.summary().openPastDeadline(),
                    report.summary().resolved() == 0 ? 0.0 : (double) report.summary().resolvedWorkingDays() / report.summary().resolved());
            long t2 = System.nanoTime();
            s.reports().exportCsv(report, folder.resolve("csv"));
            System.out.printf("CSV export: %.2f s%n", seconds(t2));
            long t3 = System.nanoTime();
            s.reports().exportPdf(report, folder.resolve("report.pdf"));
            System.out.printf("PDF export: %.2f s (%,d bytes)%n", seconds(t3), Files.size(folder.resolve("report.pdf")));
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Builds and seals the cases' entries directly, and adds them in batches. */
    private static int insert(Services s, int count, Instant now) {
        Random random = new Random(42);
        Map<String, Policy> policies = new TreeMap<>();
        for (String id : POLICIES) {
            policies.put(id, s.policies().require(id));
        }
        String device = "benchmark-device";
        long seq = 0;
        String prev = "";
        int written = 0;
        List<Entry> batch = new ArrayList<>();
        Instant start = UkTime.instant(LocalDate.of(2026, 4, 1).atTime(9, 0));
        for (int i = 0; i < count; i++) {
            Policy p = policies.get(POLICIES[i % POLICIES.length]);
            UUID caseId = UUID.randomUUID();
            Instant opened = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 365)));
            Map<String, String> data = new TreeMap<>();
            data.put(POLICY, p.id());
            data.put(POLICY_VERSION, p.version());
            data.put(TRACK, p.defaultTrack().id());
            data.put(START_STAGE, "1");
            data.put(CHILD_REF, "B-" + i);
            data.put(CHILD_STATUS, ChildStatus.values()[random.nextInt(4)].code());
            data.put(RAISED_BY, "Worker " + random.nextInt(500));
            data.put(RAISED_AGENCY, AGENCIES[random.nextInt(AGENCIES.length)]);
            data.put(OTHER_AGENCY, AGENCIES[random.nextInt(AGENCIES.length)]);
            data.put(CATEGORY, p.categories().get(random.nextInt(p.categories().size())).label());
            data.put(CONCERN, "A concern about the decision.");
            data.put(IMMEDIATE_RISK, "false");
            List<NewEntry> news = new ArrayList<>();
            news.add(new NewEntry(caseId, caseId, EntryType.CASE_OPENED, "Benchmark", now, opened, new TreeMap<>(data)));
            Instant at = opened;
            int stages = 1 + random.nextInt(p.defaultTrack().lastStage());
            for (int stage = 1; stage < stages; stage++) {
                at = at.plus(Duration.ofHours(12 + random.nextInt(24 * 8)));
                news.add(NewEntry.of(caseId, EntryType.ESCALATED, "Benchmark", now, at, Map.of(STAGE,
                        Integer.toString(stage), TO_STAGE, Integer.toString(stage + 1), REASON, "Not resolved.")));
            }
            at = at.plus(Duration.ofHours(12 + random.nextInt(24 * 8)));
            int ending = random.nextInt(10);
            if (at.isBefore(now) && ending < 8) {
                news.add(NewEntry.of(caseId, EntryType.RESOLVED, "Benchmark", now, at, Map.of(STAGE,
                        Integer.toString(stages), OUTCOME, "Agreed.", LEARNING, "Learning about B-" + i + ".")));
            } else if (at.isBefore(now) && ending == 8) {
                news.add(NewEntry.of(caseId, EntryType.WITHDRAWN, "Benchmark", now, at, Map.of(STAGE,
                        Integer.toString(stages), REASON, "Withdrawn.")));
            }
            for (NewEntry n : news) {
                Entry e = n.seal(device, ++seq, prev);
                prev = e.hash();
                batch.add(e);
            }
            if (batch.size() >= 5_000) {
                written += TestAccess.entries(s).addMissing(batch);
                batch.clear();
            }
        }
        written += TestAccess.entries(s).addMissing(batch);
        return written;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
