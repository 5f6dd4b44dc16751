/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;

import uk.resolve.app.Preferences;
import uk.resolve.app.Services;
import uk.resolve.app.Session;
import uk.resolve.app.Vault;
import uk.resolve.domain.policy.ChildStatus;
import uk.resolve.security.Role;
import uk.resolve.testing.Fixtures;
import uk.resolve.testing.MutableClock;
import uk.resolve.ui.shell.AppWindow;
import uk.resolve.ui.welcome.WelcomeViewModel;

/**
 * The longest single hold of the JavaFX application thread during each screen's main action (My
 * escalations with a search typed, open a case, save a discussion, the form editor's preview, run a
 * report) in the real window, headless (Monocle), on an encrypted database of a few hundred cases.
 * A probe thread posts an empty {@code Platform.runLater} again and again; how long one waits is how
 * long whatever ran before it held the thread. Printed beside one frame (16.7 ms) and the floor: the
 * same probe while the window is idle; beside it the JavaFX thread's CPU time over the whole action,
 * which waiting for a core on a busy machine does not inflate. Not a test: asserts nothing. Run with
 * {@code mvn -P bench test-compile exec:exec -Dbench.main=uk.resolve.bench.UiThreadBenchmark -Dbench.cases=300}.
 */
public final class UiThreadBenchmark {

    private static final double FRAME_MS = 1000.0 / 60;
    private static final String PW = "bench manager's long password";

    private UiThreadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("headless.geometry", "1366x768-32");
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        System.out.printf("Longest UI-thread task: %d cases on an encrypted database, %d processors, Java %s%n", n,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        Path dir = Files.createTempDirectory("resolve-ui-bench");
        MutableClock clock = MutableClock.at("2026-12-14T09:00");
        Vault vault = Vault.at(dir.resolve("bench.mv.db"), clock);
        Session session = vault.createFirstAccount("bench", "Bench Manager", Role.MANAGER, PW.toCharArray(),
                "Bench team");
        Services s = session.services();
        Preferences.of(s).put(WelcomeViewModel.WELCOMED, "true");
        // quiet hours over the run: a desktop notification's fading popup would be measured, not the screens
        s.reminders().save(new uk.resolve.app.ReminderService.Settings(1,
                uk.resolve.domain.calendar.DueSoon.QuietHours.parse("08:00-20:00")));
        UUID stage3 = populate(s, clock, n);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<AppWindow> window = new AtomicReference<>();
        fx(() -> {
            Stage stage = new Stage();
            // null: the window's own form editor
            AppWindow w = AppWindow.showSession(stage, () -> session, null, 500);
            stage.setWidth(1366);
            stage.setHeight(768);
            window.set(w);
        });
        AppWindow w = window.get();
        await("signed in", () -> w.context() != null && w.background().idle());

        Probe probe = new Probe();
        fx(() -> {
            probe.fxThread = Thread.currentThread().getId();
            Scene scene = w.stage().getScene();
            scene.addPreLayoutPulseListener(() -> probe.pulseStart = CPU.getCurrentThreadCpuTime());
            scene.addPostLayoutPulseListener(() -> probe.longestPulse.accumulateAndGet(
                    CPU.getCurrentThreadCpuTime() - probe.pulseStart, Math::max));
        });
        probe.start();
        if (System.getenv("RESOLVE_BENCH_SAMPLE") != null) {
            Thread[] fxThread = new Thread[1];
            fx(() -> fxThread[0] = Thread.currentThread());
            SAMPLER = new Sampler(fxThread[0]);
        }
        try {
            List<String[]> rows = new ArrayList<>();
            rows.add(measure(probe, "floor: the window idle, 2 s", () -> Thread.sleep(2000)));
            for (int round = 1; round <= 2; round++) {
                int r = round;
                rows.add(measure(probe, "My escalations, a search typed (round " + r + ")", () -> {
                    fx(() -> w.shell().showHome());
                    idle(w);
                    await("the list", () -> find(w.stage().getScene(), "searchField") != null);
                    for (String typed : List.of("c", "cr", "cro", "croy", "")) {
                        fx(() -> ((TextInputControl) find(w.stage().getScene(), "searchField")).setText(typed));
                    }
                    idle(w);
                }));
                rows.add(measure(probe, "open a case at stage 3 (round " + r + ")", () -> {
                    fx(() -> w.shell().showHome());
                    idle(w);
                    fx(() -> w.shell().showCase(stage3));
                    idle(w);
                    await("case shown", () -> find(w.stage().getScene(), "discussButton") != null);
                }));
                rows.add(measure(probe, "save a discussion (round " + r + ")", () -> {
                    fire(w.stage().getScene(), "discussButton");
                    await("the form's fields", () -> find(w.stage().getScene(), "field-summary") != null);
                    idle(w);
                    fx(() -> {
                        ((TextInputControl) find(w.stage().getScene(), "field-with")).setText("Duty social worker");
                        ((TextInputControl) find(w.stage().getScene(), "field-summary"))
                                .setText("We did not agree about the assessment, round " + r + ".");
                    });
                    fire(w.stage().getScene(), "submitAction");
                    idle(w);
                    await("saved", () -> find(w.stage().getScene(), "submitAction") == null);
                }));
                rows.add(measure(probe, "form editor with its preview (round " + r + ")", () -> {
                    fire(w.stage().getScene(), "openForm-appendix-a-3");
                    Stage[] editor = new Stage[1];
                    await("editor with a preview", () -> {
                        editor[0] = editor();
                        return editor[0] != null && editor[0].getScene().lookup(".preview-page") != null;
                    });
                    fx(editor[0]::close);
                }));
                rows.add(measure(probe, "run a report over every case (round " + r + ")", () -> {
                    fx(() -> w.shell().showReports());
                    idle(w);
                    await("Run report ready", () -> {
                        Node run = find(w.stage().getScene(), "runButton");
                        return run != null && !run.isDisabled();
                    });
                    fire(w.stage().getScene(), "runButton");
                    await("report shown", () -> {
                        Node t = find(w.stage().getScene(), "summaryTable");
                        Node run = find(w.stage().getScene(), "runButton");
                        return t != null && t.isVisible() && run != null && !run.isDisabled();
                    });
                }));
            }
            System.out.printf("%-52s %12s %14s %12s %12s %10s %12s%n", "action", "longest ms", "longest CPU ms",
                    "pulse CPU ms", "over 1 frame", "probes", "FX CPU ms");
            for (String[] row : rows) {
                System.out.printf("%-52s %12s %14s %12s %12s %10s %12s%n", (Object[]) row);
            }
            System.out.printf("longest ms: the longest wait of a probe (a hold of the JavaFX thread, or waiting for a core)%n");
            System.out.printf("longest CPU: the JavaFX thread's CPU time within the longest-working wait (one task,"
                    + " not inflated by waiting for a core)%n");
            System.out.printf("pulse CPU ms: the most CPU time one pulse spent on the window's CSS and layout%n");
            System.out.printf("FX CPU: all the JavaFX thread's CPU time during the action, every task together%n");
            System.out.printf("one frame at 60 Hz: %.1f ms%n", FRAME_MS);
        } finally {
            probe.stop();
            fx(() -> {
                w.stage().hide();
                w.close();
            });
            Platform.exit();
        }
        System.exit(0);
    }

    /** A few hundred cases over the five procedures; one Croydon case at stage 3 (Appendix A due) is returned. */
    private static UUID populate(Services s, MutableClock clock, int n) {
        String[] policies = {"croydon", "havering", "kingston-richmond", "north-somerset", "safety-of-children"};
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            UUID id = s.cases().open(Fixtures.openRequest(s, policies[i % policies.length], ChildStatus.CHILD_IN_NEED,
                    "2026-12-01T09:00")).id();
            if (i % 4 == 0) {
                s.cases().escalate(id, "Not resolved between the workers.", null, null);
            }
        }
        UUID id = s.cases().open(Fixtures.openRequest(s, "croydon", ChildStatus.CHILD_IN_NEED, "2026-12-10T09:00")).id();
        s.cases().escalate(id, "Not resolved between the workers.", "Notes on file.", Fixtures.instant("2026-12-11T09:00"));
        s.cases().escalate(id, "Not resolved between the managers.", "Notes on file.", Fixtures.instant("2026-12-12T09:00"));
        System.out.printf("created %d cases in %d ms%n", n + 1, (System.nanoTime() - t0) / 1_000_000);
        return id;
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String[] measure(Probe probe, String what, Action action) throws Exception {
        // what the action before left behind is not counted in this one
        Thread.sleep(300);
        fx(() -> { });
        probe.reset();
        if (SAMPLER != null) {
            SAMPLER.reset();
        }
        long cpu0 = CPU.getThreadCpuTime(probe.fxThread);
        action.run();
        Thread.sleep(200); // what the action left queued runs too
        long longest = probe.longestNanos();
        long cpu = CPU.getThreadCpuTime(probe.fxThread) - cpu0;
        if (SAMPLER != null) {
            SAMPLER.print(what);
        }
        return new String[] {what, String.format(Locale.UK, "%.1f", longest / 1e6),
                String.format(Locale.UK, "%.1f", probe.longestCpuNanos() / 1e6),
                String.format(Locale.UK, "%.1f", probe.longestPulse.get() / 1e6),
                String.format(Locale.UK, "%d", probe.overFrame()), Long.toString(probe.count()),
                String.format(Locale.UK, "%.0f", cpu / 1e6)};
    }

    private static Sampler SAMPLER;

    /**
     * With {@code RESOLVE_BENCH_SAMPLE} set: samples the JavaFX thread's stack every millisecond and
     * prints, for each action, the methods most often on it (inclusive), to find where a hold goes.
     */
    private static final class Sampler implements Runnable {
        private final Thread target;
        private final java.util.Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicLong samples = new AtomicLong();

        Sampler(Thread target) {
            this.target = target;
            Thread t = new Thread(this, "ui-sampler");
            t.setDaemon(true);
            t.start();
        }

        void reset() {
            counts.clear();
            samples.set(0);
        }

        @Override
        public void run() {
            while (true) {
                StackTraceElement[] st = target.getStackTrace();
                boolean idle = st.length == 0 || st[0].isNativeMethod() && st[0].getMethodName().contains("_runLoop")
                        || st.length > 0 && st[0].getClassName().contains("LockSupport")
                        || st.length > 0 && st[0].getMethodName().equals("park");
                if (!idle) {
                    samples.incrementAndGet();
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (StackTraceElement e : st) {
                        String k = e.getClassName() + "." + e.getMethodName();
                        if (seen.add(k)) {
                            counts.merge(k, 1, Integer::sum);
                        }
                    }
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void print(String what) {
            System.out.printf("-- %s: %d busy samples%n", what, samples.get());
            counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(70).forEach(e -> System.out.printf("   %6d  %s%n", e.getValue(), e.getKey()));
        }
    }

    /** The JavaFX thread's CPU time: on a shared machine the longest wait includes waiting for a core. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Posts an empty runnable, waits for it, and again; keeps the longest wait. */
    private static final class Probe implements Runnable {
        private final AtomicLong longest = new AtomicLong();
        private final AtomicLong longestCpu = new AtomicLong();
        private final AtomicLong overFrame = new AtomicLong();
        private final AtomicLong count = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this, "ui-probe");
        private volatile long fxThread;
        /** CPU time of the window's CSS and layout in one pulse: the most in any pulse of the action. */
        private final AtomicLong longestPulse = new AtomicLong();
        private long pulseStart;

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(2000);
        }

        void reset() {
            longest.set(0);
            longestCpu.set(0);
            longestPulse.set(0);
            overFrame.set(0);
            count.set(0);
        }

        long longestNanos() {
            return longest.get();
        }

        /** The most CPU the JavaFX thread spent within one wait: the longest task, whatever the load. */
        long longestCpuNanos() {
            return longestCpu.get();
        }

        long overFrame() {
            return overFrame.get();
        }

        long count() {
            return count.get();
        }

        @Override
        public void run() {
            while (running) {
                CountDownLatch done = new CountDownLatch(1);
                long t0 = System.nanoTime();
                long c0 = fxThread == 0 ? 0 : CPU.getThreadCpuTime(fxThread);
                Platform.runLater(done::countDown);
                try {
                    done.await();
                    long d = System.nanoTime() - t0;
                    longest.accumulateAndGet(d, Math::max);
                    if (fxThread != 0) {
                        longestCpu.accumulateAndGet(CPU.getThreadCpuTime(fxThread) - c0, Math::max);
                    }
                    count.incrementAndGet();
                    if (d > FRAME_MS * 1e6) {
                        overFrame.incrementAndGet();
                    }
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Stage editor() {
        for (Window win : Window.getWindows()) {
            if (win instanceof Stage st && st.isShowing() && st.getTitle() != null && st.getTitle().contains("Appendix A")) {
                return st;
            }
        }
        return null;
    }

    private static Node find(Scene scene, String id) {
        Node[] n = new Node[1];
        fx(() -> {
            Node found = scene.lookup("#" + id);
            n[0] = found != null && found.isVisible() && found.getScene() != null ? found : null;
        });
        return n[0];
    }

    private static void fire(Scene scene, String id) throws Exception {
        await("#" + id + " to press", () -> {
            Node b = find(scene, id);
            return b != null && !b.isDisabled();
        });
        // posted, not waited for: what the press starts is measured by the probe, not by this thread
        Platform.runLater(() -> ((ButtonBase) scene.lookup("#" + id)).fire());
    }

    private static void idle(AppWindow w) throws Exception {
        if (!w.background().awaitIdle(Duration.ofSeconds(60))) {
            throw new IllegalStateException("background work did not finish");
        }
        fx(() -> { });
    }

    private static void await(String what, BooleanSupplier done) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Runs {@code r} on the JavaFX thread and waits for it. */
    private static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        RuntimeException[] failed = new RuntimeException[1];
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                failed[0] = e;
            } finally {
                done.countDown();
            }
        });
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed[0] != null) {
            throw failed[0];
        }
    }
}
