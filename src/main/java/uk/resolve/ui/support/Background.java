/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import uk.resolve.app.UserMessages;

/**
 * Runs database and file work off the JavaFX application thread, one job at a time so that writes
 * keep their order, and hands the result (or a plain-words message) back on the UI thread.
 */
public final class Background implements AutoCloseable {

    private final ExecutorService worker;
    private final Executor ui;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final Object lock = new Object();
    private int pending;

    /**
     * @param ui where results are delivered: {@code Platform::runLater} in the application, a
     *           direct executor in view-model tests
     */
    public Background(Executor ui) {
        this.ui = ui;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "resolve-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public static Background onFxThread() {
        return new Background(Platform::runLater);
    }

    /** How many jobs are waiting or running (for a busy indicator). Changes on the UI executor. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Runs {@code work}; then {@code done} with its result, or {@code failed} with a message to show. */
    public <T> void run(Callable<T> work, Consumer<T> done, Consumer<String> failed) {
        runRaw(work, done, t -> failed.accept(UserMessages.describe(t)));
    }

    /** As {@link #run}, handing over the failure itself, for screens that show more than its message. */
    public <T> void runRaw(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        synchronized (lock) {
            pending++;
        }
        ui.execute(() -> running.set(running.get() + 1));
        CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, worker).whenComplete((value, error) -> ui.execute(() -> {
            try {
                if (error == null) {
                    done.accept(value);
                } else {
                    failed.accept(UserMessages.unwrap(error));
                }
            } finally {
                running.set(running.get() - 1);
                synchronized (lock) {
                    pending--;
                    lock.notifyAll();
                }
            }
        }));
    }

    /** Runs work whose result nobody waits for (saving a draft); failures are only logged. */
    public void fireAndForget(Runnable work) {
        run(() -> {
            work.run();
            return null;
        }, v -> { }, msg -> org.slf4j.LoggerFactory.getLogger(Background.class).warn(msg));
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
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
