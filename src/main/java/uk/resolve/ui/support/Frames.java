/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import javafx.animation.AnimationTimer;

/**
 * Puts a large piece of a screen in place one part per frame, on the JavaFX thread: each part and the
 * styling and layout of what it added fit in a frame, where all of them at once would hold the thread
 * for several. Parts still waiting when new ones are given are dropped (they would show what is no
 * longer current). Made by {@link Background#frames()}, the parts count as work in progress for the
 * busy indicator and the tests' wait for quiet.
 */
public final class Frames {

    private final Runnable started;
    private final Runnable finished;
    private final Deque<Runnable> parts = new ArrayDeque<>();
    private boolean running;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            next();
        }
    };

    /** Parts not counted anywhere (a screen shown on its own, as in its tests). */
    public Frames() {
        this(() -> { }, () -> { });
    }

    Frames(Runnable started, Runnable finished) {
        this.started = started;
        this.finished = finished;
    }

    /** Runs the first of {@code next} now and the others one per frame after it; on the JavaFX thread. */
    public void show(List<Runnable> next) {
        parts.clear();
        parts.addAll(next);
        if (!running && !parts.isEmpty()) {
            running = true;
            started.run();
            timer.start();
        }
        next();
    }

    /** True while parts wait for their frame. */
    public boolean pending() {
        return running;
    }

    private void next() {
        Runnable part = parts.poll();
        try {
            if (part != null) {
                part.run();
            }
        } finally {
            if (parts.isEmpty() && running) {
                running = false;
                timer.stop();
                finished.run();
            }
        }
    }
}
