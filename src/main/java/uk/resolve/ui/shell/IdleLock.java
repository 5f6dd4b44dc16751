/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.shell;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Locks the application after some minutes without a key press, a click, a mouse movement or a scroll
 * in any of its windows. The time comes from a clock that tests may replace; {@link #checkNow()} is
 * what the timer calls every few seconds. Use on the JavaFX application thread.
 */
public final class IdleLock {

    private static final Duration CHECK_EVERY = Duration.seconds(5);

    private final Runnable onIdle;
    private final Timeline timer;
    private final Set<Window> watched = Collections.newSetFromMap(new WeakHashMap<>());
    private final EventHandler<InputEvent> input = e -> touch();
    private LongSupplier clock = System::currentTimeMillis;
    private long limitMillis;
    private long last;
    private boolean active;

    IdleLock(Runnable onIdle) {
        this.onIdle = onIdle;
        this.timer = new Timeline(new KeyFrame(CHECK_EVERY, e -> checkNow()));
        timer.setCycleCount(Timeline.INDEFINITE);
        Window.getWindows().forEach(this::watch);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
            }
        });
    }

    private void watch(Window w) {
        if (watched.add(w)) {
            w.addEventFilter(KeyEvent.KEY_PRESSED, input::handle);
            w.addEventFilter(MouseEvent.MOUSE_PRESSED, input::handle);
            w.addEventFilter(MouseEvent.MOUSE_MOVED, input::handle);
            w.addEventFilter(ScrollEvent.SCROLL, input::handle);
        }
    }

    /** The clock read for "now", in milliseconds (for tests; the system clock otherwise). */
    public void setClock(LongSupplier millis) {
        this.clock = millis;
        this.last = millis.getAsLong();
    }

    /** Starts watching: locks after {@code minutes} without input. */
    void start(int minutes) {
        limitMillis = minutes * 60_000L;
        resume();
        timer.play();
    }

    /** A new limit, from now on. */
    void setMinutes(int minutes) {
        limitMillis = minutes * 60_000L;
    }

    /** While locked or signed out: no second lock. */
    void pause() {
        active = false;
    }

    void resume() {
        last = clock.getAsLong();
        active = true;
    }

    void stop() {
        active = false;
        timer.stop();
    }

    /** Someone used the application just now. */
    public void touch() {
        last = clock.getAsLong();
    }

    /** Locks now if the application has been left long enough. */
    public void checkNow() {
        if (active && limitMillis > 0 && clock.getAsLong() - last >= limitMillis) {
            active = false;
            onIdle.run();
        }
    }

    public boolean active() {
        return active;
    }
}
