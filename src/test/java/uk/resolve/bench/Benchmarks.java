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
import uk.resolve.app.Session;
import uk.resolve.app.TestAccess;
import uk.resolve.app.Vault;
import uk.resolve.domain.escalation.DiscussionRequest;
import uk.resolve.domain.record.EntryType;
import uk.resolve.domain.record.NewEntry;
import uk.resolve.domain.report.ReportPeriod;
import uk.resolve.domain.report.ReportQuery;
import uk.resolve.security.Keyring;
import uk.resolve.store.Database;
import uk.resolve.testing.MutableClock;
import uk.resolve.ui.home.HomeViewModel;
import uk.resolve.ui.support.Background;

/**
 * The figures of docs/performance.md: start-up, a case list of 50,000 (with the time it holds the UI
 * thread and the heap it keeps), filtering it per keystroke, saving a discussion, rendering a form, a
 * report over 50,000 cases, signing in to and unlocking an encrypted database of 1,000 and of 50,000
 * cases, each with the peak heap it needed. Prints figures; asserts nothing. Run with
 * {@code mvn -P bench test-compile exec:exec} ({@code -Dbench.cases=N} for another number of cases,
 * {@code -Dbench.heap=350m} for another maximum heap).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        System.out.printf("Resolve benchmarks: %d cases, %d processors, max heap %d MB, Java %s%n", n,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        if (!Boolean.getBoolean("bench.noStartUp")) {
            startUp();
        }
        Path dir = Files.createTempDirectory("resolve-bench");
        MutableClock clock = MutableClock.at("2026-11-25T12:00");
        try (Services s = Services.openUnencrypted(dir.resolve("bench.mv.db"), clock, uk.resolve.testing.Fixtures.actor("Bench"))) {
            step("create " + n + " cases", () -> populate(s, clock, n));
            for (int round = 1; round <= 2; round++) {
                caseList(s, n, round);
            }
            filter(s);
            UUID some = s.cases().list(c -> c.open() ? c.id() : null).get(0);
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
        Path small = Files.createTempDirectory("resolve-bench-small");
        try (Services s = Services.openUnencrypted(small.resolve("bench.mv.db"), clock, uk.resolve.testing.Fixtures.actor("Bench"))) {
            populate(s, clock, 1_000);
        }
        signIn(small.resolve("bench.mv.db"), 1_000, clock);
        signIn(dir.resolve("bench.mv.db"), n, clock);
    }

    /**
     * The case list as the home screen loads it: on a worker thread, then handed to the UI thread
     * (timed on its own: the JavaFX application thread must never be busy for long); and the heap
     * the list keeps once loaded.
     */
    private static void caseList(Services s, int n, int round) throws Exception {
        long[] uiWorst = {0, 0};
        var threads = ManagementFactory.getThreadMXBean();
        try (Background background = new Background(r -> {
            long t = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            r.run();
            uiWorst[1] = Math.max(uiWorst[1], threads.getCurrentThreadCpuTime() - cpu);
            uiWorst[0] = Math.max(uiWorst[0], System.nanoTime() - t);
        })) {
            HomeViewModel[] vm = new HomeViewModel[1];
            step("case list: load " + n + " (round " + round + ")", () -> {
                vm[0] = new HomeViewModel(s.cases(), uk.resolve.app.Preferences.of(s), background);
                vm[0].load();
                return background.awaitIdle(Duration.ofMinutes(5));
            });
            System.out.printf("%-52s %7.1f ms (CPU %.1f ms)%n", "  of which on the UI thread (longest task)",
                    uiWorst[0] / 1e6, uiWorst[1] / 1e6);
            System.out.printf("%-52s %7d MB   (%d rows)%n", "  heap retained with the list loaded", retainedMb(),
                    vm[0].allRows().size());
        }
    }

    private static long retainedMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() >> 20;
    }

    /**
     * Signing in to an encrypted database of {@code n} cases ({@code plain}, encrypted here by its
     * first administrator's sign-in): the Argon2id derivation that unwraps the key, opening the
     * database with it, the whole {@code Vault.signIn}, and unlocking a locked session.
     */
    private static void signIn(Path plain, int n, MutableClock clock) throws Exception {
        char[] password = "a long bench password".toCharArray();
        Vault vault = Vault.at(plain, clock);
        step("sign-in, " + n + " cases: first sign-in encrypts the database", () -> {
            vault.createFirstAdministrator("admin", password, "Bench team").close();
            return null;
        });
        byte[][] key = new byte[1][];
        for (int round = 1; round <= 2; round++) {
            step("sign-in, " + n + " cases: Argon2id derivation (" + round + ")", () -> key[0] = Keyring.load(vault.keyFile())
                    .slot("admin").orElseThrow().key().unwrap(password, "resolve database key for admin"));
            Database[] db = new Database[1];
            step("sign-in, " + n + " cases: database open (" + round + ")",
                    () -> db[0] = Database.open(vault.databaseFile(), key[0]));
            step("sign-in, " + n + " cases: database close (" + round + ")", () -> {
                db[0].close();
                return null;
            });
        }
        for (int round = 1; round <= 2; round++) {
            Session[] session = new Session[1];
            step("sign-in, " + n + " cases: Vault.signIn, all of it (" + round + ")",
                    () -> session[0] = vault.signIn("admin", password));
            try (Session open = session[0]) {
                open.lock();
                step("sign-in, " + n + " cases: Session.unlock (" + round + ")", () -> {
                    open.unlock(password);
                    return null;
                });
            }
        }
    }

    /** Time from process start to the first frame of the first screen, in a fresh JVM, headless. */
    private static void startUp() throws Exception {
        for (int round = 1; round <= 3; round++) {
            Path data = Files.createTempDirectory("resolve-start");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dresolve.startupProbe=true", "-cp", System.getProperty("java.class.path"), "uk.resolve.boot.Main");
            pb.environment().put("XDG_DATA_HOME", data.toString());
            pb.redirectErrorStream(true);
            Process p = pb.start();
            // the probe reports from the home or welcome screen; a start that stops at another screen
            // (signing in) never reports, so it is ended after a minute rather than waited for
            var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes());
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            });
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            String out = output.get(10, TimeUnit.SECONDS);
            String line = out.lines().filter(l -> l.startsWith("first-frame-ms=")).findFirst()
                    .orElse("no frame within 60 s: " + out.lines().limit(3).toList());
            System.out.printf("%-52s %s%n", "start-up to first screen, new database (" + round + ")", line);
            if (!line.startsWith("first-frame-ms=")) {
                return; // the other rounds would wait as long for nothing
            }
        }
    }

    private static void filter(Services s) throws Exception {
        HomeViewModel vm;
        try (Background background = new Background(Runnable::run)) {
            vm = new HomeViewModel(s.cases(), uk.resolve.app.Preferences.of(s), background);
            vm.load();
            background.awaitIdle(Duration.ofMinutes(5)); // the rows arrive on the worker's thread
        }
        String typed = "agency 12";
        var threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 3; round++) {
            long worst = 0;
            long total = 0;
            long worstCpu = 0;
            for (int i = 0; i <= typed.length(); i++) {
                long t = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                vm.searchProperty().set(typed.substring(0, i)); // the first deletes the last round's at once
                worstCpu = Math.max(worstCpu, threads.getCurrentThreadCpuTime() - cpu);
                long us = (System.nanoTime() - t) / 1_000;
                worst = Math.max(worst, us);
                total += us;
            }
            System.out.printf("%-52s average %.1f ms, worst %.1f ms (CPU %.1f ms); %d rows, %d shown for '%s'%n",
                    "case list: filter per keystroke (round " + round + ")", total / 1000.0 / (typed.length() + 1),
                    worst / 1000.0, worstCpu / 1e6, vm.allRows().size(), vm.visibleRows().size(), typed);
        }
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

    static Object populate(Services s, MutableClock clock, int n) {
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
                TestAccess.entries(s).append(batch);
                batch.clear();
            }
        }
        TestAccess.entries(s).append(batch);
        return null;
    }
}
