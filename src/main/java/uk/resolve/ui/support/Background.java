/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import org.slf4j.LoggerFactory;

import uk.resolve.app.UserMessages;

/**
 * The one task runner: every screen's database, file, PDF and sync work runs here, never on the
 * JavaFX application thread. Writes (and anything whose order matters) run one at a time on a
 * single queue; reads may run beside them on a small pool. Results, progress and failures (in the
 * words of {@link UserMessages}) come back on the UI executor. It counts every job from the moment
 * it is asked for until its result has been delivered, so a busy indicator and the tests' wait for
 * quiet see all work of every screen.
 *
 * <p>Cancelling is cooperative: the job is told (see {@link Progress#cancelled()}) and its result is
 * dropped, but its thread is never interrupted, because an interrupt closes H2's file channel.
 */
public final class Background implements AutoCloseable {

    /** Work that can say how far it has got and notice that it was cancelled. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** Given to {@link Work}: progress goes to the screen; cancelled work should stop soon. */
    public interface Progress {
        /** @param fraction from 0 to 1, or -1 while the amount of work is not yet known */
        void update(double fraction, String message);

        boolean cancelled();

        /** Throws {@link CancellationException} once the job has been cancelled. */
        default void stopIfCancelled() {
            if (cancelled()) {
                throw new CancellationException();
            }
        }
    }

    /** How far a job has got, delivered on the UI executor. */
    public record Step(double fraction, String message) {
    }

    /** A job asked for: it can be cancelled, after which none of its callbacks runs. */
    public static final class Job {
        private volatile boolean cancelled;

        public void cancel() {
            cancelled = true;
        }

        public boolean cancelled() {
            return cancelled;
        }
    }

    private static final int READERS = 2;

    private final ExecutorService writer;
    private final ExecutorService readers;
    private final Executor ui;
    private final Executor ordered;
    private final Executor parallel;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final Object lock = new Object();
    private int pending;
    private volatile Consumer<String> status = msg -> LoggerFactory.getLogger(Background.class).warn(msg);

    /**
     * @param ui where results are delivered: {@code Platform::runLater} in the application, a
     *           direct executor in view-model tests
     */
    public Background(Executor ui) {
        this.ui = ui;
        this.writer = Executors.newSingleThreadExecutor(daemon("resolve-writer"));
        this.readers = Executors.newFixedThreadPool(READERS, daemon("resolve-reader"));
        this.ordered = tracked(writer);
        this.parallel = tracked(readers);
    }

    public static Background onFxThread() {
        return new Background(Platform::runLater);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Where failures nobody else handles are shown: the window's status line. */
    public void reportFailuresTo(Consumer<String> statusLine) {
        this.status = statusLine;
    }

    /** How many jobs are waiting or running (for a busy indicator). Changes on the UI executor. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Runs {@code work} in order with all other writes; then {@code done} with its result, or {@code failed} with a message to show. */
    public <T> Job run(Callable<T> work, Consumer<T> done, Consumer<String> failed) {
        return runRaw(work, done, t -> failed.accept(UserMessages.describe(t)));
    }

    /** As {@link #run(Callable, Consumer, Consumer)}, a failure shown on the status line. */
    public <T> Job run(Callable<T> work, Consumer<T> done) {
        return run(work, done, msg -> status.accept(msg));
    }

    /** As {@link #run}, handing over the failure itself, for screens that show more than its message. */
    public <T> Job runRaw(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        return submit(writer, p -> work.call(), done, failed, null);
    }

    /** Runs {@code work}, which only reads, beside other work; results as {@link #run}. */
    public <T> Job read(Callable<T> work, Consumer<T> done, Consumer<String> failed) {
        return submit(readers, p -> work.call(), done, t -> failed.accept(UserMessages.describe(t)), null);
    }

    /**
     * Runs {@code work} in order with the writes, showing its progress with {@code progress} on the UI
     * executor; cancelling the job makes {@link Progress#cancelled()} true and drops its result.
     */
    public <T> Job withProgress(Work<T> work, Consumer<Step> progress, Consumer<T> done, Consumer<String> failed) {
        return submit(writer, work, done, t -> failed.accept(UserMessages.describe(t)), progress);
    }

    /** Runs work whose result nobody waits for (saving a draft); failures are only logged. */
    public void fireAndForget(Runnable work) {
        run(() -> {
            work.run();
            return null;
        }, v -> { }, msg -> LoggerFactory.getLogger(Background.class).warn(msg));
    }

    /**
     * The writes' queue as an {@link Executor}, for view models built around JavaFX {@code Task}s:
     * what runs there keeps its order, counts as busy and is waited for like any other job.
     */
    public Executor ordered() {
        return ordered;
    }

    /** The readers' pool as an {@link Executor}, counted like {@link #ordered()}. */
    public Executor parallel() {
        return parallel;
    }

    /** Parts of a screen put in place one per frame ({@link Frames}), counted as a job until the last has run. */
    public Frames frames() {
        return new Frames(this::begin, this::end);
    }

    private Executor tracked(ExecutorService pool) {
        return command -> {
            begin();
            try {
                pool.execute(() -> {
                    try {
                        command.run();
                    } finally {
                        // after the command, so that what it handed to the UI thread is delivered first
                        ui.execute(this::end);
                    }
                });
            } catch (RuntimeException refused) {
                ui.execute(this::end);
                throw refused;
            }
        };
    }

    private <T> Job submit(ExecutorService pool, Work<T> work, Consumer<T> done, Consumer<Throwable> failed,
                           Consumer<Step> progress) {
        Job job = new Job();
        AtomicReference<Step> latest = new AtomicReference<>();
        Progress p = new Progress() {
            @Override
            public void update(double fraction, String message) {
                if (progress == null || job.cancelled) {
                    return;
                }
                // only the newest step waits to be shown, so a fast job cannot flood the UI thread
                if (latest.getAndSet(new Step(fraction, message)) == null) {
                    ui.execute(() -> {
                        Step s = latest.getAndSet(null);
                        if (s != null && !job.cancelled) {
                            progress.accept(s);
                        }
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return job.cancelled;
            }
        };
        begin();
        try {
            pool.execute(() -> {
                T value = null;
                Throwable error = null;
                if (!job.cancelled) {
                    try {
                        value = work.call(p);
                    } catch (Throwable t) {
                        error = t;
                    }
                }
                T v = value;
                Throwable e = error;
                ui.execute(() -> {
                    try {
                        if (job.cancelled || e instanceof CancellationException) {
                            return;
                        }
                        if (e == null) {
                            done.accept(v);
                        } else {
                            failed.accept(UserMessages.unwrap(e));
                        }
                    } finally {
                        end();
                    }
                });
            });
        } catch (RuntimeException refused) {
            // closed: the job never runs, and says so like any other failure
            ui.execute(() -> {
                try {
                    failed.accept(refused);
                } finally {
                    end();
                }
            });
        }
        return job;
    }

    private void begin() {
        synchronized (lock) {
            pending++;
        }
        ui.execute(() -> running.set(running.get() + 1));
    }

    private void end() {
        running.set(running.get() - 1);
        synchronized (lock) {
            pending--;
            lock.notifyAll();
        }
    }

    /** True when no job is waiting, running or delivering its result. */
    public boolean idle() {
        synchronized (lock) {
            return pending == 0;
        }
    }

    /**
     * Waits until every job has finished and its result has been delivered. For tests and for
     * shutting down; never call it on the UI thread while results are delivered there.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (pending > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
        return true;
    }

    @Override
    public void close() {
        writer.shutdown();
        readers.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
            readers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
