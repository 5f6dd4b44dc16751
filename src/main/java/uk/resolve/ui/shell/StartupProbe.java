/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.shell;

import java.lang.management.ManagementFactory;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Measures start-up: with the system property {@code resolve.startupProbe=true}, prints the time
 * from process start to the first frame that shows the sign-in screen (or, when a test gives
 * ready services, the home or welcome screen), then exits. Used
 * by the app-image smoke test and the start-up benchmark.
 */
final class StartupProbe {

    static final String PROPERTY = "resolve.startupProbe";

    private StartupProbe() {
    }

    private static final StringBuilder MARKS = new StringBuilder();

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Notes how long after process start a step finished, for the report. */
    static void mark(String step) {
        if (enabled()) {
            synchronized (MARKS) {
                MARKS.append(' ').append(step).append('=').append(sinceStart());
            }
        }
    }

    private static long sinceStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Reports after the next frame of {@code scene} has been laid out and drawn. */
    static void reportAfterNextFrame(Scene scene, String screen) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            // one more pulse, so that the frame laid out above has been drawn
            Platform.runLater(() -> {
                long ms = sinceStart();
                System.out.println("first-frame-ms=" + ms + " screen=" + screen + MARKS);
                System.out.flush();
                Platform.exit();
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
