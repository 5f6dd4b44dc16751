/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The task runner on real threads: a single thread stands in for the JavaFX application thread, so
 * results, progress and failures are delivered there as in the window.
 */
class BackgroundTest {

    private final ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui"));
    private final Background background = new Background(uiThread);

    @AfterEach
    void close() {
        background.close();
        uiThread.shutdownNow();
    }

    private void awaitQuiet() throws InterruptedException {
        assertThat(background.awaitIdle(Duration.ofSeconds(10))).as("all work finished").isTrue();
    }

    @Test
    void writesRunOneAtATimeInTheOrderTheyWereAsked() throws Exception {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            background.run(() -> {
                ran.add(n);
                Thread.sleep(n % 3); // unequal lengths: order must not depend on who finishes first
                return n;
            }, delivered::add, msg -> { });
        }
        awaitQuiet();
        List<Integer> expected = java.util.stream.IntStream.range(0, 50).boxed().toList();
        assertThat(ran).isEqualTo(expected);
        assertThat(delivered).isEqualTo(expected);
    }

    @Test
    void readsRunBesideEachOtherAndBesideAWrite() throws Exception {
        CountDownLatch bothReading = new CountDownLatch(2);
        CountDownLatch writeHeld = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        background.run(() -> writeHeld.await(10, TimeUnit.SECONDS), v -> done.add("write"), msg -> { });
        for (String name : List.of("first read", "second read")) {
            background.read(() -> {
                bothReading.countDown();
                // each read finishes only once the other has started: one at a time would time out
                return bothReading.await(5, TimeUnit.SECONDS) ? name : "alone";
            }, done::add, msg -> { });
        }
        assertThat(bothReading.await(5, TimeUnit.SECONDS)).as("both reads ran while the write waited").isTrue();
        writeHeld.countDown();
        awaitQuiet();
        assertThat(done).containsExactlyInAnyOrder("first read", "second read", "write");
    }

    @Test
    void aCancelledJobDeliversNothingAndTheRunnerIsQuietAfterwards() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        List<String> delivered = new CopyOnWriteArrayList<>();
        background.run(() -> release.await(10, TimeUnit.SECONDS), v -> delivered.add("first"), delivered::add);
        Background.Job second = background.run(() -> {
            secondRan.set(true);
            return "second";
        }, delivered::add, delivered::add);
        second.cancel();
        assertThat(background.idle()).isFalse();
        release.countDown();
        awaitQuiet();
        assertThat(secondRan).as("cancelled before it started, so never started").isFalse();
        assertThat(delivered).containsExactly("first");
        assertThat(background.idle()).isTrue();
    }

    @Test
    void cancellingRunningWorkTellsItAndDropsItsResultAndProgress() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean noticed = new AtomicBoolean();
        List<Object> delivered = new CopyOnWriteArrayList<>();
        Background.Job job = background.withProgress(p -> {
            p.update(0.1, "Counting cases…");
            started.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!p.cancelled() && System.nanoTime() < end) {
                Thread.sleep(1);
            }
            noticed.set(p.cancelled());
            p.update(1, "should not be shown");
            p.stopIfCancelled();
            return "finished";
        }, delivered::add, delivered::add, delivered::add);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        job.cancel();
        awaitQuiet();
        assertThat(noticed).as("the work saw it was cancelled").isTrue();
        assertThat(delivered).allMatch(o -> o instanceof Background.Step s && s.message().equals("Counting cases…"));
    }

    @Test
    void progressArrivesOnTheUiThreadAndEndsWithTheLatestStep() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        List<Background.Step> steps = new CopyOnWriteArrayList<>();
        List<String> result = new CopyOnWriteArrayList<>();
        background.withProgress(p -> {
            for (int i = 1; i <= 100; i++) {
                p.update(i / 100.0, i + " of 100");
            }
            return "done";
        }, s -> {
            threads.add(Thread.currentThread().getName());
            steps.add(s);
        }, result::add, result::add);
        awaitQuiet();
        assertThat(result).containsExactly("done");
        assertThat(steps).isNotEmpty().last().isEqualTo(new Background.Step(1.0, "100 of 100"));
        assertThat(threads).containsOnly("ui");
    }

    @Test
    void aFailureNobodyHandlesIsShownOnTheStatusLineInPlainWords() throws Exception {
        List<String> statusLine = new CopyOnWriteArrayList<>();
        background.reportFailuresTo(statusLine::add);
        background.run(() -> {
            throw new UncheckedIOException(new NoSuchFileException("S:/team/resolve.mv.db"));
        }, v -> statusLine.add("should not succeed"));
        awaitQuiet();
        assertThat(statusLine).hasSize(1);
        assertThat(statusLine.get(0)).startsWith("Resolve could not read or write a file")
                .contains("Check that the file or folder exists").doesNotContain("UncheckedIOException");
    }

    @Test
    void workHandedToItsExecutorsIsWaitedForLikeAnyOtherJob() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        background.ordered().execute(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("task");
        });
        background.run(() -> "after", order::add, order::add);
        assertThat(background.awaitIdle(Duration.ofMillis(200))).as("still busy while the task waits").isFalse();
        release.countDown();
        awaitQuiet();
        assertThat(order).containsExactly("task", "after");
    }

    @Test
    void workAskedForAfterClosingFailsInsteadOfHanging() throws Exception {
        background.close();
        List<String> failed = new CopyOnWriteArrayList<>();
        background.run(() -> "never", failed::add, failed::add);
        awaitQuiet();
        assertThat(failed).hasSize(1).doesNotContain("never");
    }
}
