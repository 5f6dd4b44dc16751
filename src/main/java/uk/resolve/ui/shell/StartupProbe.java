/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.shell;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Measures start-up: with the system property {@code resolve.startupProbe=true}, prints the time
 * from process start to the window's first frame ({@code first-frame-ms}) and to the first frame that
 * shows the sign-in screen ready to use ({@code ready-ms}; or, when a test gives ready services, the
 * home or welcome screen), then exits once the work begun after the first frame has finished. Used by
 * the app-image smoke test, its class data sharing training start and the start-up benchmark.
 */
final class StartupProbe {

    static final String PROPERTY = "resolve.startupProbe";

    private StartupProbe() {
    }

    private static final StringBuilder MARKS = new StringBuilder();
    private static volatile long firstFrame = -1;

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * Notes how long after process start a step finished, and the CPU time its thread had used by
     * then, for the report ({@code step=wall/cpu}).
     */
    static void mark(String step) {
        if (enabled()) {
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            synchronized (MARKS) {
                MARKS.append(' ').append(step).append('=').append(sinceStart()).append('/').append(cpu);
            }
        }
    }

    /** Notes that the window's first frame has been drawn. */
    static void firstFrame() {
        if (enabled() && firstFrame < 0) {
            firstFrame = sinceStart();
        }
    }

    /**
     * The CPU time of the application thread and of the whole process so far: less disturbed than
     * wall time by other work on a busy machine.
     */
    static String cpu() {
        long fx = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        long all;
        try {
            all = processCpuMillis();
        } catch (LinkageError e) {
            all = -1; // the installed runtime leaves out jdk.management: the figure is for benchmarks only
        }
        return " fx-cpu-ms=" + fx + " cpu-ms=" + all;
    }

    private static long processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    private static long sinceStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * Reports after the next frame of {@code scene} has been laid out and drawn, then exits once
     * {@code lastly} has finished (so that a training start records the classes it loads).
     */
    static void reportAfterNextFrame(Scene scene, String screen, CompletableFuture<?> lastly) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            mark("laid-out");
            // one more pulse, so that the frame laid out above has been drawn
            Platform.runLater(() -> {
                long ms = sinceStart();
                long first = firstFrame < 0 ? ms : firstFrame;
                System.out.println("first-frame-ms=" + first + " screen=" + screen + " ready-ms=" + ms + cpu() + MARKS);
                System.out.flush();
                lastly.whenComplete((v, e) -> Platform.exit());
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
