/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import uk.resolve.app.Services;
import uk.resolve.domain.escalation.CaseState;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.report.ReportPeriod;
import uk.resolve.domain.report.ReportQuery;
import uk.resolve.testing.MutableClock;
import uk.resolve.ui.home.HomeViewModel;
import uk.resolve.ui.support.Background;

/**
 * The figures of docs/performance.md: start-up, a case list of 50,000, filtering it per keystroke,
 * saving a discussion, rendering a form, a report over 50,000 cases, each with the peak heap it
 * needed. Prints figures; asserts nothing. Run with {@code mvn -P bench test-compile exec:java}
 * (or {@code -Dexec.args=N} for another number of cases).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        System.out.printf("Resolve benchmarks: %d cases, %d processors, max heap %d MB, Java %s%n", n,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        startUp();
        Path dir = Files.createTempDirectory("resolve-bench");
        MutableClock clock = MutableClock.at("2026-11-25T12:00");
        try (Services s = Services.openUnencrypted(dir.resolve("bench.mv.db"), clock, uk.resolve.testing.Fixtures.actor("Bench"))) {
            step("create " + n + " cases", () -> populate(s, clock, n));
            List<CaseState>[] list = new List[1];
            for (int round = 1; round <= 2; round++) {
                step("case list: load " + n + " (round " + round + ")", () -> list[0] = s.cases().list());
            }
            filter(s);
            UUID some = list[0].stream().filter(CaseState::open).findFirst().orElseThrow().id();
            for (int round = 1; round <= 3; round++) {
                step("record a discussion (save round trip, round " + round + ")", () -> s.cases().discuss(some,
                        new DiscussionRequest("Other worker", "phone", "Discussed again", null, false, null)));
            }
            UUID formCase = s.cases().open(uk.resolve.testing.Fixtures.openRequest(s, "north-somerset", null, null)).id();
            for (int round = 1; round <= 3; round++) {
                step("PDF form render (" + (round == 1 ? "cold" : "warm") + ")", () -> {
                    var filled = s.forms().fill(formCase, "monitoring-form", 1, Map.of("child-name", "A Family"));
                    return s.forms().render(filled, true, false).pdf().length;
                });
            }
            for (int round = 1; round <= 2; round++) {
                step("report over " + n + " cases (round " + round + ")", () -> s.reports().compute(new ReportQuery(
                        new ReportPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)), null)));
            }
        }
    }

    /** Time from process start to the first frame of the first screen, in a fresh JVM, headless. */
    private static void startUp() throws Exception {
        for (int round = 1; round <= 3; round++) {
            Path data = Files.createTempDirectory("resolve-start");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dresolve.startupProbe=true", "-cp", System.getProperty("java.class.path"), "uk.resolve.app.Main");
            pb.environment().put("XDG_DATA_HOME", data.toString());
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(60, TimeUnit.SECONDS);
            String line = out.lines().filter(l -> l.startsWith("first-frame-ms=")).findFirst().orElse("no frame: " + out);
            System.out.printf("%-52s %s%n", "start-up to first screen, new database (" + round + ")", line);
        }
    }

    private static void filter(Services s) throws Exception {
        HomeViewModel vm = new HomeViewModel(s.cases(), uk.resolve.app.Preferences.of(s), new Background(Runnable::run));
        vm.load();
        String typed = "agency 12";
        long worst = 0;
        long total = 0;
        for (int i = 1; i <= typed.length(); i++) {
            long t = System.nanoTime();
            vm.searchProperty().set(typed.substring(0, i));
            long us = (System.nanoTime() - t) / 1_000;
            worst = Math.max(worst, us);
            total += us;
        }
        System.out.printf("%-52s average %.1f ms, worst %.1f ms%n", "case list: filter per keystroke",
                total / 1000.0 / typed.length(), worst / 1000.0);
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static void step(String name, Work work) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(m -> m.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t = System.nanoTime();
        work.run();
        long ms = (System.nanoTime() - t) / 1_000_000;
        long peak = heap.stream().mapToLong(m -> m.getPeakUsage().getUsed()).sum() >> 20;
        System.out.printf("%-52s %7d ms   peak heap %5d MB%n", name, ms, peak);
    }

    private static Object populate(Services s, MutableClock clock, int n) {
        String[] policies = {"croydon", "havering", "kingston-richmond", "north-somerset", "safety-of-children"};
        List<NewEntry> batch = new ArrayList<>();
        Instant base = clock.instant().minus(Duration.ofDays(400));
        for (int i = 0; i < n; i++) {
            var p = s.policies().require(policies[i % policies.length]);
            UUID caseId = UUID.randomUUID();
            Instant opened = base.plus(Duration.ofMinutes(11L * i));
            batch.add(new NewEntry(caseId, caseId, EntryType.CASE_OPENED, "Bench", opened, opened, new TreeMap<>(Map.of(
                    "policy", p.id(), "policyVersion", p.version(), "track", p.defaultTrack().id(), "startStage", "1",
                    "childRef", "REF-" + i, "raisedBy", "Worker " + (i % 300), "raisedAgency", "Agency " + (i % 17),
                    "otherAgency", "Agency " + (i % 13), "category", p.categories().get(0).label(),
                    "concern", "Concern number " + i))));
            batch.add(NewEntry.of(caseId, EntryType.DISCUSSION_RECORDED, "Bench", opened, opened.plusSeconds(3600),
                    Map.of("stage", "1", "with", "Other worker", "summary", "Discussed", "resolved", "false")));
            batch.add(NewEntry.of(caseId, EntryType.ESCALATED, "Bench", opened, opened.plusSeconds(86_400),
                    Map.of("stage", "1", "toStage", "2", "reason", "Unresolved")));
            if (i % 3 == 0) {
                batch.add(NewEntry.of(caseId, EntryType.RESOLVED, "Bench", opened, opened.plusSeconds(2 * 86_400),
                        Map.of("stage", "2", "outcome", "Agreed", "learning", "Thresholds")));
            }
            if (batch.size() >= 5_000) {
                s.entries().append(batch);
                batch.clear();
            }
        }
        s.entries().append(batch);
        return null;
    }
}
